import { ACCEPTED, InvalidArgumentError } from '@alphaswarm/core';
import type { AlgorithmContext, OrderRequest, PreTradeControl, PreTradeVerdict } from '@alphaswarm/core';
import { integerAtLeast, modelName } from '../caps/option-checks.js';
import { rejection } from './verdicts.js';

/** Options of {@link MaxOpenOrders}. */
export interface MaxOpenOrdersOptions {
  /** Largest number of orders open at once, an integer ≥ 1. */
  readonly maxOpenOrders: number;
  /** When true, the count is per symbol (the order's symbol); when false (default), over the account. */
  readonly perSymbol?: boolean;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * Rejects an order that would make the number of open orders exceed
 * `maxOpenOrders` (accepted while `open + 1 ≤ maxOpenOrders`), over the account or
 * per symbol. Open orders are those submitted and not yet filled, cancelled or
 * rejected (`ctx.openOrders`); orders accepted earlier in the same bar count.
 * Rule `max_open_orders`; details `openOrders`, `limit`, `perSymbol`.
 */
export class MaxOpenOrders implements PreTradeControl {
  /** Name used in risk events. */
  readonly name: string;
  /** The largest number of open orders. */
  readonly maxOpenOrders: number;
  /** Whether the count is per symbol. */
  readonly perSymbol: boolean;

  /** @throws InvalidArgumentError when `maxOpenOrders` is not an integer ≥ 1. */
  constructor(options: MaxOpenOrdersOptions) {
    this.maxOpenOrders = integerAtLeast('maxOpenOrders', options.maxOpenOrders, 1);
    this.perSymbol = options.perSymbol ?? false;
    if (typeof this.perSymbol !== 'boolean') throw new InvalidArgumentError('perSymbol', this.perSymbol, 'a boolean');
    this.name = modelName(options.name, 'MaxOpenOrders');
  }

  /** Accepts while the open orders plus this one stay within the limit. */
  check(ctx: AlgorithmContext, request: OrderRequest, _price?: number): PreTradeVerdict {
    const open = ctx.openOrders(this.perSymbol ? request.symbol : undefined).length;
    if (open + 1 <= this.maxOpenOrders) return ACCEPTED;
    const scope = this.perSymbol ? `for ${request.symbol.value}` : 'on the account';
    return rejection('max_open_orders', `${open} orders already open ${scope}, the maximum is ${this.maxOpenOrders}`, {
      openOrders: open,
      limit: this.maxOpenOrders,
      perSymbol: this.perSymbol,
    });
  }
}

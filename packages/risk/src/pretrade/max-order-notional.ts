import { ACCEPTED } from '@alphaswarm/core';
import type { AlgorithmContext, OrderRequest, PreTradeControl, PreTradeVerdict } from '@alphaswarm/core';
import { modelName, positive } from '../caps/option-checks.js';
import { orderPrice, rejection } from './verdicts.js';

/** Options of {@link MaxOrderNotional}. */
export interface MaxOrderNotionalOptions {
  /** Largest notional of one order, in account currency (a finite number > 0). */
  readonly maxNotional: number;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * Rejects an order whose notional `|quantity| × price` is strictly greater than
 * `maxNotional` (SEC 15c3-5 single-order credit threshold / MiFID II RTS 6 maximum
 * order value). The price is the order's limit price (`limit`, `stop_limit`), its
 * stop price (`stop`), or the last price (`market`). An order that cannot be valued
 * (a market order before the symbol's first price) is rejected: the check fails
 * closed. Rule `max_order_notional`; details `notional`, `orderPrice`, `limit`.
 */
export class MaxOrderNotional implements PreTradeControl {
  /** Name used in risk events. */
  readonly name: string;
  /** The largest notional allowed, in account currency. */
  readonly maxNotional: number;

  /** @throws InvalidArgumentError when `maxNotional` is not a finite number > 0. */
  constructor(options: MaxOrderNotionalOptions) {
    this.maxNotional = positive('maxNotional', options.maxNotional);
    this.name = modelName(options.name, 'MaxOrderNotional');
  }

  /** Accepts when `|quantity| × price ≤ maxNotional`. */
  check(_ctx: AlgorithmContext, request: OrderRequest, price: number): PreTradeVerdict {
    const at = orderPrice(request, price);
    if (Number.isNaN(at)) {
      return rejection('max_order_notional', `no price to value the order of ${request.symbol.value} at`, { notional: null, orderPrice: null, limit: this.maxNotional });
    }
    const notional = Math.abs(request.quantity) * at;
    if (notional <= this.maxNotional) return ACCEPTED;
    return rejection('max_order_notional', `order notional ${notional.toFixed(2)} above the maximum ${this.maxNotional}`, { notional, orderPrice: at, limit: this.maxNotional });
  }
}

import { ACCEPTED } from '@alphaswarm/core';
import type { AlgorithmContext, OrderRequest, PreTradeControl, PreTradeVerdict } from '@alphaswarm/core';
import { modelName, positive } from '../caps/option-checks.js';
import { rejection } from './verdicts.js';

/** Options of {@link MaxOrderQuantity}. */
export interface MaxOrderQuantityOptions {
  /** Largest absolute quantity of one order, in units of the instrument (a finite number > 0). */
  readonly maxQuantity: number;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * Rejects an order whose absolute quantity is strictly greater than `maxQuantity`
 * (a fat-finger size check, SEC 15c3-5(c)(1)(ii) / MiFID II RTS 6 art. 15 maximum
 * order volume). Rule `max_order_quantity`; details `quantity`, `limit`.
 */
export class MaxOrderQuantity implements PreTradeControl {
  /** Name used in risk events. */
  readonly name: string;
  /** The largest absolute quantity allowed. */
  readonly maxQuantity: number;

  /** @throws InvalidArgumentError when `maxQuantity` is not a finite number > 0. */
  constructor(options: MaxOrderQuantityOptions) {
    this.maxQuantity = positive('maxQuantity', options.maxQuantity);
    this.name = modelName(options.name, 'MaxOrderQuantity');
  }

  /** Accepts when `|quantity| ≤ maxQuantity`. */
  check(_ctx: AlgorithmContext, request: OrderRequest, _price?: number): PreTradeVerdict {
    const size = Math.abs(request.quantity);
    if (size <= this.maxQuantity) return ACCEPTED;
    return rejection('max_order_quantity', `order quantity ${size} above the maximum ${this.maxQuantity}`, { quantity: request.quantity, limit: this.maxQuantity });
  }
}

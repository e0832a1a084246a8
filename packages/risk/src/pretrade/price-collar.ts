import { ACCEPTED } from '@alphaswarm/core';
import type { AlgorithmContext, OrderRequest, PreTradeControl, PreTradeVerdict } from '@alphaswarm/core';
import { modelName, positive } from '../caps/option-checks.js';
import { rejection } from './verdicts.js';

/** Options of {@link PriceCollar}. */
export interface PriceCollarOptions {
  /** Largest relative distance of a limit price from the last price, a fraction (0.05 = 5 %), finite and > 0. */
  readonly maxDeviation: number;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * Rejects an order whose limit price is too far from the last price (a price
 * collar, MiFID II RTS 6 art. 15(1)(a) price collars / SEC 15c3-5 erroneous-order
 * checks): deviation `|limitPrice − last| / last` strictly greater than
 * `maxDeviation`. Applies to `limit` and `stop_limit` orders; a `market` or `stop`
 * order is priced at the last price (deviation 0) and passes. A limit order on a
 * symbol without a last price is rejected (fails closed). Rule `price_collar`;
 * details `limitPrice`, `lastPrice`, `deviation`, `maxDeviation`.
 */
export class PriceCollar implements PreTradeControl {
  /** Name used in risk events. */
  readonly name: string;
  /** The largest relative deviation allowed. */
  readonly maxDeviation: number;

  /** @throws InvalidArgumentError when `maxDeviation` is not a finite number > 0. */
  constructor(options: PriceCollarOptions) {
    this.maxDeviation = positive('maxDeviation', options.maxDeviation);
    this.name = modelName(options.name, 'PriceCollar');
  }

  /** Accepts a market or stop order, or a limit price within the collar. */
  check(_ctx: AlgorithmContext, request: OrderRequest, price: number): PreTradeVerdict {
    const limitPrice = request.limitPrice;
    if (limitPrice === undefined) return ACCEPTED;
    if (!(price > 0 && Number.isFinite(price))) {
      return rejection('price_collar', `no last price of ${request.symbol.value} to check the limit ${limitPrice} against`, {
        limitPrice,
        lastPrice: null,
        deviation: null,
        maxDeviation: this.maxDeviation,
      });
    }
    const deviation = Math.abs(limitPrice - price) / price;
    if (deviation <= this.maxDeviation) return ACCEPTED;
    return rejection('price_collar', `limit ${limitPrice} is ${(deviation * 100).toFixed(2)}% from the last price ${price}, above the collar ${(this.maxDeviation * 100).toFixed(2)}%`, {
      limitPrice,
      lastPrice: price,
      deviation,
      maxDeviation: this.maxDeviation,
    });
  }
}

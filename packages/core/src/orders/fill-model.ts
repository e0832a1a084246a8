import { InvalidArgumentError } from '../errors.js';
import type { BarView } from './bar.js';
import type { Order } from './order.js';

/** What a {@link FillModel} says can execute in one bar. */
export interface FillModelResult {
  /** Signed quantity that fills in this bar: same sign as the order, `|quantity| ≤ |remainingQuantity|`. */
  quantity: number;
  /** Raw execution price per unit, before slippage. */
  price: number;
}

/**
 * Decides whether, how much and at what raw price (before slippage) an open order
 * fills against one bar. It may update trigger state on the order (the stop of a
 * `stop_limit`), but it books nothing: the {@link FillSimulator} does that.
 */
export interface FillModel {
  /**
   * @param order - an order; models return `undefined` for orders that are not open
   * @param bar - the bar to fill against (read during the call only)
   * @returns the fillable signed quantity and the raw price, or `undefined` for no fill in this bar
   */
  fill(order: Order, bar: BarView): FillModelResult | undefined;
}

/** Options of {@link DefaultFillModel}. */
export interface DefaultFillModelOptions {
  /**
   * Largest fraction of a bar's volume one order may take in that bar, in (0, 1]:
   * `|quantity| ≤ floor(maxParticipation × bar.volume)`. The rest stays working for
   * later bars (partial fills). When the cap is 0 (thin or zero volume) nothing fills
   * in that bar. Omitted: no cap, volume is ignored.
   */
  maxParticipation?: number;
}

/**
 * The default fill rules on OHLC bars, chosen so that an order never fills at a
 * price the bar did not trade and a gap fills at the (worse or better) open:
 *
 * - `market`: fills at the open.
 * - buy `limit` L: open ≤ L → open (gap through the limit: the better open); else
 *   low ≤ L → L; else no fill. Sell `limit` mirrored: open ≥ L → open; else high ≥ L → L.
 * - buy `stop` S: open ≥ S → open (gap through the stop: the worse open); else
 *   high ≥ S → S. Sell `stop` mirrored: open ≤ S → open; else low ≤ S → S.
 * - `stop_limit` (stop S, limit L): triggers like a stop and marks
 *   {@link Order.stopTriggered}, which persists across bars. In a bar after the one
 *   that triggered it, it fills exactly like a limit order. In the triggering bar,
 *   with trigger price T (the open on a gap, else S):
 *   - if T is within the limit (buy: T ≤ L; sell: T ≥ L) it fills at T;
 *   - if the trigger was the open (gap) and the limit is not, the whole rest of the
 *     bar lies after the trigger, so it fills at L when the bar's range reaches L
 *     (buy: low ≤ L; sell: high ≥ L);
 *   - if the trigger was intrabar at S and S is beyond the limit, OHLC does not tell
 *     whether the range beyond L came before or after the trigger, so it does NOT
 *     fill in that bar (the conservative choice) and works as a limit from the next bar.
 *
 * Quantity: the whole remaining quantity, capped by
 * {@link DefaultFillModelOptions.maxParticipation}. The cap applies to each order
 * separately: two orders on one symbol in one bar may each take the cap.
 *
 * A bar whose time is before the order's `createdAt` never fills it. Deciding that
 * an order created while processing bar t first meets bar t+1 is the engine's job.
 */
export class DefaultFillModel implements FillModel {
  /** The participation cap, or `undefined` for none. */
  readonly maxParticipation: number | undefined;

  /** @param options - see {@link DefaultFillModelOptions} */
  constructor({ maxParticipation }: DefaultFillModelOptions = {}) {
    if (maxParticipation !== undefined && !(maxParticipation > 0 && maxParticipation <= 1)) {
      throw new InvalidArgumentError('maxParticipation', maxParticipation, 'a fraction of bar volume in (0, 1]');
    }
    this.maxParticipation = maxParticipation;
  }

  /** Applies the rules above; see {@link FillModel.fill}. */
  fill(order: Order, bar: BarView): FillModelResult | undefined {
    if (!order.isOpen || bar.time < order.createdAt) return undefined;
    const price = this.price(order, bar);
    if (price === undefined) return undefined;
    const remaining = order.remainingQuantity;
    let quantity = remaining;
    if (this.maxParticipation !== undefined) {
      const cap = Math.floor(this.maxParticipation * bar.volume);
      if (!(cap > 0)) return undefined;
      if (Math.abs(remaining) > cap) quantity = remaining > 0 ? cap : -cap;
    }
    return { quantity, price };
  }

  private price(order: Order, bar: BarView): number | undefined {
    const buy = order.quantity > 0;
    switch (order.type) {
      case 'market':
        return bar.open;
      case 'limit':
        return limitPrice(buy, order.limitPrice ?? Number.NaN, bar);
      case 'stop':
        return stopPrice(buy, order.stopPrice ?? Number.NaN, bar);
      case 'stop_limit': {
        const limit = order.limitPrice ?? Number.NaN;
        if (order.stopTriggered) return limitPrice(buy, limit, bar);
        const trigger = stopPrice(buy, order.stopPrice ?? Number.NaN, bar);
        if (trigger === undefined) return undefined;
        order.markStopTriggered();
        if (buy ? trigger <= limit : trigger >= limit) return trigger;
        const gapped = trigger === bar.open;
        if (gapped && (buy ? bar.low <= limit : bar.high >= limit)) return limit;
        return undefined;
      }
    }
  }
}

function limitPrice(buy: boolean, limit: number, bar: BarView): number | undefined {
  if (buy) {
    if (bar.open <= limit) return bar.open;
    return bar.low <= limit ? limit : undefined;
  }
  if (bar.open >= limit) return bar.open;
  return bar.high >= limit ? limit : undefined;
}

function stopPrice(buy: boolean, stop: number, bar: BarView): number | undefined {
  if (buy) {
    if (bar.open >= stop) return bar.open;
    return bar.high >= stop ? stop : undefined;
  }
  if (bar.open <= stop) return bar.open;
  return bar.low <= stop ? stop : undefined;
}

import { AlphaSwarmError, InvalidArgumentError } from '../errors.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import { MS_PER_DAY, utcDay } from '../time.js';
import type { EpochMs } from '../time.js';
import type { BarView } from './bar.js';
import type { FeeModel } from './fees.js';
import { NoFees } from './fees.js';
import type { Fill } from './fill.js';
import { DefaultFillModel } from './fill-model.js';
import type { FillModel } from './fill-model.js';
import type { Order } from './order.js';
import { isQuantityDust } from './quantity-tolerance.js';
import { NoSlippage } from './slippage.js';
import type { SlippageModel } from './slippage.js';

/** Options of {@link FillSimulator}. */
export interface FillSimulatorOptions {
  /** Which orders fill, how much and at what raw price; default `new DefaultFillModel()`. */
  fillModel?: FillModel;
  /** Price adjustment against the trader; default {@link NoSlippage}. */
  slippage?: SlippageModel;
  /** Fees per fill; default {@link NoFees}. */
  fees?: FeeModel;
  /**
   * Maximum gross exposure as a multiple of equity, finite and > 0; default 1 (no
   * borrowing: a buy needs the cash). See {@link FillSimulator} for the rule.
   */
  leverage?: number;
}

/** Reason given to day orders cancelled at the end of their UTC day. */
export const DAY_ORDER_EXPIRED = 'day order expired';

/**
 * The first instant (epoch ms) at which a day order created at `createdAt` is no
 * longer valid: midnight UTC after its creation day.
 */
export function dayOrderExpiry(createdAt: EpochMs): EpochMs {
  return (utcDay(createdAt) + 1) * MS_PER_DAY;
}

const NONE: readonly Order[] = Object.freeze([]);

/**
 * Cancels, with reason {@link DAY_ORDER_EXPIRED}, every open `day` order created on a
 * UTC day before the one of `time`; i.e. a day order lives until the end of the UTC
 * day it was created on. Call it before offering the orders a bar at `time`.
 * (With daily bars stamped at midnight a day order created on one bar therefore never
 * meets the next bar: use `gtc` there.)
 *
 * @returns the orders cancelled now (a shared empty array when none)
 */
export function expireDayOrders(orders: Iterable<Order>, time: EpochMs): readonly Order[] {
  let expired: Order[] | undefined;
  for (const order of orders) {
    if (order.timeInForce === 'day' && order.isOpen && time >= dayOrderExpiry(order.createdAt)) {
      order.cancel(DAY_ORDER_EXPIRED);
      (expired ??= []).push(order);
    }
  }
  return expired ?? NONE;
}

/** Formats an amount with thousands separators and 2 decimals, for messages only. */
function formatAmount(amount: number): string {
  const fixed = Math.abs(amount).toFixed(2);
  const dot = fixed.indexOf('.');
  const whole = fixed.slice(0, dot).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 && fixed !== '0.00' ? '-' : ''}${whole}${fixed.slice(dot)}`;
}

/**
 * Executes open orders against bars: the simulated broker of the backtester.
 *
 * For each (order, bar) {@link FillSimulator.process} asks the fill model for a
 * quantity and raw price, applies slippage, then fees (on the slipped price), then
 * the buying-power check, and on success fills the order and books the fill in the
 * portfolio.
 *
 * Buying-power rule. A fill that only reduces an existing position (opposite sign,
 * not larger than the position) always passes, even if it leaves cash negative. Any
 * other fill (opening, increasing, or flipping through 0) passes iff, after it,
 * `grossExposure ≤ leverage × equity`, where equity is after the fee and the
 * order's symbol is valued at the fill price (other symbols at their last mark). A
 * flip is judged as a whole. With leverage 1 and only longs this is `cash ≥ 0`: no
 * borrowing. Equivalently `needs ≤ has` with `needs = Δgross / leverage + fee` (the
 * margin the fill adds plus its fee) and `has = equity − gross / leverage` (equity not
 * yet used as margin), both before the fill; a relative tolerance of 1e-12 absorbs
 * floating-point error only. The rejection reason names both:
 * `insufficient buying power: needs 10,050.00, has 9,000.00` (2 decimals for display
 * only; nothing is rounded in the books).
 */
export class FillSimulator {
  /** The fill model in use. */
  readonly fillModel: FillModel;
  /** The slippage model in use. */
  readonly slippage: SlippageModel;
  /** The fee model in use. */
  readonly fees: FeeModel;
  /** Maximum gross exposure as a multiple of equity. */
  readonly leverage: number;

  /** @param options - see {@link FillSimulatorOptions} */
  constructor({ fillModel = new DefaultFillModel(), slippage = new NoSlippage(), fees = new NoFees(), leverage = 1 }: FillSimulatorOptions = {}) {
    if (typeof leverage !== 'number' || !Number.isFinite(leverage) || leverage <= 0) {
      throw new InvalidArgumentError('leverage', leverage, 'a finite multiple of equity > 0');
    }
    this.fillModel = fillModel;
    this.slippage = slippage;
    this.fees = fees;
    this.leverage = leverage;
  }

  /**
   * Tries to fill `order` against `bar`.
   *
   * - A closed order, or no fill from the fill model: returns `undefined`, changes nothing.
   * - Buying power short: the order is rejected (cancelled, with the same reason, if
   *   it is already partially filled, since a partial fill cannot be rejected); returns
   *   `undefined`; the portfolio is untouched.
   * - Otherwise: fills the order, books the fill in the portfolio, returns the fill.
   *
   * It does not expire `day` orders: the caller applies its time-in-force policy
   * first ({@link expireDayOrders} implements the end-of-creation-day rule).
   *
   * @throws {@link AlphaSwarmError} `INVALID_FILL` when a model returns a non-finite or
   * non-positive price, a negative fee, or a quantity not allowed by the order; nothing
   * is changed then.
   */
  process(order: Order, bar: BarView, portfolio: Portfolio): Fill | undefined {
    if (!order.isOpen) return undefined;
    const proposal = this.fillModel.fill(order, bar);
    if (proposal === undefined) return undefined;
    const { quantity, price: raw } = proposal;
    if (quantity === 0) return undefined;
    const remaining = order.remainingQuantity;
    if (
      !Number.isFinite(quantity) ||
      Math.sign(quantity) !== Math.sign(remaining) ||
      (Math.abs(quantity) > Math.abs(remaining) && !isQuantityDust(remaining - quantity, order.quantity))
    ) {
      throw invalidFill(order, 'quantity', quantity, `the sign of and at most the remaining ${remaining}`);
    }
    if (!(raw > 0 && raw < Infinity)) throw invalidFill(order, 'price', raw, 'a finite raw price > 0');
    const price = this.slippage.price(raw, quantity, bar);
    if (!(price > 0 && price < Infinity)) throw invalidFill(order, 'slippage price', price, 'a finite price > 0');
    const fee = this.fees.fee(quantity, price);
    if (!(fee >= 0 && fee < Infinity)) throw invalidFill(order, 'fee', fee, 'a finite fee ≥ 0');

    const shortfall = this.buyingPowerShortfall(portfolio, order, quantity, price, fee);
    if (shortfall !== undefined) {
      if (order.status === 'submitted') order.reject(shortfall);
      else order.cancel(shortfall);
      return undefined;
    }
    order.fill(quantity, price);
    const fill: Fill = {
      orderId: order.id,
      symbol: order.symbol,
      time: bar.time,
      quantity,
      price,
      fee,
      slippage: (price - raw) * quantity + 0, // + 0 turns −0 into 0
    };
    portfolio.applyFill(fill);
    return fill;
  }

  /** Cancels expired day orders; see {@link expireDayOrders}. */
  expireDayOrders(orders: Iterable<Order>, time: EpochMs): readonly Order[] {
    return expireDayOrders(orders, time);
  }

  /** The rejection reason when the fill fails the buying-power rule, else `undefined`. */
  private buyingPowerShortfall(portfolio: Portfolio, order: Order, quantity: number, price: number, fee: number): string | undefined {
    const held = portfolio.quantity(order.symbol);
    const reduces =
      held !== 0 && held > 0 !== quantity > 0 && (Math.abs(quantity) <= Math.abs(held) || isQuantityDust(held + quantity, held));
    if (reduces) return undefined;
    const last = portfolio.position(order.symbol)?.lastPrice ?? 0;
    const heldUnits = Math.abs(held);
    const equity = portfolio.equity + held * (price - last);
    const gross = portfolio.grossExposure + heldUnits * (price - last);
    const added = (Math.abs(held + quantity) - heldUnits) * price;
    const needs = added / this.leverage + fee;
    const has = equity - gross / this.leverage;
    const tolerance = 1e-12 * Math.max(1, Math.abs(equity), (gross + Math.abs(added)) / this.leverage);
    if (needs <= has + tolerance) return undefined;
    return `insufficient buying power: needs ${formatAmount(needs)}, has ${formatAmount(has)}`;
  }
}

function invalidFill(order: Order, field: string, value: number, expected: string): AlphaSwarmError {
  return new AlphaSwarmError('INVALID_FILL', `order ${order.id}: model gave ${field} ${value}, expected ${expected}`, {
    path: field,
    value,
  });
}

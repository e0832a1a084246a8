import type { BarView } from '../orders/bar.js';
import type { Fill } from '../orders/fill.js';
import type { Order } from '../orders/order.js';
import type { FillSimulator } from '../orders/simulated-execution.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import type { SymbolId } from '../symbol-id.js';
import { utcDay, type EpochMs } from '../time.js';

/**
 * The bars of one timestamp that matching reads: the bar of a symbol at that time,
 * or `undefined` when it has none. The backtest's `SliceFeed` and every `Slice`
 * satisfy it, so the engine hands its feed over without any per-bar allocation.
 */
export interface BarLookup {
  /** The bar of `symbol` at the matching time, or `undefined`. The view may be reused: read it during the call. */
  bar(symbol: SymbolId): BarView | undefined;
}

/** Receives what the broker did while matching a slice. */
export interface MatchListener {
  /** A (partial) fill was booked in the portfolio. */
  onFill(fill: Fill, order: Order): void;
  /** An order was cancelled or rejected. */
  onOrderEnded(order: Order, status: 'cancelled' | 'rejected', reason: string): void;
}

/**
 * The backtest's broker: holds open orders and matches them against each new slice
 * through a {@link FillSimulator}. The one implementation of order matching: the
 * engine uses it on its slice feed, and the paper broker (`SimulatedBroker` of
 * `@alphaswarm/adapters`) on the bars of each session cycle.
 *
 * Semantics: an order is eligible only on bars strictly after the one during which
 * it was created (no same-bar fills). Within a slice, orders that reduce a position
 * are matched before orders that open or add to one (so sales free cash first),
 * each group by order id. A `day` order lives through the first UTC day on which it
 * could fill and is cancelled at the first bar of a later day.
 */
export class BacktestBroker {
  private open: Order[] = [];
  private readonly firstDay = new Map<number, number>();

  /** @param simulator - fill, slippage, fee and buying-power rules */
  constructor(private readonly simulator: FillSimulator) {}

  /** Number of open orders. */
  get openCount(): number {
    return this.open.length;
  }

  /**
   * Accepts an order for matching from the next bar on.
   *
   * @param firstDay - for a restored `day` order: the UTC day number on which it first
   *   became eligible (from {@link BacktestBroker.firstEligibleDay}); omit for a new order
   */
  submit(order: Order, firstDay?: number): void {
    this.open.push(order);
    if (firstDay !== undefined) this.firstDay.set(order.id, firstDay);
  }

  /**
   * The UTC day number on which the open `day` order `orderId` first became
   * eligible, or `undefined` when it has not yet been (or is not a day order).
   * Saved with the order so that a restored broker expires it on the same bar.
   */
  firstEligibleDay(orderId: number): number | undefined {
    return this.firstDay.get(orderId);
  }

  /**
   * Cancels the open order `orderId` with `reason` and removes it from the book.
   * Returns the order, or `undefined` when no open order has that id.
   */
  cancel(orderId: number, reason: string): Order | undefined {
    const order = this.open.find((o) => o.id === orderId);
    if (order === undefined) return undefined;
    if (order.isOpen) order.cancel(reason);
    this.open = this.open.filter((o) => o !== order);
    this.firstDay.delete(orderId);
    return order;
  }

  /** Open orders, for one symbol when given, in id order. */
  openOrders(symbol?: SymbolId): readonly Order[] {
    return symbol === undefined ? this.open : this.open.filter((o) => o.symbol === symbol);
  }

  /**
   * Matches the open orders against the bars of `time`: an order is eligible when it
   * was created before `time` and its symbol has a bar in `bars`. Fills are booked in
   * `portfolio` and reported to `listener` in matching order.
   */
  match(time: EpochMs, bars: BarLookup, portfolio: Portfolio, listener: MatchListener): void {
    if (this.open.length === 0) return;
    const day = utcDay(time);
    const eligible: Order[] = [];
    for (let i = 0; i < this.open.length; i += 1) {
      const order = this.open[i] as Order;
      if (order.createdAt >= time || bars.bar(order.symbol) === undefined) continue;
      if (order.timeInForce === 'day') {
        const first = this.firstDay.get(order.id);
        if (first === undefined) this.firstDay.set(order.id, day);
        else if (day > first) {
          order.cancel('day order expired');
          listener.onOrderEnded(order, 'cancelled', 'day order expired');
          continue;
        }
      }
      eligible.push(order);
    }
    if (eligible.length > 1) sortForMatching(eligible, portfolio);
    for (let i = 0; i < eligible.length; i += 1) {
      const order = eligible[i] as Order;
      const bar = bars.bar(order.symbol);
      if (bar === undefined) continue;
      const fill = this.simulator.process(order, bar, portfolio);
      if (fill !== undefined) listener.onFill(fill, order);
      else if (order.status === 'rejected') listener.onOrderEnded(order, 'rejected', order.rejectReason ?? 'rejected');
      else if (order.status === 'cancelled') listener.onOrderEnded(order, 'cancelled', order.cancelReason ?? 'cancelled');
    }
    this.dropClosed();
  }

  /**
   * Removes the orders no longer open from the book (and their day-order records).
   * The book becomes a new array, so a list returned by `openOrders` earlier stays as it was.
   */
  private dropClosed(): void {
    const next: Order[] = [];
    for (let i = 0; i < this.open.length; i += 1) {
      const order = this.open[i] as Order;
      if (order.isOpen) next.push(order);
      else this.firstDay.delete(order.id);
    }
    this.open = next;
  }
}

/** Reducing orders first (they free buying power), then by id. */
function sortForMatching(eligible: Order[], portfolio: Portfolio): void {
  eligible.sort((a, b) => reduces(b, portfolio) - reduces(a, portfolio) || a.id - b.id);
}

function reduces(order: Order, portfolio: Portfolio): number {
  const held = portfolio.quantity(order.symbol);
  return held !== 0 && Math.sign(held) !== Math.sign(order.remainingQuantity) ? 1 : 0;
}

import type { Fill } from '../orders/fill.js';
import type { Order } from '../orders/order.js';
import type { FillSimulator } from '../orders/simulated-execution.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import type { SymbolId } from '../symbol-id.js';
import { utcDay } from '../time.js';
import type { SliceFeed } from './slice-feed.js';

/** Receives what the broker did while matching a slice. */
export interface MatchListener {
  /** A (partial) fill was booked in the portfolio. */
  onFill(fill: Fill, order: Order): void;
  /** An order was cancelled or rejected. */
  onOrderEnded(order: Order, status: 'cancelled' | 'rejected', reason: string): void;
}

/**
 * The backtest's broker: holds open orders and matches them against each new slice
 * through a {@link FillSimulator}.
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

  /** Accepts an order for matching from the next bar on. */
  submit(order: Order): void {
    this.open.push(order);
  }

  /** Open orders, for one symbol when given, in id order. */
  openOrders(symbol?: SymbolId): readonly Order[] {
    return symbol === undefined ? this.open : this.open.filter((o) => o.symbol === symbol);
  }

  /** Matches open orders against the current slice of `feed`. */
  match(feed: SliceFeed, portfolio: Portfolio, listener: MatchListener): void {
    if (this.open.length === 0) return;
    const time = feed.time;
    const day = utcDay(time);
    const eligible: Order[] = [];
    for (const order of this.open) {
      if (order.createdAt >= time || !feed.has(order.symbol)) continue;
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
    eligible.sort((a, b) => reduces(b, portfolio) - reduces(a, portfolio) || a.id - b.id);
    for (const order of eligible) {
      const bar = feed.bar(order.symbol);
      if (bar === undefined) continue;
      const fill = this.simulator.process(order, bar, portfolio);
      if (fill !== undefined) listener.onFill(fill, order);
      else if (order.status === 'rejected') listener.onOrderEnded(order, 'rejected', order.rejectReason ?? 'rejected');
      else if (order.status === 'cancelled') listener.onOrderEnded(order, 'cancelled', order.cancelReason ?? 'cancelled');
    }
    this.open = this.open.filter((o) => o.isOpen);
    for (const id of [...this.firstDay.keys()]) if (!this.open.some((o) => o.id === id)) this.firstDay.delete(id);
  }
}

function reduces(order: Order, portfolio: Portfolio): number {
  const held = portfolio.quantity(order.symbol);
  return held !== 0 && Math.sign(held) !== Math.sign(order.remainingQuantity) ? 1 : 0;
}

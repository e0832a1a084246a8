import type { OpenOrderSource } from '../backtest/run-context.js';
import type { Order, OrderJson } from '../orders/order.js';
import type { SymbolId } from '../symbol-id.js';

/** An open order of a session as persisted: the order and the id the broker knows it by. */
export interface SessionOrderRecord {
  /** The client order id sent to the broker. */
  readonly clientOrderId: string;
  /** The order ({@link Order.toJSON}). */
  readonly order: OrderJson;
}

/**
 * The session's own view of its working orders: what the models see through
 * `ctx.openOrders`, updated from the broker's order updates. Orders are kept in id
 * (= submission) order, like the backtester's broker; closed ones leave at
 * {@link SessionOrderBook.prune}.
 */
export class SessionOrderBook implements OpenOrderSource {
  private open: Order[] = [];
  private readonly byClient = new Map<string, Order>();
  private readonly clientOf = new Map<Order, string>();

  /** Number of orders held (open until pruned). */
  get openCount(): number {
    return this.open.length;
  }

  /** Adds a newly submitted order under its client id. */
  add(order: Order, clientOrderId: string): void {
    this.open.push(order);
    this.byClient.set(clientOrderId, order);
    this.clientOf.set(order, clientOrderId);
  }

  /** The order with this client id, while held. */
  get(clientOrderId: string): Order | undefined {
    return this.byClient.get(clientOrderId);
  }

  /** Open orders, for one symbol when given, in id order. */
  openOrders(symbol?: SymbolId): readonly Order[] {
    return symbol === undefined ? this.open : this.open.filter((o) => o.symbol === symbol);
  }

  /** Drops the orders that are no longer open (filled, cancelled, rejected). */
  prune(): void {
    if (this.open.every((o) => o.isOpen)) return;
    for (const order of this.open) {
      if (order.isOpen) continue;
      const id = this.clientOf.get(order);
      if (id !== undefined) this.byClient.delete(id);
      this.clientOf.delete(order);
    }
    this.open = this.open.filter((o) => o.isOpen);
  }

  /** The open orders as persisted records, in id order. */
  records(): SessionOrderRecord[] {
    return this.open.filter((o) => o.isOpen).map((order) => ({ clientOrderId: this.clientOf.get(order) ?? '', order: order.toJSON() }));
  }
}

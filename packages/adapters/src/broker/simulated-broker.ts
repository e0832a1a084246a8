import { EventEmitter } from 'eventemitter3';
import { z } from 'zod';
import { AlphaSwarmError, BacktestBroker, FillSimulator, InvalidArgumentError, Order, Portfolio, orderFromJson, parsePortfolioSnapshot } from '@alphaswarm/core';
import type {
  BrokerAccount,
  BrokerAdapter,
  BrokerOrder,
  BrokerOrderRequest,
  BrokerPosition,
  EpochMs,
  Fill,
  FillSimulatorOptions,
  JsonValue,
  MatchListener,
  OrderJson,
  OrderUpdate,
  OrderUpdateListener,
  Slice,
} from '@alphaswarm/core';

/** Options of a {@link SimulatedBroker}: the account's cash plus the backtester's fill, slippage, fee and leverage models. */
export interface SimulatedBrokerOptions extends FillSimulatorOptions {
  /** Starting cash of the simulated account, finite and ≥ 0. */
  readonly initialCash: number;
  /** Name in journals; default `SimulatedBroker`. */
  readonly name?: string;
  /** Account currency reported by `account()`; default `USD`. */
  readonly currency?: string;
}

const CANCELLED_BY_CLIENT = 'cancelled by client';

const stateSchema = z.strictObject({
  version: z.literal(1),
  portfolio: z.unknown(),
  nextId: z.number().int().min(1),
  orders: z.array(z.strictObject({ clientOrderId: z.string().min(1), order: z.record(z.string(), z.unknown()), firstDay: z.number().int().nullable() })),
});

/**
 * A paper broker that executes like the backtester: its matching is the engine's
 * own (`BacktestBroker` over a `FillSimulator` with the given fill, slippage, fee and
 * leverage models), applied to the bars the session hands to {@link SimulatedBroker.sync}
 * — an order fills from the bar after the one it was created on, reducing orders
 * before the others, `day` orders expire as in a backtest. The account is its own
 * `Portfolio`, marked at the opens (when orders are pending) and at the closes of
 * each slice, exactly as the engine marks its portfolio. A paper session over a
 * replay with this broker therefore produces the fills of the backtest.
 *
 * `submit` is idempotent per client order id. A cancellation is reported at the next
 * `sync`. The state (account, working orders, ids) survives a restart through
 * {@link SimulatedBroker.saveState} / {@link SimulatedBroker.loadState}.
 */
export class SimulatedBroker implements BrokerAdapter {
  /** Name in journals. */
  readonly name: string;
  /** Always false: nothing leaves the process. */
  readonly live = false;
  /** Account currency. */
  readonly currency: string;
  private readonly simulator: FillSimulator;
  private portfolio: Portfolio;
  private matcher: BacktestBroker;
  private nextId = 1;
  private readonly clientOf = new Map<number, string>();
  private readonly byClient = new Map<string, Order>();
  private pending: OrderUpdate[] = [];
  private readonly events = new EventEmitter<{ update: OrderUpdateListener }>();

  /** @throws {@link @alphaswarm/core!InvalidArgumentError} on a bad initial cash or leverage */
  constructor(options: SimulatedBrokerOptions) {
    this.simulator = new FillSimulator(options);
    this.portfolio = new Portfolio({ initialCash: options.initialCash });
    this.matcher = new BacktestBroker(this.simulator);
    this.name = options.name ?? 'SimulatedBroker';
    this.currency = options.currency ?? 'USD';
  }

  /**
   * Accepts an order for matching from the next slice after `request.createdAt`.
   * A known client order id returns that order unchanged.
   *
   * @throws {@link @alphaswarm/core!InvalidArgumentError} naming the field of an invalid request (see `Order.create`)
   */
  async submit(request: BrokerOrderRequest): Promise<BrokerOrder> {
    if (typeof request.clientOrderId !== 'string' || request.clientOrderId.length === 0) throw new InvalidArgumentError('clientOrderId', request.clientOrderId, 'a non-empty id');
    const known = this.byClient.get(request.clientOrderId);
    if (known !== undefined) return this.view(known);
    const order = Order.create(
      this.nextId,
      {
        symbol: request.symbol,
        quantity: request.quantity,
        type: request.type,
        ...(request.limitPrice === undefined ? {} : { limitPrice: request.limitPrice }),
        ...(request.stopPrice === undefined ? {} : { stopPrice: request.stopPrice }),
        timeInForce: request.timeInForce,
        ...(request.tag === undefined ? {} : { tag: request.tag }),
      },
      request.createdAt,
    );
    this.nextId += 1;
    this.clientOf.set(order.id, request.clientOrderId);
    this.byClient.set(request.clientOrderId, order);
    this.matcher.submit(order);
    return this.view(order);
  }

  /** Cancels the working order with this client id; the `cancelled` update comes with the next `sync`. */
  async cancel(clientOrderId: string): Promise<void> {
    const order = this.byClient.get(clientOrderId);
    if (order === undefined || !order.isOpen) return;
    this.matcher.cancel(order.id, CANCELLED_BY_CLIENT);
    this.pending.push({ kind: 'cancelled', clientOrderId, time: order.createdAt, reason: CANCELLED_BY_CLIENT, order: this.view(order) });
  }

  /** Working orders, oldest first. */
  async openOrders(): Promise<readonly BrokerOrder[]> {
    return this.matcher.openOrders().filter((o) => o.isOpen).map((o) => this.view(o));
  }

  /** Open positions of the simulated account, sorted by symbol text, marked at the last close. */
  async positions(): Promise<readonly BrokerPosition[]> {
    return this.portfolio.positions().map((p) => ({
      symbol: p.symbol,
      quantity: p.quantity,
      averagePrice: p.averagePrice,
      lastPrice: p.lastPrice,
      marketValue: p.quantity * p.lastPrice,
      unrealizedPnl: p.unrealizedPnl,
    }));
  }

  /**
   * Cash, equity and buying power of the simulated account. Buying power is the
   * notional the account may still add: `leverage × equity − gross exposure` (the
   * fill simulator's rule, before fees).
   */
  async account(): Promise<BrokerAccount> {
    const p = this.portfolio;
    return { currency: this.currency, cash: p.cash, equity: p.equity, buyingPower: this.simulator.leverage * p.equity - p.grossExposure, status: 'ACTIVE' };
  }

  /**
   * The backtester's matching step on `slice`: marks at the opens when orders are
   * pending, matches the working orders, marks at the closes. Returns the
   * cancellations asked for since the last call, then the fills, expiries and
   * rejections of this slice in matching order, and emits each to the listeners.
   */
  async sync(slice: Slice): Promise<readonly OrderUpdate[]> {
    const updates = this.pending;
    this.pending = [];
    const time = slice.time;
    const portfolio = this.portfolio;
    const symbols = slice.symbols;
    if (this.matcher.openCount > 0) {
      for (const symbol of symbols) {
        const bar = slice.bar(symbol);
        if (bar !== undefined) portfolio.mark(symbol, bar.open);
      }
      this.matcher.match(time, slice, portfolio, this.listener(updates, time));
    }
    for (const symbol of symbols) {
      const bar = slice.bar(symbol);
      if (bar !== undefined) portfolio.markBar(symbol, bar);
    }
    for (const update of updates) this.events.emit('update', update);
    return updates;
  }

  /** Subscribes to order updates; returns the unsubscribe function. */
  onOrderUpdate(listener: OrderUpdateListener): () => void {
    this.events.on('update', listener);
    return () => {
      this.events.off('update', listener);
    };
  }

  /** The account, the working orders (with their first eligible day) and the next order id, as JSON. */
  saveState(): JsonValue {
    const orders = this.matcher
      .openOrders()
      .filter((o) => o.isOpen)
      .map((o) => ({ clientOrderId: this.clientOf.get(o.id) ?? '', order: o.toJSON() as unknown as JsonValue, firstDay: this.matcher.firstEligibleDay(o.id) ?? null }));
    return { version: 1, portfolio: this.portfolio.snapshot() as unknown as JsonValue, nextId: this.nextId, orders };
  }

  /**
   * Restores what {@link SimulatedBroker.saveState} returned (replacing the current state).
   *
   * @throws {@link @alphaswarm/core!AlphaSwarmError} code `INVALID_BROKER_STATE` naming the path of a malformed state
   */
  loadState(state: JsonValue): void {
    const parsed = stateSchema.safeParse(state);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = `state.${issue?.path.map(String).join('.') ?? ''}`;
      throw new AlphaSwarmError('INVALID_BROKER_STATE', `${this.name}: ${path}: ${issue?.message ?? 'invalid'}`, { path });
    }
    const s = parsed.data;
    const portfolio = Portfolio.restore(parsePortfolioSnapshot(s.portfolio));
    const matcher = new BacktestBroker(this.simulator);
    const orders = s.orders.map((o) => ({ ...o, order: orderFromJson(o.order as unknown as OrderJson) }));
    this.portfolio = portfolio;
    this.matcher = matcher;
    this.nextId = s.nextId;
    this.pending = [];
    for (const { clientOrderId, order, firstDay } of orders) {
      this.clientOf.set(order.id, clientOrderId);
      this.byClient.set(clientOrderId, order);
      matcher.submit(order, firstDay ?? undefined);
    }
  }

  /** Nothing to release. */
  async close(): Promise<void> {}

  private listener(updates: OrderUpdate[], time: EpochMs): MatchListener {
    return {
      onFill: (fill: Fill, order: Order) => {
        updates.push({
          kind: 'fill',
          clientOrderId: this.clientOf.get(order.id) ?? '',
          time: fill.time,
          fill: { symbol: fill.symbol, time: fill.time, quantity: fill.quantity, price: fill.price, fee: fill.fee, slippage: fill.slippage },
          order: this.view(order),
        });
      },
      onOrderEnded: (order: Order, status: 'cancelled' | 'rejected', reason: string) => {
        updates.push({ kind: status, clientOrderId: this.clientOf.get(order.id) ?? '', time, reason, order: this.view(order) });
      },
    };
  }

  private view(o: Order): BrokerOrder {
    return {
      id: `sim-${o.id}`,
      clientOrderId: this.clientOf.get(o.id) ?? '',
      symbol: o.symbol,
      quantity: o.quantity,
      type: o.type,
      limitPrice: o.limitPrice ?? null,
      stopPrice: o.stopPrice ?? null,
      timeInForce: o.timeInForce,
      status: o.status,
      filledQuantity: o.filledQuantity,
      averageFillPrice: o.filledQuantity === 0 ? null : o.averageFillPrice,
      createdAt: o.createdAt,
      reason: o.rejectReason ?? o.cancelReason ?? null,
    };
  }
}

// Test-local models, data and a broker for the paper-session tests. Core's tests must
// not depend on other packages, so the broker here is a small BrokerAdapter over the
// engine's own matching (BacktestBroker + FillSimulator), as the adapters package's
// SimulatedBroker is.
import { EventEmitter } from 'eventemitter3';
import type {
  AlgorithmContext,
  BrokerAccount,
  BrokerAdapter,
  BrokerOrder,
  BrokerOrderRequest,
  BrokerPosition,
  ExecutionModel,
  Fill,
  FillSimulatorOptions,
  JsonValue,
  MatchListener,
  OrderJson,
  OrderRequest,
  OrderUpdate,
  OrderUpdateListener,
  PortfolioSnapshot,
  PortfolioTarget,
  RiskManagementModel,
  Slice,
  SymbolId,
} from '../../src/index.js';
import { BacktestBroker, FillSimulator, FrameworkAlgorithm, Order, Portfolio, SeededRandom, orderFromJson, utcDay } from '../../src/index.js';
import { AllSymbolsUniverse, EqualWeightPcm, MarketExecution, PassThroughRisk, SmaCrossAlpha, barsFromCloses } from '../backtest/fixtures.js';

// The engine's test models and bar builder, shared with the paper-session tests.
export { AllSymbolsUniverse, EqualWeightPcm, MarketExecution, PassThroughRisk, SmaCrossAlpha, barsFromCloses };

export const DAY = 86_400_000;
export const T0 = Date.UTC(2020, 0, 1);

/** A seeded random walk of closes rounded to cents. */
export function randomWalk(seed: number, n: number, start = 100, vol = 0.015): number[] {
  const rng = new SeededRandom(seed);
  const out: number[] = [];
  let p = start;
  for (let i = 0; i < n; i += 1) {
    p *= Math.exp(vol * rng.normal());
    out.push(Math.round(p * 100) / 100);
  }
  return out;
}

/**
 * A trailing stop with state: tracks each held symbol's peak close since entry and
 * liquidates when the close falls more than `threshold` below it. Its peaks are
 * exactly the kind of state a restart must rebuild.
 */
export class PeakStopRisk implements RiskManagementModel {
  readonly name = 'PeakStopRisk';
  readonly peaks = new Map<SymbolId, number>();
  constructor(private readonly threshold: number) {}
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    let out: PortfolioTarget[] | undefined;
    for (const symbol of ctx.securities.available) {
      const held = ctx.portfolio.quantity(symbol);
      if (held === 0) {
        this.peaks.delete(symbol);
        continue;
      }
      const price = ctx.securities.price(symbol)!;
      const peak = Math.max(this.peaks.get(symbol) ?? price, price);
      this.peaks.set(symbol, peak);
      if (price < peak * (1 - this.threshold) && ctx.openOrders(symbol).length === 0) {
        ctx.insights.cancel(symbol, 'peak stop');
        ctx.recordRiskDecision({ model: this.name, symbol, action: 'liquidate', reason: `close ${price} more than ${this.threshold} below peak ${peak}`, details: { peak, price } });
        out ??= targets.filter((t) => t.symbol !== symbol);
        out.push({ symbol, quantity: 0 });
        this.peaks.delete(symbol);
      }
    }
    return out ?? targets;
  }
}

/** A daily-loss flag with state: once the equity of a UTC day falls `limit` below its start, blocks buys for the day. */
export class DayLossFlagRisk implements RiskManagementModel {
  readonly name = 'DayLossFlagRisk';
  private day = Number.NaN;
  private start = Number.NaN;
  halted = false;
  constructor(private readonly limit: number) {}
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    const day = utcDay(ctx.time);
    const equity = ctx.portfolio.equity;
    if (day !== this.day) {
      this.day = day;
      this.start = equity;
      this.halted = false;
    }
    if (!this.halted && equity < this.start * (1 - this.limit)) {
      this.halted = true;
      ctx.recordRiskDecision({ model: this.name, action: 'halt', reason: 'day loss', details: { equity, start: this.start } });
    }
    return this.halted ? targets.filter((t) => ctx.targetQuantity(t) <= ctx.portfolio.quantity(t.symbol)) : targets;
  }
}

/** Limit orders a fraction below (buys) or above (sells) the close, good for the day or until cancelled. */
export class LimitExecution implements ExecutionModel {
  readonly name = 'LimitExecution';
  constructor(
    private readonly offset: number,
    private readonly timeInForce: 'day' | 'gtc' = 'gtc',
  ) {}
  execute(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly OrderRequest[] {
    const out: OrderRequest[] = [];
    for (const t of targets) {
      const open = ctx.openOrders(t.symbol).reduce((a, o) => a + o.remainingQuantity, 0);
      const delta = ctx.targetQuantity(t) - ctx.portfolio.quantity(t.symbol) - open;
      const price = ctx.securities.price(t.symbol)!;
      if (delta !== 0) {
        out.push({ symbol: t.symbol, quantity: delta, type: 'limit', limitPrice: Math.round(price * (1 + (delta > 0 ? -this.offset : this.offset)) * 100) / 100, timeInForce: this.timeInForce });
      }
    }
    return out;
  }
}

export interface AlgorithmParts {
  readonly fast?: number;
  readonly slow?: number;
  readonly longOnly?: boolean;
  readonly risk?: RiskManagementModel;
  readonly execution?: ExecutionModel;
}

export function crossoverAlgorithm(parts: AlgorithmParts = {}): FrameworkAlgorithm {
  return new FrameworkAlgorithm({
    name: 'test-crossover',
    universe: new AllSymbolsUniverse(),
    alpha: new SmaCrossAlpha(parts.fast ?? 3, parts.slow ?? 8, parts.longOnly ?? true),
    portfolio: new EqualWeightPcm(),
    risk: parts.risk ?? new PassThroughRisk(),
    execution: parts.execution ?? new MarketExecution(),
  });
}

/** A broker over the engine's matching, with its own account; state survives a restart through saveState/loadState. */
export class EngineBroker implements BrokerAdapter {
  readonly name = 'EngineBroker';
  readonly live = false;
  submitted = 0;
  private portfolio: Portfolio;
  private matcher: BacktestBroker;
  private readonly simulator: FillSimulator;
  private nextId = 1;
  private readonly clientOf = new Map<number, string>();
  private readonly events = new EventEmitter<{ update: OrderUpdateListener }>();

  constructor(initialCash: number, options: FillSimulatorOptions = {}) {
    this.simulator = new FillSimulator(options);
    this.portfolio = new Portfolio({ initialCash });
    this.matcher = new BacktestBroker(this.simulator);
  }

  async submit(request: BrokerOrderRequest): Promise<BrokerOrder> {
    this.submitted += 1;
    const order = Order.create(this.nextId, { ...request }, request.createdAt);
    this.nextId += 1;
    this.clientOf.set(order.id, request.clientOrderId);
    this.matcher.submit(order);
    return this.view(order);
  }

  async cancel(): Promise<void> {}

  async openOrders(): Promise<readonly BrokerOrder[]> {
    return this.matcher.openOrders().map((o) => this.view(o));
  }

  async positions(): Promise<readonly BrokerPosition[]> {
    return this.portfolio.positions().map((p) => ({ symbol: p.symbol, quantity: p.quantity, averagePrice: p.averagePrice, lastPrice: p.lastPrice, marketValue: p.quantity * p.lastPrice, unrealizedPnl: p.unrealizedPnl }));
  }

  async account(): Promise<BrokerAccount> {
    return { currency: 'USD', cash: this.portfolio.cash, equity: this.portfolio.equity, buyingPower: this.portfolio.equity, status: 'ACTIVE' };
  }

  async sync(slice: Slice): Promise<readonly OrderUpdate[]> {
    const updates: OrderUpdate[] = [];
    const time = slice.time;
    if (this.matcher.openCount > 0) {
      for (const s of slice.symbols) this.portfolio.mark(s, slice.bar(s)!.open);
      const listener: MatchListener = {
        onFill: (fill: Fill, order: Order) => updates.push({ kind: 'fill', clientOrderId: this.clientOf.get(order.id)!, time: fill.time, fill, order: this.view(order) }),
        onOrderEnded: (order, status, reason) => updates.push({ kind: status, clientOrderId: this.clientOf.get(order.id)!, time, reason, order: this.view(order) }),
      };
      this.matcher.match(time, slice, this.portfolio, listener);
    }
    for (const s of slice.symbols) this.portfolio.markBar(s, slice.bar(s)!);
    for (const u of updates) this.events.emit('update', u);
    return updates;
  }

  onOrderUpdate(listener: OrderUpdateListener): () => void {
    this.events.on('update', listener);
    return () => this.events.off('update', listener);
  }

  saveState(): JsonValue {
    const orders = this.matcher.openOrders().map((o) => ({ order: o.toJSON() as unknown as JsonValue, client: this.clientOf.get(o.id)!, firstDay: this.matcher.firstEligibleDay(o.id) ?? null }));
    return { portfolio: this.portfolio.snapshot() as unknown as JsonValue, nextId: this.nextId, orders } as JsonValue;
  }

  loadState(state: JsonValue): void {
    const s = state as unknown as { portfolio: PortfolioSnapshot; nextId: number; orders: { order: OrderJson; client: string; firstDay: number | null }[] };
    this.portfolio = Portfolio.restore(s.portfolio);
    this.nextId = s.nextId;
    this.matcher = new BacktestBroker(this.simulator);
    for (const o of s.orders) {
      const order = orderFromJson(o.order);
      this.clientOf.set(order.id, o.client);
      this.matcher.submit(order, o.firstDay ?? undefined);
    }
  }

  async close(): Promise<void> {}

  /** Equity of the broker's own account, for checks. */
  get equity(): number {
    return this.portfolio.equity;
  }

  private view(o: Order): BrokerOrder {
    return {
      id: String(o.id),
      clientOrderId: this.clientOf.get(o.id)!,
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

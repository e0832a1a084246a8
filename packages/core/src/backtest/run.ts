import type { FrameworkAlgorithm } from '../framework/algorithm.js';
import type { SourcedInsightInit } from '../framework/composite-alpha.js';
import { Insight, type InsightInit } from '../framework/insight.js';
import { InsightCollection } from '../framework/insight-collection.js';
import type { SecurityChanges } from '../framework/models.js';
import type { PortfolioTarget, QuantityTarget } from '../framework/portfolio-target.js';
import type { RiskDecision } from '../framework/risk-decision.js';
import { KillSwitch } from '../kill-switch.js';
import { DefaultFillModel } from '../orders/fill-model.js';
import type { Fill } from '../orders/fill.js';
import { Order, type OrderRequest } from '../orders/order.js';
import { FillSimulator } from '../orders/simulated-execution.js';
import { Portfolio } from '../portfolio/portfolio.js';
import { SeededRandom } from '../random.js';
import type { SymbolId } from '../symbol-id.js';
import { systemClock, type Clock } from '../time.js';
import type { BacktestOptions, BacktestSettings } from './config.js';
import { EventLog } from './event-log.js';
import type { OrderRecord } from './events.js';
import { RingDeque } from './ring-deque.js';
import { BacktestContext } from './run-context.js';
import { BacktestBroker, type MatchListener } from './simulated-broker.js';
import { SliceFeed, type BarSource } from './slice-feed.js';

/** An item of the event queue: a market slice, a batch of insights, or an order request. */
type QueueItem =
  | { kind: 'market'; index: number }
  | { kind: 'signal'; insights: readonly Insight[] }
  | { kind: 'order_request'; request: OrderRequest };

const NO_TARGETS: readonly QuantityTarget[] = Object.freeze([]);
const NO_INSIGHTS: readonly Insight[] = Object.freeze([]);

/** Serialisable form of an order for the log. */
export function orderRecord(order: Order): OrderRecord {
  return {
    id: order.id,
    symbol: order.symbol.value,
    quantity: order.quantity,
    type: order.type,
    limitPrice: order.limitPrice ?? null,
    stopPrice: order.stopPrice ?? null,
    timeInForce: order.timeInForce,
    tag: order.tag ?? null,
  };
}

/**
 * The state of one backtest while it runs: one queue, one loop. Internal to the
 * engine; {@link EventDrivenBacktester} is the public door.
 */
export class BacktestRun implements MatchListener {
  readonly feed: SliceFeed;
  readonly log: EventLog;
  readonly portfolio: Portfolio;
  readonly fills: Fill[] = [];
  readonly equity: Float64Array;
  readonly exposure: Float64Array;
  readonly killSwitch: KillSwitch;
  slicesDone = 0;
  barsDone = 0;
  halted = false;
  haltReason: string | null = null;

  private readonly queue = new RingDeque<QueueItem>(256);
  private readonly marketItem = { kind: 'market' as const, index: 0 };
  private readonly broker: BacktestBroker;
  private readonly insights = new InsightCollection();
  private readonly ctx: BacktestContext;
  private readonly wallClock: Clock;
  private nextOrderId = 1;
  private nextInsightId = 1;
  private nextExpiry = Infinity;
  private insightsChanged = false;
  private lastUniverse: readonly SymbolId[] | undefined;
  private activeSet = new Set<SymbolId>();
  private nextProgressAt: number;
  private readonly startedAt: number;

  constructor(
    private readonly algorithm: FrameworkAlgorithm,
    data: BarSource,
    private readonly settings: BacktestSettings,
    private readonly options: BacktestOptions,
  ) {
    this.feed = new SliceFeed(data);
    this.log = new EventLog(this.feed);
    this.portfolio = new Portfolio({ initialCash: settings.initialCash });
    this.broker = new BacktestBroker(
      new FillSimulator({
        fillModel: options.fillModel ?? new DefaultFillModel(),
        ...(options.slippage === undefined ? {} : { slippage: options.slippage }),
        ...(options.fees === undefined ? {} : { fees: options.fees }),
        leverage: settings.leverage,
      }),
    );
    this.killSwitch = options.killSwitch ?? new KillSwitch();
    this.wallClock = options.wallClock ?? systemClock;
    this.equity = new Float64Array(this.feed.length);
    this.exposure = new Float64Array(this.feed.length);
    this.ctx = new BacktestContext(
      this.portfolio,
      this.insights,
      new SeededRandom(settings.seed),
      this.killSwitch,
      this.feed,
      this.broker,
      settings.freePortfolioValuePct,
      (decision) => this.recordRisk(decision),
    );
    this.nextProgressAt = settings.progressEvery;
    this.startedAt = this.wallClock.now();
  }

  /** Number of slices (timestamps) in the data. */
  get sliceCount(): number {
    return this.feed.length;
  }

  /** Logs the start event. */
  start(): void {
    this.log.append({
      time: this.feed.times[0] ?? 0,
      kind: 'start',
      algorithm: this.algorithm.name,
      initialCash: this.settings.initialCash,
      symbols: this.feed.symbolList.map((s) => s.value),
      periodsPerYear: this.settings.periodsPerYear,
    });
  }

  /** Processes slice `index`; returns false when the run must stop (halted). */
  step(index: number): boolean {
    if (this.killSwitch.isHalted) {
      this.halt();
      return false;
    }
    this.marketItem.index = index;
    this.queue.push(this.marketItem);
    while (this.queue.length > 0) {
      if (this.killSwitch.isHalted) {
        this.queue.clear();
        break;
      }
      this.dispatch(this.queue.shift() as QueueItem);
    }
    this.equity[index] = this.portfolio.equity;
    this.exposure[index] = this.portfolio.grossExposure;
    this.slicesDone = index + 1;
    if (this.barsDone >= this.nextProgressAt) this.reportProgress();
    if (this.killSwitch.isHalted) {
      this.halt();
      return false;
    }
    return true;
  }

  /** Logs the end event. */
  finish(): void {
    const time = this.slicesDone > 0 ? (this.feed.times[this.slicesDone - 1] ?? 0) : (this.feed.times[0] ?? 0);
    this.log.append({ time, kind: 'end', halted: this.halted, reason: this.haltReason });
    this.options.progress?.report(this.settings.taskId, this.halted ? 'backtest.halted' : 'backtest.completed', this.halted ? `halted: ${this.haltReason ?? ''}` : 'completed', {
      percent: (100 * this.slicesDone) / Math.max(1, this.feed.length),
      bars: this.barsDone,
      halted: this.halted,
    });
  }

  /** MatchListener: a fill was booked. */
  onFill(fill: Fill): void {
    this.fills.push(fill);
    this.log.append({
      time: fill.time,
      kind: 'fill',
      fill: { orderId: fill.orderId, symbol: fill.symbol.value, quantity: fill.quantity, price: fill.price, fee: fill.fee, slippage: fill.slippage },
    });
  }

  /** MatchListener: an order was cancelled or rejected. */
  onOrderEnded(order: Order, status: 'cancelled' | 'rejected', reason: string): void {
    this.log.append({ time: this.feed.time, kind: 'order_update', orderId: order.id, status, reason });
  }

  private halt(): void {
    this.halted = true;
    this.haltReason = this.killSwitch.reason ?? 'halted';
  }

  private dispatch(item: QueueItem): void {
    switch (item.kind) {
      case 'market':
        this.onMarket(item.index);
        return;
      case 'signal':
        this.onSignal(item.insights);
        return;
      case 'order_request':
        this.onOrderRequest(item.request);
        return;
    }
  }

  private onMarket(index: number): void {
    const feed = this.feed;
    feed.advance(index);
    const time = feed.time;
    this.ctx.time = time;
    this.log.appendMarket(time, index);
    const symbols = feed.symbols;
    this.barsDone += symbols.length;
    const portfolio = this.portfolio;
    if (this.broker.openCount > 0) {
      for (const symbol of symbols) {
        const bar = feed.bar(symbol);
        if (bar !== undefined) portfolio.mark(symbol, bar.open);
      }
      this.broker.match(feed, portfolio, this);
    }
    for (const symbol of symbols) {
      const bar = feed.bar(symbol);
      if (bar !== undefined) portfolio.mark(symbol, bar.close, bar.high, bar.low);
    }
    this.selectUniverse();
    const inits = this.algorithm.alpha.update(this.ctx, feed);
    if (inits.length === 0) {
      this.decide(NO_INSIGHTS);
      return;
    }
    const stamped: Insight[] = [];
    for (const init of inits) stamped.push(this.stamp(init, time));
    this.queue.push({ kind: 'signal', insights: stamped });
  }

  private stamp(init: InsightInit, time: number): Insight {
    const source = (init as Partial<SourcedInsightInit>).sourceModel ?? this.algorithm.alpha.name;
    const insight = new Insight(this.nextInsightId, init, source, time);
    this.nextInsightId += 1;
    return insight;
  }

  private onSignal(insights: readonly Insight[]): void {
    this.log.append({ time: this.ctx.time, kind: 'signal', insights: insights.map((i) => i.toJSON()) });
    for (const insight of insights) {
      this.insights.add(insight);
      if (insight.closeTime < this.nextExpiry) this.nextExpiry = insight.closeTime;
    }
    this.insightsChanged = true;
    this.decide(insights);
  }

  private decide(_newInsights: readonly Insight[]): void {
    const ctx = this.ctx;
    const time = ctx.time;
    if (time >= this.nextExpiry) {
      if (this.insights.expire(time).length > 0) this.insightsChanged = true;
      this.nextExpiry = Infinity;
      for (const insight of this.insights.all()) if (insight.closeTime < this.nextExpiry) this.nextExpiry = insight.closeTime;
    }
    const pcm = this.algorithm.portfolio;
    let targets: readonly QuantityTarget[] = NO_TARGETS;
    if (this.insightsChanged || pcm.rebalanceDue?.(ctx) === true) {
      this.insightsChanged = false;
      targets = this.resolve(pcm.createTargets(ctx, this.insights.all()));
    }
    const sizeBefore = this.insights.size;
    const adjusted = this.resolve(this.algorithm.risk.manageRisk(ctx, targets));
    if (this.insights.size !== sizeBefore) this.insightsChanged = true;
    const requests = this.algorithm.execution.execute(ctx, adjusted);
    for (const request of requests) this.queue.push({ kind: 'order_request', request });
  }

  private resolve(targets: readonly PortfolioTarget[]): readonly QuantityTarget[] {
    if (targets.length === 0) return NO_TARGETS;
    const out: QuantityTarget[] = [];
    for (const target of targets) {
      if (target.quantity !== undefined) out.push(target);
      else {
        const quantity = this.ctx.targetQuantity(target);
        out.push(target.tag === undefined ? { symbol: target.symbol, quantity, weight: target.weight } : { symbol: target.symbol, quantity, weight: target.weight, tag: target.tag });
      }
    }
    return out;
  }

  private onOrderRequest(request: OrderRequest): void {
    const ctx = this.ctx;
    const price = this.feed.price(request.symbol) ?? Number.NaN;
    for (const control of this.algorithm.preTradeControls) {
      const verdict = control.check(ctx, request, price);
      if (verdict.accepted) continue;
      this.recordRisk({
        model: control.name,
        symbol: request.symbol,
        action: 'reject',
        reason: verdict.reason,
        details: { rule: verdict.rule, quantity: request.quantity, price, ...verdict.details },
      });
      return;
    }
    const order = Order.create(this.nextOrderId, request, ctx.time);
    this.nextOrderId += 1;
    this.log.append({ time: ctx.time, kind: 'order', order: orderRecord(order) });
    this.broker.submit(order);
  }

  private recordRisk(decision: RiskDecision): void {
    this.log.append({
      time: this.ctx.time,
      kind: 'risk',
      model: decision.model,
      symbol: decision.symbol?.value ?? null,
      action: decision.action,
      reason: decision.reason,
      details: decision.details ?? {},
    });
  }

  private selectUniverse(): void {
    const ctx = this.ctx;
    const universe = this.algorithm.universe;
    const selected = universe.select(ctx);
    if (selected === this.lastUniverse) return;
    this.lastUniverse = selected;
    const next = new Set(selected);
    const added = selected.filter((s) => !this.activeSet.has(s));
    const removed = [...this.activeSet].filter((s) => !next.has(s));
    this.activeSet = next;
    ctx.securities.active = selected;
    if (added.length === 0 && removed.length === 0) return;
    for (const symbol of removed) this.insights.cancel(symbol, 'removed from the universe');
    const changes: SecurityChanges = { added, removed };
    const { alpha, portfolio, risk, execution } = this.algorithm;
    universe.onSecuritiesChanged?.(ctx, changes);
    alpha.onSecuritiesChanged?.(ctx, changes);
    portfolio.onSecuritiesChanged?.(ctx, changes);
    risk.onSecuritiesChanged?.(ctx, changes);
    execution.onSecuritiesChanged?.(ctx, changes);
    this.insightsChanged = true;
  }

  private reportProgress(): void {
    const every = this.settings.progressEvery;
    this.nextProgressAt = (Math.floor(this.barsDone / every) + 1) * every;
    const seconds = Math.max(1e-9, (this.wallClock.now() - this.startedAt) / 1000);
    const percent = (100 * this.slicesDone) / Math.max(1, this.feed.length);
    this.options.progress?.report(this.settings.taskId, 'backtest.progress', `${percent.toFixed(1)}% (${this.barsDone} bars)`, {
      percent,
      bars: this.barsDone,
      barsPerSec: this.barsDone / seconds,
    });
  }
}

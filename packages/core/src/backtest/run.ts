import type { FrameworkAlgorithm } from '../framework/algorithm.js';
import { AlgorithmDriver } from '../framework/algorithm-driver.js';
import type { Insight } from '../framework/insight.js';
import { InsightCollection } from '../framework/insight-collection.js';
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
  private readonly ctx: BacktestContext;
  private readonly driver: AlgorithmDriver;
  private readonly wallClock: Clock;
  private nextOrderId = 1;
  private nextProgressAt: number;
  private readonly startedAt: number;

  constructor(
    private readonly algorithm: FrameworkAlgorithm,
    data: BarSource,
    private readonly settings: BacktestSettings,
    private readonly options: BacktestOptions,
  ) {
    this.feed = new SliceFeed(data);
    this.log = new EventLog(this.feed, this.feed.length + (this.feed.length >> 3) + 1024);
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
      new InsightCollection(),
      new SeededRandom(settings.seed),
      this.killSwitch,
      this.feed,
      this.broker,
      settings.freePortfolioValuePct,
      (decision) => this.recordRisk(decision),
    );
    this.driver = new AlgorithmDriver(algorithm, this.ctx, (decision) => this.recordRisk(decision));
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
    this.portfolio.valueInto(this.equity, this.exposure, index);
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
    this.log.appendMarket(index);
    const symbols = feed.symbols;
    this.barsDone += symbols.length;
    const portfolio = this.portfolio;
    // Indexed loops: this runs for every bar, and array iterators would allocate. On
    // aligned data the slice's symbols are the feed's, so bars are found by index.
    const aligned = symbols === feed.symbolList;
    if (this.broker.openCount > 0) {
      for (let i = 0; i < symbols.length; i += 1) {
        const symbol = symbols[i] as SymbolId;
        const bar = aligned ? feed.barAt(i) : feed.bar(symbol);
        if (bar !== undefined) portfolio.mark(symbol, bar.open);
      }
      this.broker.match(time, feed, portfolio, this);
    }
    for (let i = 0; i < symbols.length; i += 1) {
      const symbol = symbols[i] as SymbolId;
      const bar = aligned ? feed.barAt(i) : feed.bar(symbol);
      if (bar !== undefined) portfolio.markBar(symbol, bar);
    }
    this.driver.selectUniverse();
    const insights = this.driver.alpha(feed);
    if (insights.length === 0) this.decide();
    else this.queue.push({ kind: 'signal', insights });
  }

  private onSignal(insights: readonly Insight[]): void {
    this.log.append({ time: this.ctx.time, kind: 'signal', insights: insights.map((i) => i.toJSON()) });
    this.driver.accept(insights);
    this.decide();
  }

  private decide(): void {
    const requests = this.driver.decide();
    for (let i = 0; i < requests.length; i += 1) this.queue.push({ kind: 'order_request', request: requests[i] as OrderRequest });
  }

  private onOrderRequest(request: OrderRequest): void {
    if (!this.driver.check(request, this.feed.price(request.symbol) ?? Number.NaN)) return;
    const order = Order.create(this.nextOrderId, request, this.ctx.time);
    this.nextOrderId += 1;
    this.log.append({ time: this.ctx.time, kind: 'order', order: orderRecord(order) });
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

import { parseBacktestSettings, type BacktestSettings } from '../backtest/config.js';
import { EventLog } from '../backtest/event-log.js';
import type { BarRecord } from '../backtest/events.js';
import { BacktestResult } from '../backtest/result.js';
import { BacktestContext } from '../backtest/run-context.js';
import { orderRecord } from '../backtest/run.js';
import { summarizeBacktest, type BacktestSummary } from '../bots/backtest-summary.js';
import type { BrokerAdapter } from '../broker/broker-adapter.js';
import { BrokerError, BrokerRejectedError, LiveTradingDisabledError } from '../broker/broker-errors.js';
import type { OrderUpdate } from '../broker/broker-types.js';
import { AlphaSwarmError } from '../errors.js';
import { FrameworkAlgorithm } from '../framework/algorithm.js';
import { AlgorithmDriver } from '../framework/algorithm-driver.js';
import { InsightCollection } from '../framework/insight-collection.js';
import type { PortfolioTarget } from '../framework/portfolio-target.js';
import type { RiskDecision } from '../framework/risk-decision.js';
import type { Slice } from '../framework/slice.js';
import { KillSwitch } from '../kill-switch.js';
import type { Fill } from '../orders/fill.js';
import { Order, type OrderRequest } from '../orders/order.js';
import type { PersistenceAdapter } from '../persistence/persistence-adapter.js';
import { Portfolio } from '../portfolio/portfolio.js';
import type { ProgressEmitter } from '../progress.js';
import { SeededRandom } from '../random.js';
import { canonicalize } from '../spec/canonical-json.js';
import { systemClock, type Clock, type EpochMs } from '../time.js';
import { BarHistory } from './bar-history.js';
import { cycleRecords, type AppliedUpdate, type CycleRecord, type SubmissionOutcome } from './journal-records.js';
import { RecordingPortfolioModel, RecordingRiskModel } from './recording-models.js';
import type { SessionFeed } from './session-feed.js';
import { SessionJournal, type JournalSink } from './session-journal.js';
import { SessionOrderBook } from './session-order-book.js';
import { parseSessionState, type CycleCut, type PaperSessionState, type PaperSessionStatus } from './session-state.js';
import { SessionResumeError } from './session-resume-error.js';

/** What one cycle of a session did, reported after the cycle (progress frame `paper.cycle` and `onCycle`). */
export interface CycleSummary {
  /** The session. */
  readonly sessionId: string;
  /** The cycle, 0-based. */
  readonly cycle: number;
  /** Time of the slice, epoch ms UTC. */
  readonly time: EpochMs;
  /** Wall-clock duration of the cycle in ms (from the session's wall clock; not part of any saved state). */
  readonly durationMs: number;
  /** Symbols with a bar in the slice. */
  readonly symbols: number;
  /** What the cycle did. */
  readonly actions: {
    /** Insights emitted. */
    readonly insights: number;
    /** Orders created (accepted by the pre-trade controls). */
    readonly orders: number;
    /** Fills applied. */
    readonly fills: number;
    /** Orders cancelled (incl. expired). */
    readonly cancelled: number;
    /** Orders rejected (by the broker). */
    readonly rejected: number;
    /** Risk decisions recorded (incl. pre-trade rejections). */
    readonly riskDecisions: number;
  };
  /** Errors met and survived (a failed submission, an update the session could not apply), in words. */
  readonly errors: readonly string[];
}

/** How a run ended: the feed ended, `stop()` was called, or the kill switch halted it. */
export type PaperRunStatus = Exclude<PaperSessionStatus, 'running'>;

/** What {@link PaperTradingSession.run} returns. */
export interface PaperSessionOutcome {
  /** The session. */
  readonly sessionId: string;
  /** How the run ended. */
  readonly status: PaperRunStatus;
  /** The kill switch's or `stop()`'s reason, or null when the feed ended. */
  readonly haltReason: string | null;
  /** Cycles processed in all runs of the session. */
  readonly cycles: number;
  /** Cycles rebuilt from an earlier run at the start of this one (0 for a fresh session). */
  readonly resumedCycles: number;
  /**
   * The session as a backtest result: event log, fills, trades, equity curve and
   * statistics, built exactly as the backtester builds its own.
   */
  readonly result: BacktestResult;
  /** The result summarised in the shape of `alphaswarm backtest --json`. */
  readonly summary: BacktestSummary;
}

/** Options of a {@link PaperTradingSession}; the numeric settings are those of a backtest. */
export interface PaperSessionOptions extends Partial<BacktestSettings> {
  /** Identifies the session in persistence: the same id resumes the same session. */
  readonly sessionId: string;
  /** The algorithm, freshly built (never run before): the same kind of object a backtest runs. */
  readonly algorithm: FrameworkAlgorithm;
  /** Where the bars come from. */
  readonly feed: SessionFeed;
  /** Where the orders go. */
  readonly broker: BrokerAdapter;
  /** Where the state (after every cycle) and the journal go. */
  readonly persistence: PersistenceAdapter;
  /** Further journal destinations (e.g. a JSON Lines file). */
  readonly journalSinks?: readonly JournalSink[];
  /** Checked before every cycle and between the steps of a cycle; halting stops the session. */
  readonly killSwitch?: KillSwitch;
  /** Receives progress frames: `paper.started`, `paper.cycle`, `paper.finished`. */
  readonly progress?: ProgressEmitter;
  /** Wall clock, used only to time cycles. */
  readonly wallClock?: Clock;
  /** Lets a real-money broker (`broker.live`) be used; default false. */
  readonly allowLive?: boolean;
  /** Hash of the spec the session runs (checked on resume; recorded in the result). */
  readonly specHash?: string;
  /** Spec version id, recorded in the summary. */
  readonly versionId?: string;
  /** Bars kept per symbol for the models' history (default 100 000). */
  readonly historyLength?: number;
  /** Most symbols listed in a journal `snapshot` entry (default 20). */
  readonly journalSymbols?: number;
  /** Called after every processed cycle. */
  readonly onCycle?: (summary: CycleSummary) => void;
}

const NO_REQUESTS: readonly OrderRequest[] = Object.freeze([]);
const EMPTY_RECORD: CycleRecord = { updates: [], submissions: new Map() };

/** Per-cycle counters, reset at the start of each cycle. */
class CycleCounters {
  insights = 0;
  orders = 0;
  fills = 0;
  cancelled = 0;
  rejected = 0;
  riskDecisions = 0;
  errors: string[] = [];

  reset(): void {
    this.insights = 0;
    this.orders = 0;
    this.fills = 0;
    this.cancelled = 0;
    this.rejected = 0;
    this.riskDecisions = 0;
    this.errors = [];
  }
}

/**
 * A paper-trading session: the algorithm of a backtest, run cycle by cycle over a
 * feed (a deterministic replay of stored bars, or live market data) against a
 * {@link BrokerAdapter}.
 *
 * Parity. Each cycle is the backtester's step, through the same code: the same
 * {@link AlgorithmDriver} (universe → alpha → accept → decide → pre-trade check),
 * the same context (target sizing), and — with the simulated broker — the same
 * order matching. In the engine's order: mark positions at the open when orders
 * are pending; take the broker's updates (a simulated broker matches the open
 * orders against the slice here) and book the fills; mark at the close; universe;
 * alpha; signal; decide; pre-trade controls; submit. The session keeps the same
 * event log as the engine, so a replay with the simulated broker gives the fills,
 * event log hash and statistics of the backtest of the same data and algorithm.
 *
 * Restart safety. After every cycle the session writes its journal entries and then
 * its state ({@link PaperSessionState}: portfolio, open orders, counters, last
 * processed bar, the broker's own state). A new session object with the same id, a
 * fresh algorithm and the same feed resumes it: it replays the processed slices
 * through the models with the executions read back from the journal instead of
 * the broker (no order reaches the broker, nothing is written), which rebuilds every
 * piece of model state — indicator windows, trailing peaks, daily-loss flags,
 * insights — exactly, since each model sees the same calls with the same context
 * as in the first run. The rebuilt portfolio, open orders and counters are then
 * checked against the saved state ({@link SessionResumeError} on any difference, e.g.
 * a model that is not deterministic or data that changed), the broker's state is
 * restored, and the session continues with the next slice. A session killed at any
 * point thus reaches the same final state as one that ran uninterrupted.
 *
 * Run a session object once; build a new one (with a new algorithm) to resume.
 */
export class PaperTradingSession {
  /** The session id. */
  readonly sessionId: string;
  /** The validated numeric settings. */
  readonly settings: BacktestSettings;
  /** The kill switch checked by the session. */
  readonly killSwitch: KillSwitch;

  private readonly algorithm: FrameworkAlgorithm;
  private readonly feed: SessionFeed;
  private readonly broker: BrokerAdapter;
  private readonly persistence: PersistenceAdapter;
  private readonly journal: SessionJournal;
  private readonly wallClock: Clock;
  private readonly history: BarHistory;
  private readonly portfolio: Portfolio;
  private readonly book = new SessionOrderBook();
  private readonly ctx: BacktestContext;
  private readonly driver: AlgorithmDriver;
  private readonly log = new EventLog();
  private readonly fills: Fill[] = [];
  private readonly abort = new AbortController();
  /** The switch the models see: mirrors the session's switch, except while replaying processed cycles. */
  private readonly modelSwitch = new KillSwitch();
  private readonly counters = new CycleCounters();
  private equity: number[] = [];
  private exposure: number[] = [];
  private times: number[] = [];
  private cycles = 0;
  private bars = 0;
  private lastTime: EpochMs | null = null;
  private nextOrderId = 1;
  private cuts: CycleCut[] = [];
  private warm = false;
  /** True once the session processes new slices (after any replay of processed ones). */
  private live = false;
  private resumedCycles = 0;
  private started = false;
  private stopReason: string | undefined;

  /**
   * @param options - see {@link PaperSessionOptions}
   * @throws {@link SpecValidationError} on an out-of-range setting; {@link InvalidArgumentError} on a bad session id or history length
   */
  constructor(private readonly options: PaperSessionOptions) {
    if (typeof options.sessionId !== 'string' || options.sessionId.length === 0 || options.sessionId.length > 200) {
      throw new AlphaSwarmError('INVALID_ARGUMENT', `sessionId: expected a non-empty id of at most 200 characters, got ${JSON.stringify(options.sessionId)}`, { path: 'sessionId', value: options.sessionId });
    }
    this.sessionId = options.sessionId;
    this.settings = parseBacktestSettings({ taskId: options.sessionId, ...options });
    this.algorithm = options.algorithm;
    this.feed = options.feed;
    this.broker = options.broker;
    this.persistence = options.persistence;
    this.killSwitch = options.killSwitch ?? new KillSwitch();
    this.wallClock = options.wallClock ?? systemClock;
    this.journal = new SessionJournal(options.persistence, options.sessionId, options.journalSinks ?? []);
    this.history = new BarHistory(options.feed.symbols, options.historyLength);
    this.portfolio = new Portfolio({ initialCash: this.settings.initialCash });
    this.ctx = new BacktestContext(
      this.portfolio,
      new InsightCollection(),
      new SeededRandom(this.settings.seed),
      this.modelSwitch,
      this.history,
      this.book,
      this.settings.freePortfolioValuePct,
      (decision) => this.recordRisk(decision),
    );
    const a = options.algorithm;
    const recorded = new FrameworkAlgorithm({
      name: a.name,
      universe: a.universe,
      alpha: a.alpha,
      portfolio: new RecordingPortfolioModel(a.portfolio, (model, targets) => this.recordTargets('targets', model, targets)),
      risk: new RecordingRiskModel(a.risk, (model, targets) => this.recordTargets('risk_targets', model, targets)),
      execution: a.execution,
      preTradeControls: a.preTradeControls,
    });
    this.driver = new AlgorithmDriver(recorded, this.ctx, (decision) => this.recordRisk(decision));
  }

  /** Asks the session to stop after the cycle in progress (or at once while it waits for bars). */
  stop(reason = 'stopped'): void {
    this.stopReason ??= reason;
    if (this.live) this.abort.abort();
  }

  /**
   * Runs the session until the feed ends, {@link PaperTradingSession.stop} is called
   * or the kill switch halts; resumes first when the session id has saved state.
   *
   * @throws {@link LiveTradingDisabledError} for a live broker without `allowLive`;
   * {@link SessionResumeError} when the saved state does not belong to this
   * algorithm, spec or feed, or the rebuilt state differs from it; `SESSION_ALREADY_RUN`
   * on a second call; and whatever a model, the broker or persistence throws.
   */
  async run(): Promise<PaperSessionOutcome> {
    if (this.started) throw new AlphaSwarmError('SESSION_ALREADY_RUN', `session ${this.sessionId}: a PaperTradingSession runs once; build a new one (with a fresh algorithm) to resume`);
    this.started = true;
    if (this.broker.live && this.options.allowLive !== true) throw new LiveTradingDisabledError(`broker ${this.broker.name}`);
    const record = await this.persistence.loadSessionState(this.sessionId);
    const saved = record === undefined ? undefined : parseSessionState(record.state);
    if (saved !== undefined) this.checkIdentity(saved);
    const committed = await this.journal.open(saved?.journalCount ?? 0);
    const records = saved === undefined ? new Map<number, CycleRecord>() : cycleRecords(committed);
    const resumeCycles = saved?.cycles ?? 0;
    this.resumedCycles = resumeCycles;
    this.cuts = saved === undefined ? [] : [...saved.cuts];
    const onHalt = (reason: string): void => {
      if (!this.live) return;
      this.modelSwitch.halt(reason);
      this.abort.abort();
    };
    const onModelHalt = (reason: string): void => {
      if (this.live) this.killSwitch.halt(reason);
    };
    this.killSwitch.on('halted', onHalt);
    this.modelSwitch.on('halted', onModelHalt);
    this.options.progress?.report(this.sessionId, 'paper.started', saved === undefined ? `paper session ${this.sessionId} started` : `paper session ${this.sessionId} resuming after ${resumeCycles} cycles`, {
      resumed: saved !== undefined,
      resumedCycles: resumeCycles,
      broker: this.broker.name,
    });
    try {
      if (saved !== undefined && resumeCycles === 0) this.finishWarmup(saved);
      this.warm = resumeCycles > 0;
      if (!this.warm) this.goLive();
      const request = { signal: this.abort.signal, ...(saved?.lastTime === null || saved === undefined ? {} : { catchUpTo: saved.lastTime }) };
      for await (const slice of this.feed.slices(request)) {
        if (this.warm) {
          const cut = this.cuts.find((c) => c.cycle === this.cycles);
          await this.cycle(slice, records.get(this.cycles) ?? EMPTY_RECORD, cut?.item);
          // A halt a model raised while replaying ended the first run at that point (the cut); it does not carry over.
          if (this.modelSwitch.isHalted) this.modelSwitch.reset();
          if (this.cycles === resumeCycles && saved !== undefined) {
            this.finishWarmup(saved);
            this.warm = false;
            this.goLive();
          }
          continue;
        }
        if (this.killSwitch.isHalted || this.stopReason !== undefined) break;
        await this.cycle(slice, undefined, undefined);
        if (this.killSwitch.isHalted) break;
      }
      if (this.cycles < resumeCycles) {
        throw new SessionResumeError('cycles', `the feed ended after ${this.cycles} slices, but the session had processed ${resumeCycles}`);
      }
    } finally {
      this.killSwitch.off('halted', onHalt);
      this.modelSwitch.off('halted', onModelHalt);
    }
    return this.finish();
  }

  /** Leaves replay: the models' switch follows the session's again (a halt or stop during the replay stops the session now). */
  private goLive(): void {
    this.live = true;
    if (this.killSwitch.isHalted) this.modelSwitch.halt(this.killSwitch.reason ?? 'halted');
    if (this.killSwitch.isHalted || this.stopReason !== undefined) this.abort.abort();
  }

  private checkIdentity(saved: PaperSessionState): void {
    if (saved.algorithm !== this.algorithm.name) throw new SessionResumeError('algorithm', `saved for algorithm ${JSON.stringify(saved.algorithm)}, not ${JSON.stringify(this.algorithm.name)}`);
    const specHash = this.options.specHash ?? null;
    if (saved.specHash !== specHash) throw new SessionResumeError('specHash', `saved for spec ${String(saved.specHash)}, not ${String(specHash)}: a changed spec is a new session`);
    const symbols = this.feed.symbols.map((s) => s.value);
    if (canonicalize(saved.symbols) !== canonicalize(symbols)) throw new SessionResumeError('symbols', `saved for symbols ${saved.symbols.join(', ')}, not ${symbols.join(', ')}`);
  }

  /** Checks the rebuilt state against the saved one, then restores the broker's state. */
  private finishWarmup(saved: PaperSessionState): void {
    const rebuilt = this.state(saved.status);
    const fields = ['cycles', 'bars', 'lastTime', 'nextOrderId', 'nextInsightId', 'portfolio', 'openOrders'] as const;
    for (const field of fields) {
      if (canonicalize(rebuilt[field]) !== canonicalize(saved[field])) {
        throw new SessionResumeError(field, `replaying ${saved.cycles} cycles rebuilt a different ${field} than the one saved (a model that is not deterministic, or data that changed)`);
      }
    }
    if (saved.broker !== null) this.broker.loadState?.(saved.broker);
  }

  /**
   * One cycle over `slice`. With `record`, it is a replay of a processed cycle:
   * executions come from the record, nothing is submitted or written, and the
   * cycle stops at item `cut` when it was cut short the first time.
   */
  private async cycle(slice: Slice, record: CycleRecord | undefined, cut: number | undefined): Promise<void> {
    const warm = record !== undefined;
    const startedAt = warm ? 0 : this.wallClock.now();
    const counters = this.counters;
    counters.reset();
    const time = slice.time;
    this.history.append(slice);
    const ctx = this.ctx;
    ctx.time = time;
    if (this.cycles === 0) this.appendStart(time);
    const symbols = slice.symbols;
    this.log.append({ time, kind: 'market', bars: barRecords(slice) });
    this.bars += symbols.length;
    const portfolio = this.portfolio;
    if (this.book.openCount > 0) {
      for (const symbol of symbols) {
        const bar = slice.bar(symbol);
        if (bar !== undefined) portfolio.mark(symbol, bar.open);
      }
    }
    const updates = warm ? record.updates : await this.syncBroker(slice);
    for (const update of updates) this.applyUpdate(update, time);
    this.book.prune();
    for (const symbol of symbols) {
      const bar = slice.bar(symbol);
      if (bar !== undefined) portfolio.markBar(symbol, bar);
    }
    const snapshot = warm ? undefined : this.snapshot(slice);
    const driver = this.driver;
    driver.selectUniverse();
    const insights = driver.alpha(slice);
    let item = 1;
    let cutAt: number | undefined;
    const interrupted = (): boolean => (warm ? cut !== undefined && item >= cut : this.killSwitch.isHalted);
    let requests: readonly OrderRequest[] = NO_REQUESTS;
    if (insights.length === 0) requests = driver.decide();
    else if (interrupted()) cutAt = item;
    else {
      item += 1;
      this.log.append({ time, kind: 'signal', insights: insights.map((i) => i.toJSON()) });
      counters.insights += insights.length;
      if (!warm) this.journal.add('insights', time, { cycle: this.cycles, insights: insights.map((i) => i.toJSON()) });
      driver.accept(insights);
      requests = driver.decide();
    }
    if (cutAt === undefined) {
      for (const request of requests) {
        if (interrupted()) {
          cutAt = item;
          break;
        }
        item += 1;
        await this.onOrderRequest(request, time, record);
      }
    }
    this.times.push(time);
    this.equity.push(portfolio.equity);
    this.exposure.push(portfolio.grossExposure);
    const cycle = this.cycles;
    this.cycles += 1;
    this.lastTime = time;
    if (warm) return;
    if (cutAt !== undefined) this.cuts.push({ cycle, item: cutAt });
    for (const message of counters.errors) this.journal.add('error', time, { cycle, message });
    await this.journal.flush(this.journal.pendingCount > 0 ? { kind: 'snapshot', time, payload: snapshot } : undefined);
    await this.saveState('running');
    const summary: CycleSummary = {
      sessionId: this.sessionId,
      cycle,
      time,
      durationMs: this.wallClock.now() - startedAt,
      symbols: symbols.length,
      actions: {
        insights: counters.insights,
        orders: counters.orders,
        fills: counters.fills,
        cancelled: counters.cancelled,
        rejected: counters.rejected,
        riskDecisions: counters.riskDecisions,
      },
      errors: counters.errors,
    };
    const length = this.feed.length;
    this.options.progress?.report(this.sessionId, 'paper.cycle', `cycle ${cycle} at ${new Date(time).toISOString()}: ${counters.orders} orders, ${counters.fills} fills${counters.errors.length > 0 ? `, ${counters.errors.length} errors` : ''}`, {
      ...summary,
      ...(length === undefined ? {} : { percent: (100 * this.cycles) / Math.max(1, length) }),
      equity: portfolio.equity,
    });
    this.options.onCycle?.(summary);
  }

  private async syncBroker(slice: Slice): Promise<AppliedUpdate[]> {
    let updates: readonly OrderUpdate[];
    try {
      updates = await this.broker.sync(slice);
    } catch (error) {
      // A broker that could not be reached reports the updates at a later sync.
      if (!(error instanceof BrokerError)) throw error;
      this.counters.errors.push(`broker sync failed: ${messageOf(error)}`);
      return [];
    }
    return updates.map((u) =>
      u.kind === 'fill'
        ? { kind: 'fill', clientOrderId: u.clientOrderId, time: u.fill.time, quantity: u.fill.quantity, price: u.fill.price, fee: u.fill.fee, slippage: u.fill.slippage }
        : { kind: u.kind, clientOrderId: u.clientOrderId, reason: u.reason },
    );
  }

  private applyUpdate(update: AppliedUpdate, time: EpochMs): void {
    const order = this.book.get(update.clientOrderId);
    const counters = this.counters;
    if (order === undefined || !order.isOpen) {
      counters.errors.push(`update for an unknown or closed order ${update.clientOrderId} ignored`);
      return;
    }
    if (update.kind === 'fill') {
      try {
        order.fill(update.quantity, update.price);
      } catch (error) {
        counters.errors.push(`fill of order ${update.clientOrderId} not applied: ${messageOf(error)}`);
        return;
      }
      const fill: Fill = { orderId: order.id, symbol: order.symbol, time: update.time, quantity: update.quantity, price: update.price, fee: update.fee, slippage: update.slippage };
      this.portfolio.applyFill(fill);
      this.fills.push(fill);
      counters.fills += 1;
      this.log.append({ time: fill.time, kind: 'fill', fill: { orderId: fill.orderId, symbol: fill.symbol.value, quantity: fill.quantity, price: fill.price, fee: fill.fee, slippage: fill.slippage } });
      if (!this.warm) {
        this.journal.add('fill', fill.time, {
          cycle: this.cycles,
          orderId: order.id,
          clientOrderId: update.clientOrderId,
          symbol: order.symbol.value,
          quantity: fill.quantity,
          price: fill.price,
          fee: fill.fee,
          slippage: fill.slippage,
        });
      }
      return;
    }
    if (update.kind === 'rejected' && order.status === 'submitted') order.reject(update.reason);
    else order.cancel(update.reason);
    if (update.kind === 'rejected') counters.rejected += 1;
    else counters.cancelled += 1;
    this.log.append({ time, kind: 'order_update', orderId: order.id, status: update.kind, reason: update.reason });
    if (!this.warm) this.journal.add('order_update', time, { cycle: this.cycles, orderId: order.id, clientOrderId: update.clientOrderId, status: update.kind, reason: update.reason });
  }

  private async onOrderRequest(request: OrderRequest, time: EpochMs, record: CycleRecord | undefined): Promise<void> {
    if (!this.driver.check(request, this.history.price(request.symbol) ?? Number.NaN)) return;
    const order = Order.create(this.nextOrderId, request, time);
    this.nextOrderId += 1;
    const clientOrderId = `${this.sessionId}-${order.id}`;
    this.log.append({ time, kind: 'order', order: orderRecord(order) });
    this.book.add(order, clientOrderId);
    this.counters.orders += 1;
    let submission: SubmissionOutcome = 'submitted';
    let reason: string | null = null;
    let brokerOrderId: string | null = null;
    if (record !== undefined) {
      const recorded = record.submissions.get(order.id);
      if (recorded === undefined || recorded.symbol !== order.symbol.value || recorded.quantity !== order.quantity) {
        throw new SessionResumeError(
          'orders',
          `replay created order ${order.id} (${order.quantity} ${order.symbol.value}) that the journal ${recorded === undefined ? 'does not have' : `records as ${recorded.quantity} ${recorded.symbol}`} (a model that is not deterministic, or data that changed)`,
        );
      }
      submission = recorded.submission;
      reason = recorded.reason;
    } else {
      try {
        const placed = await this.broker.submit({
          clientOrderId,
          symbol: order.symbol,
          quantity: order.quantity,
          type: order.type,
          ...(order.limitPrice === undefined ? {} : { limitPrice: order.limitPrice }),
          ...(order.stopPrice === undefined ? {} : { stopPrice: order.stopPrice }),
          timeInForce: order.timeInForce,
          ...(order.tag === undefined ? {} : { tag: order.tag }),
          createdAt: time,
        });
        brokerOrderId = placed.id;
      } catch (error) {
        submission = error instanceof BrokerRejectedError ? 'rejected' : 'unknown';
        reason = messageOf(error);
        this.counters.errors.push(`order ${clientOrderId}: ${reason}`);
      }
      this.journal.add('order', time, {
        cycle: this.cycles,
        orderId: order.id,
        clientOrderId,
        brokerOrderId,
        ...orderRecord(order),
        submission,
        reason,
      });
    }
    if (submission === 'rejected') {
      const why = reason ?? 'rejected by the broker';
      order.reject(why);
      this.counters.rejected += 1;
      this.log.append({ time, kind: 'order_update', orderId: order.id, status: 'rejected', reason: why });
      this.book.prune();
    }
  }

  private recordRisk(decision: RiskDecision): void {
    const time = this.ctx.time;
    const entry = {
      model: decision.model,
      symbol: decision.symbol?.value ?? null,
      action: decision.action,
      reason: decision.reason,
      details: decision.details ?? {},
    };
    this.log.append({ time, kind: 'risk', ...entry });
    this.counters.riskDecisions += 1;
    if (!this.warm) this.journal.add('risk', time, { cycle: this.cycles, ...entry });
  }

  private recordTargets(kind: 'targets' | 'risk_targets', model: string, targets: readonly PortfolioTarget[]): void {
    if (this.warm) return;
    this.journal.add(kind, this.ctx.time, {
      cycle: this.cycles,
      model,
      targets: targets.map((t) => ({ symbol: t.symbol.value, quantity: t.quantity ?? null, weight: t.weight ?? null, tag: t.tag ?? null })),
    });
  }

  private snapshot(slice: Slice): unknown {
    const limit = this.options.journalSymbols ?? 20;
    const bars = barRecords(slice);
    const positions = this.portfolio.positions();
    return {
      cycle: this.cycles,
      equity: this.portfolio.equity,
      cash: this.portfolio.cash,
      symbols: bars.length,
      bars: bars.slice(0, limit),
      positions: positions.slice(0, limit).map((p) => ({ symbol: p.symbol.value, quantity: p.quantity, averagePrice: p.averagePrice, lastPrice: p.lastPrice })),
      openOrders: this.book.openCount,
    };
  }

  private appendStart(time: EpochMs): void {
    this.log.append({
      time,
      kind: 'start',
      algorithm: this.algorithm.name,
      initialCash: this.settings.initialCash,
      symbols: this.feed.symbols.map((s) => s.value),
      periodsPerYear: this.settings.periodsPerYear,
    });
  }

  private state(status: PaperSessionStatus): PaperSessionState {
    return {
      version: 1,
      sessionId: this.sessionId,
      algorithm: this.algorithm.name,
      specHash: this.options.specHash ?? null,
      symbols: this.feed.symbols.map((s) => s.value),
      status,
      haltReason: status === 'halted' ? (this.killSwitch.reason ?? 'halted') : status === 'stopped' ? (this.stopReason ?? 'stopped') : null,
      cycles: this.cycles,
      bars: this.bars,
      lastTime: this.lastTime,
      nextOrderId: this.nextOrderId,
      nextInsightId: this.driver.counters().nextInsightId,
      journalCount: this.journal.count,
      cuts: this.cuts,
      portfolio: this.portfolio.snapshot(),
      openOrders: this.book.records(),
      broker: this.broker.saveState?.() ?? null,
    };
  }

  private async saveState(status: PaperSessionStatus): Promise<void> {
    await this.persistence.saveSessionState(this.sessionId, this.state(status));
  }

  private async finish(): Promise<PaperSessionOutcome> {
    const halted = this.killSwitch.isHalted;
    const status: PaperRunStatus = halted ? 'halted' : this.stopReason !== undefined ? 'stopped' : 'completed';
    const haltReason = halted ? (this.killSwitch.reason ?? 'halted') : (this.stopReason ?? null);
    if (this.cycles === 0) this.appendStart(0);
    this.log.append({ time: this.lastTime ?? 0, kind: 'end', halted, reason: halted ? haltReason : null });
    await this.saveState(status);
    await this.journal.close();
    const a = this.algorithm;
    const result = new BacktestResult({
      config: {
        ...this.settings,
        algorithm: a.name,
        models: { universe: a.universe.name, alpha: a.alpha.name, portfolio: a.portfolio.name, risk: a.risk.name, execution: a.execution.name },
        preTradeControls: a.preTradeControls.map((c) => c.name),
        symbols: this.feed.symbols.map((s) => s.value),
      },
      specHash: this.options.specHash ?? null,
      eventLog: this.log,
      fills: this.fills,
      trades: this.portfolio.trades,
      openTrades: this.portfolio.openTrades(),
      equityCurve: { timestamps: Float64Array.from(this.times), equity: Float64Array.from(this.equity), exposure: Float64Array.from(this.exposure) },
      portfolio: this.portfolio.snapshot(),
      halted,
      haltReason: halted ? haltReason : null,
      bars: this.bars,
    });
    const summary = summarizeBacktest(result, { specHash: this.options.specHash ?? null, versionId: this.options.versionId ?? null });
    this.options.progress?.report(this.sessionId, 'paper.finished', `${status}${haltReason === null ? '' : `: ${haltReason}`} after ${this.cycles} cycles, equity ${result.finalEquity.toFixed(2)}`, {
      status,
      cycles: this.cycles,
      equity: result.finalEquity,
    });
    return { sessionId: this.sessionId, status, haltReason, cycles: this.cycles, resumedCycles: this.resumedCycles, result, summary };
  }
}

function barRecords(slice: Slice): BarRecord[] {
  const out: BarRecord[] = [];
  for (const symbol of slice.symbols) {
    const b = slice.bar(symbol);
    if (b !== undefined) out.push({ symbol: symbol.value, open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume });
  }
  return out;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

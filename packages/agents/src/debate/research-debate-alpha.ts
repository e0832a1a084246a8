/**
 * The research debate as an `AlphaModel`: insights leave it only where the Risk
 * Simulator approved.
 *
 * @module
 */
import { InvalidArgumentError } from '@alphaswarm/core';
import type { AlgorithmContext, AlphaModel, BarFrame, EpochMs, InsightInit, Slice } from '@alphaswarm/core';
import type { DebateOutcome, ResearchDebate } from './research-debate.js';

/** Options of {@link ResearchDebateAlpha}. */
export interface ResearchDebateAlphaOptions {
  /** The debate run at each decision point. */
  readonly debate: ResearchDebate;
  /** Model name, the insights' source (default `ResearchDebateAlpha`). */
  readonly name?: string;
  /** Least number of bars between two debates triggered by a shift (default: the monitor's recent window). */
  readonly cooldownBars?: number;
  /** Debate once at the first bar where the monitor has full windows for every symbol (default true). */
  readonly initialDebate?: boolean;
  /** Most debates `prepare` runs (default 20): a bound on model cost. */
  readonly maxDebates?: number;
  /**
   * At a decision point where nothing is approved, withdraw the standing approved
   * book with `flat` insights (default true). Flat insights ask for no position, so
   * they can only reduce risk.
   */
  readonly withdrawOnReject?: boolean;
}

/** One decision of the alpha: the debate's outcome and what the alpha emits for it. */
export interface DebateDecision {
  /** The decision time (the bar whose data the debate used last), epoch ms. */
  readonly time: EpochMs;
  /** The debate's outcome (with its transcript). */
  readonly outcome: DebateOutcome;
  /**
   * What `update` emits for it: the approved insights, plus `flat` for symbols of the
   * standing book that the new decision drops (or all of them on a rejection with
   * `withdrawOnReject`). Empty for a rejection with nothing standing.
   */
  readonly emitted: readonly InsightInit[];
}

/** Optional bounds of {@link ResearchDebateAlpha.prepare}. */
export interface PrepareOptions {
  /** First bar time considered as a decision point (default: the frame's first). */
  readonly start?: EpochMs;
  /** Last bar time considered as a decision point (default: the frame's last). */
  readonly end?: EpochMs;
}

const NO_INSIGHTS: readonly InsightInit[] = Object.freeze([]);

/** An approved position still standing: its symbol and when its insight closes. */
interface Standing {
  readonly symbol: InsightInit['symbol'];
  readonly closeTime: number;
}

/**
 * An {@link AlphaModel} whose insights come from {@link ResearchDebate}s. The engine
 * calls `update` synchronously while a debate is asynchronous (LLM calls), so
 * debates run OUTSIDE the bar loop, at decision points, on data up to that point:
 *
 * - Backtests: `await alpha.prepare(frame)` before the run. It walks the frame's bar
 *   times and, at each decision point — the first bar where the monitor can assess
 *   every symbol (`initialDebate`), then every bar where the {@link MarketMonitor}
 *   flags a regime shift, at least `cooldownBars` after the previous debate — runs a
 *   debate on the bars at or before that time. During the run, `update` emits each
 *   decision's insights at the bar of its decision time, the bar whose close the
 *   debate saw last (as any alpha emitting at bar t; the engine fills at t + 1's
 *   open). No debate ever sees a later bar: there is no look-ahead. Prepare on the
 *   frame you backtest, so that decision times are bar times of the run.
 * - Live or paper sessions: call `await alpha.decide(frame)` whenever you want a
 *   decision (e.g. when `alpha.debate.monitor.assess(frame).shift`); its insights
 *   are emitted at the next `update` at or after the decision time.
 *
 * Insights are emitted only for approved decisions (the debate's consensus rule),
 * except the `flat` insights that withdraw a standing book (see
 * {@link ResearchDebateAlphaOptions.withdrawOnReject}). `update` allocates nothing on
 * bars without a decision.
 */
export class ResearchDebateAlpha implements AlphaModel {
  /** Model name. */
  readonly name: string;
  /** The debate. */
  readonly debate: ResearchDebate;
  /** Bars between shift-triggered debates. */
  readonly cooldownBars: number;
  /** Whether the first assessable bar is a decision point. */
  readonly initialDebate: boolean;
  /** Most debates per `prepare`. */
  readonly maxDebates: number;
  /** Whether a rejection withdraws the standing book. */
  readonly withdrawOnReject: boolean;
  private readonly byTime = new Map<EpochMs, readonly InsightInit[]>();
  private readonly list: DebateDecision[] = [];
  private readonly pending: DebateDecision[] = [];
  private standing: Standing[] = [];

  /** @throws InvalidArgumentError naming the offending option. */
  constructor(options: ResearchDebateAlphaOptions) {
    if (typeof options.debate?.run !== 'function') throw new InvalidArgumentError('debate', options.debate, 'a ResearchDebate');
    const cooldown = options.cooldownBars ?? options.debate.monitor.recentWindow;
    if (!(Number.isSafeInteger(cooldown) && cooldown >= 1)) throw new InvalidArgumentError('cooldownBars', cooldown, 'a positive integer');
    const maxDebates = options.maxDebates ?? 20;
    if (!(Number.isSafeInteger(maxDebates) && maxDebates >= 1)) throw new InvalidArgumentError('maxDebates', maxDebates, 'a positive integer');
    this.name = options.name ?? 'ResearchDebateAlpha';
    this.debate = options.debate;
    this.cooldownBars = cooldown;
    this.initialDebate = options.initialDebate ?? true;
    this.maxDebates = maxDebates;
    this.withdrawOnReject = options.withdrawOnReject ?? true;
  }

  /** Every decision so far (prepared and live), in time order of decision. */
  get decisions(): readonly DebateDecision[] {
    return this.list;
  }

  /**
   * The decision points of `frame` (see the class description), computed from the
   * monitor alone (no debate is run). Deterministic; reads at each point only the
   * bars at or before it.
   */
  decisionPoints(frame: BarFrame, options: PrepareOptions = {}): EpochMs[] {
    const times = frame.timestamps();
    const monitor = this.debate.monitor;
    const points: EpochMs[] = [];
    let last = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < times.length && points.length < this.maxDebates; i += 1) {
      const t = times[i] ?? Number.NaN;
      if ((options.start !== undefined && t < options.start) || (options.end !== undefined && t > options.end)) continue;
      const assessment = monitor.assess(frame, t);
      if (!assessment.ready) continue;
      const first = points.length === 0 && this.initialDebate;
      if (first || (assessment.shift && i - last >= this.cooldownBars)) {
        points.push(t);
        last = i;
      }
    }
    return points;
  }

  /**
   * Runs the debates of every decision point of `frame` (in time order, one after
   * another) and schedules their insights for `update`. Call once before a backtest.
   *
   * @returns the new decisions
   */
  async prepare(frame: BarFrame, options: PrepareOptions = {}): Promise<readonly DebateDecision[]> {
    const made: DebateDecision[] = [];
    for (const time of this.decisionPoints(frame, options)) {
      const outcome = await this.debate.run(frame, time);
      const decision = this.settle(outcome, outcome.decisionTime);
      this.byTime.set(decision.time, decision.emitted);
      made.push(decision);
    }
    return made;
  }

  /**
   * Runs one debate now on the bars of `frame` at or before `asOf` (default: the
   * last bar) and queues its insights for the next `update` at or after its decision
   * time. For live and paper sessions.
   */
  async decide(frame: BarFrame, asOf?: EpochMs): Promise<DebateDecision> {
    const outcome = await this.debate.run(frame, asOf);
    const decision = this.settle(outcome, outcome.decisionTime);
    this.pending.push(decision);
    return decision;
  }

  /** Emits the insights decided for this bar (prepared), or queued live decisions that are due. */
  update(_ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
    const prepared = this.byTime.get(slice.time);
    if (this.pending.length === 0) return prepared ?? NO_INSIGHTS;
    const out: InsightInit[] = prepared === undefined ? [] : [...prepared];
    while (this.pending.length > 0 && (this.pending[0]?.time ?? Number.POSITIVE_INFINITY) <= slice.time) {
      const next = this.pending.shift();
      if (next !== undefined) out.push(...next.emitted);
    }
    return out.length === 0 ? NO_INSIGHTS : out;
  }

  /** What a decision emits, given the standing book; updates the standing book. */
  private settle(outcome: DebateOutcome, time: EpochMs): DebateDecision {
    const live = this.standing.filter((s) => time < s.closeTime);
    let emitted: readonly InsightInit[];
    if (outcome.approved) {
      const keep = new Set(outcome.insights.map((i) => i.symbol));
      const dropped = live.filter((s) => !keep.has(s.symbol)).map((s) => flat(s, outcome.debateId));
      emitted = [...outcome.insights, ...dropped];
      this.standing = outcome.insights.map((i) => ({ symbol: i.symbol, closeTime: time + (i.period ?? Number.POSITIVE_INFINITY) }));
    } else if (this.withdrawOnReject && live.length > 0) {
      emitted = live.map((s) => flat(s, outcome.debateId));
      this.standing = [];
    } else {
      emitted = NO_INSIGHTS;
      this.standing = live;
    }
    const decision: DebateDecision = { time, outcome, emitted };
    this.list.push(decision);
    return decision;
  }
}

function flat(standing: Standing, debateId: string): InsightInit {
  return { symbol: standing.symbol, direction: 'flat', tag: `${debateId} withdrawn` };
}

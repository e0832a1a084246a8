import { AlphaSwarmError, InvalidArgumentError } from '@alphaswarm/core';
import type { AlgorithmContext, Insight, PortfolioConstructionModel, PortfolioTarget, SymbolId } from '@alphaswarm/core';
import { Schedule, validateScheduleRule, type ScheduleRule } from '../universe/schedule.js';

/**
 * Which insights a portfolio model acts on: `long` only `up` insights, `short` only
 * `down` insights, `long_short` both. An insight against the bias counts as flat (its
 * symbol gets a zero target), and a computed weight of the wrong sign is set to 0.
 */
export type PortfolioBias = 'long' | 'short' | 'long_short';

/**
 * When a portfolio model re-emits all its targets although no insight changed:
 * `'never'` (only on insight or universe changes), or a {@link ScheduleRule}
 * (`{kind: 'bars', every}`, `{kind: 'weekly', weekday?}`, `{kind: 'monthly', day?}`
 * or a predicate), evaluated once per timestamp of the run.
 */
export type RebalanceRule = 'never' | ScheduleRule;

/** The options every portfolio construction model of this package accepts. */
export interface PortfolioModelOptions {
  /** Model name (default: the class name); lets two instances be told apart. */
  readonly name?: string;
  /** Directions acted on (default `long_short`). */
  readonly portfolioBias?: PortfolioBias;
  /** Scheduled full rebalances (default `'never'`). */
  readonly rebalance?: RebalanceRule;
  /**
   * Drift threshold, as a fraction of the sizing value (default 0, off): a symbol
   * already held in the target's direction is re-targeted only when its current
   * weight differs from the target by more than this. Opening, closing and flipping
   * a position are never suppressed.
   */
  readonly driftThreshold?: number;
}

const BIASES: readonly PortfolioBias[] = ['long', 'short', 'long_short'];

/**
 * The shared machinery of the weight-based portfolio models (LEAN's
 * `PortfolioConstructionModel` base): picks each symbol's most recent active insight,
 * applies the bias, asks the subclass for signed weights, and turns them into targets.
 *
 * Conventions of every subclass:
 * - Weights are signed fractions of the sizing value (`{symbol, weight}` targets;
 *   the engine sizes them as `trunc(weight × sizing value / close)`).
 * - Per symbol only the most recent active insight counts (latest generation time,
 *   then highest id); flat insights and insights against the bias count as none.
 * - A symbol targeted before that no longer gets a non-zero weight receives
 *   `{symbol, quantity: 0}`.
 * - On a call caused by an insight or universe change, only targets whose weight
 *   changed since last emitted are re-emitted (the others' positions stand); on a
 *   scheduled rebalance (see {@link PortfolioModelOptions.rebalance}) every non-zero
 *   target is re-emitted, so positions are re-sized to the current prices.
 * - The drift threshold then suppresses re-targeting of small deviations, measured
 *   on holdings plus open orders at the current close.
 */
export abstract class PortfolioModelBase implements PortfolioConstructionModel {
  /** Name of the model. */
  readonly name: string;
  /** Directions acted on. */
  readonly portfolioBias: PortfolioBias;
  /** The rebalance rule. */
  readonly rebalance: RebalanceRule;
  /** The drift threshold (fraction of the sizing value; 0 = off). */
  readonly driftThreshold: number;
  private readonly schedule: Schedule | undefined;
  private readonly emitted = new Map<SymbolId, number>();
  /** Per-symbol scratch of `createTargets`, reused from call to call (no per-call maps or sets). */
  private readonly slots = new Map<SymbolId, SymbolSlot>();
  private generation = 0;
  private scheduleTime = Number.NaN;
  private scheduleDue = false;

  /**
   * @param defaultName - the name when `options.name` is not given (the class name)
   * @param options - see {@link PortfolioModelOptions}
   * @throws `InvalidArgumentError` naming `portfolioBias`, `driftThreshold` or
   * `rebalance…` when out of range
   */
  protected constructor(defaultName: string, options: PortfolioModelOptions = {}) {
    const { name = defaultName, portfolioBias = 'long_short', rebalance = 'never', driftThreshold = 0 } = options;
    if (typeof name !== 'string' || name.length === 0) throw new InvalidArgumentError('name', name, 'a non-empty string');
    if (!BIASES.includes(portfolioBias)) throw new InvalidArgumentError('portfolioBias', portfolioBias, "'long', 'short' or 'long_short'");
    if (!(driftThreshold >= 0 && Number.isFinite(driftThreshold))) throw new InvalidArgumentError('driftThreshold', driftThreshold, 'a finite fraction ≥ 0');
    this.name = name;
    this.portfolioBias = portfolioBias;
    this.driftThreshold = driftThreshold;
    this.rebalance = rebalance === 'never' ? rebalance : validateScheduleRule(rebalance, 'rebalance');
    this.schedule = rebalance === 'never' ? undefined : new Schedule(rebalance);
  }

  /** The weights last emitted, by symbol (non-zero only). A live read-only view. */
  get targetWeights(): ReadonlyMap<SymbolId, number> {
    return this.emitted;
  }

  /** True on a timestamp where the rebalance schedule is due. O(1), allocates nothing. */
  rebalanceDue(ctx: AlgorithmContext): boolean {
    return this.tick(ctx.time);
  }

  /** Targets for the symbols whose weight changed (all on a scheduled rebalance), and zeros for dropped symbols. */
  createTargets(ctx: AlgorithmContext, insights: readonly Insight[]): readonly PortfolioTarget[] {
    const scheduled = this.tick(ctx.time);
    const active = this.activeInsights(ctx, insights);
    const weights = new Float64Array(active.length);
    if (active.length > 0) this.computeWeights(ctx, active, weights);
    const out: PortfolioTarget[] = [];
    const generation = this.generation;
    for (let i = 0; i < active.length; i++) {
      const symbol = (active[i] as Insight).symbol;
      let w = weights[i] as number;
      if (!Number.isFinite(w)) throw new AlphaSwarmError('INVALID_WEIGHT', `${this.name}: weight ${w} for ${symbol.value}`, { path: 'weight', value: w });
      if ((this.portfolioBias === 'long' && w < 0) || (this.portfolioBias === 'short' && w > 0)) w = 0;
      if (w === 0) continue;
      (this.slots.get(symbol) as SymbolSlot).kept = generation;
      const previous = this.emitted.get(symbol);
      if (!scheduled && previous === w) continue;
      if (previous !== undefined && this.withinDrift(ctx, symbol, w)) continue;
      out.push({ symbol, weight: w });
      this.emitted.set(symbol, w);
    }
    for (const symbol of this.emitted.keys()) {
      if (this.slots.get(symbol)?.kept === generation) continue;
      out.push({ symbol, quantity: 0 });
      this.emitted.delete(symbol);
    }
    return out;
  }

  /**
   * Writes the signed weight of each insight's symbol into `out` (same index). The
   * insights are the most recent active one per symbol, none flat, all along the bias;
   * there is at least one. A weight of 0 means no position.
   */
  protected abstract computeWeights(ctx: AlgorithmContext, insights: readonly Insight[], out: Float64Array): void;

  private tick(time: number): boolean {
    if (time !== this.scheduleTime) {
      this.scheduleTime = time;
      this.scheduleDue = this.schedule?.tick(time) ?? false;
    }
    return this.scheduleDue;
  }

  /**
   * The most recent active insight per symbol (latest generation time, then highest
   * id), along the bias, in first-seen symbol order. Starts a new scratch generation.
   */
  private activeInsights(ctx: AlgorithmContext, insights: readonly Insight[]): Insight[] {
    const generation = ++this.generation;
    const time = ctx.time;
    const latest: Insight[] = [];
    for (let i = 0; i < insights.length; i++) {
      const insight = insights[i] as Insight;
      if (!insight.isActive(time)) continue;
      let slot = this.slots.get(insight.symbol);
      if (slot === undefined) {
        slot = { seen: 0, index: 0, kept: 0 };
        this.slots.set(insight.symbol, slot);
      }
      if (slot.seen !== generation) {
        slot.seen = generation;
        slot.index = latest.length;
        latest.push(insight);
        continue;
      }
      const current = latest[slot.index] as Insight;
      if (insight.generatedTime > current.generatedTime || (insight.generatedTime === current.generatedTime && insight.id > current.id)) latest[slot.index] = insight;
    }
    let n = 0;
    for (let i = 0; i < latest.length; i++) {
      const insight = latest[i] as Insight;
      if (insight.direction === 'up' ? this.portfolioBias !== 'short' : insight.direction === 'down' && this.portfolioBias !== 'long') latest[n++] = insight;
    }
    latest.length = n;
    return latest;
  }

  /** True when the position is held in the target's direction and within the drift threshold of it. */
  private withinDrift(ctx: AlgorithmContext, symbol: SymbolId, target: number): boolean {
    if (!(this.driftThreshold > 0)) return false;
    const price = ctx.securities.price(symbol);
    const value = ctx.sizingValue;
    if (price === undefined || !(value > 0)) return false;
    let quantity = ctx.portfolio.quantity(symbol);
    for (const order of ctx.openOrders()) if (order.symbol === symbol) quantity += order.remainingQuantity;
    const current = (quantity * price) / value;
    return Math.sign(current) === Math.sign(target) && Math.abs(current - target) <= this.driftThreshold;
  }
}

/** What `createTargets` marks per symbol: the generation it was seen and kept in, and its place. */
interface SymbolSlot {
  seen: number;
  index: number;
  kept: number;
}

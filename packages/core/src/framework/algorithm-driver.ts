import type { FrameworkAlgorithm } from './algorithm.js';
import type { SourcedInsightInit } from './composite-alpha.js';
import type { AlgorithmContext } from './context.js';
import { Insight, type InsightInit } from './insight.js';
import type { SecurityChanges } from './models.js';
import type { PortfolioTarget, QuantityTarget } from './portfolio-target.js';
import type { RiskDecision } from './risk-decision.js';
import type { Slice } from './slice.js';
import type { OrderRequest } from '../orders/order.js';
import type { SymbolId } from '../symbol-id.js';

/** A context whose securities' active list the driver sets when the universe changes. */
export interface DrivenContext extends AlgorithmContext {
  /** The securities view; `active` is written by the driver. */
  readonly securities: AlgorithmContext['securities'] & { active: readonly SymbolId[] };
}

/** The counters a driver needs to resume where it stopped. */
export interface DriverCounters {
  /** Next insight id. */
  readonly nextInsightId: number;
}

const NO_TARGETS: readonly QuantityTarget[] = Object.freeze([]);

/**
 * Drives the five stages of a {@link FrameworkAlgorithm} for one time step, the same
 * way in a backtest, a paper session and a live session (only the data feed and
 * the broker differ around it):
 *
 * 1. `selectUniverse()` — stage 1; changes reach every stage through `onSecuritiesChanged`
 *    and cancel the insights of removed symbols;
 * 2. `alpha(slice)` — stage 2, returns the new insights stamped with id, source and time;
 * 3. `accept(insights)` — adds them to the active insights;
 * 4. `decide()` — expires insights; runs portfolio construction when insights changed,
 *    the universe changed or `rebalanceDue` says so (weight targets resolved at the
 *    current close); runs risk and execution every step; returns order requests;
 * 5. `check(request, price)` — the pre-trade controls; a rejection is a risk decision.
 */
export class AlgorithmDriver {
  private nextInsightId: number;
  private nextExpiry = Infinity;
  private insightsChanged = false;
  private lastUniverse: readonly SymbolId[] | undefined;
  private activeSet = new Set<SymbolId>();

  /**
   * @param algorithm - the stage models
   * @param ctx - the context models see; its `time` must be set before each step
   * @param onRiskDecision - receives every risk decision (including pre-trade rejections)
   * @param counters - resume counters (fresh when omitted)
   */
  constructor(
    readonly algorithm: FrameworkAlgorithm,
    private readonly ctx: DrivenContext,
    private readonly onRiskDecision: (decision: RiskDecision) => void,
    counters: DriverCounters = { nextInsightId: 1 },
  ) {
    this.nextInsightId = counters.nextInsightId;
  }

  /** Counters to persist for a resume. */
  counters(): DriverCounters {
    return { nextInsightId: this.nextInsightId };
  }

  /** Stage 1: asks the universe model; on a change notifies every stage. */
  selectUniverse(): void {
    const selected = this.algorithm.universe.select(this.ctx);
    if (selected !== this.lastUniverse) this.changeUniverse(selected);
  }

  /**
   * Applies a new selection. Kept apart from the per-step check: its closures would
   * make every call of the check allocate a context.
   */
  private changeUniverse(selected: readonly SymbolId[]): void {
    const ctx = this.ctx;
    const universe = this.algorithm.universe;
    this.lastUniverse = selected;
    const next = new Set(selected);
    const added = selected.filter((s) => !this.activeSet.has(s));
    const removed = [...this.activeSet].filter((s) => !next.has(s));
    this.activeSet = next;
    ctx.securities.active = selected;
    if (added.length === 0 && removed.length === 0) return;
    for (const symbol of removed) ctx.insights.cancel(symbol, 'removed from the universe');
    const changes: SecurityChanges = { added, removed };
    const { alpha, portfolio, risk, execution } = this.algorithm;
    universe.onSecuritiesChanged?.(ctx, changes);
    alpha.onSecuritiesChanged?.(ctx, changes);
    portfolio.onSecuritiesChanged?.(ctx, changes);
    risk.onSecuritiesChanged?.(ctx, changes);
    execution.onSecuritiesChanged?.(ctx, changes);
    this.insightsChanged = true;
  }

  /** Stage 2: the alpha's new insights for this slice, stamped (empty most of the time). */
  alpha(slice: Slice): readonly Insight[] {
    const inits = this.algorithm.alpha.update(this.ctx, slice);
    if (inits.length === 0) return NO_INSIGHTS;
    const stamped: Insight[] = [];
    for (const init of inits) stamped.push(this.stamp(init));
    return stamped;
  }

  /** Adds emitted insights to the active set (a newer one replaces its predecessor). */
  accept(insights: readonly Insight[]): void {
    for (const insight of insights) {
      this.ctx.insights.add(insight);
      if (insight.closeTime < this.nextExpiry) this.nextExpiry = insight.closeTime;
    }
    if (insights.length > 0) this.insightsChanged = true;
  }

  /** Stages 3–5: targets, risk, execution. Returns the order requests of this step. */
  decide(): readonly OrderRequest[] {
    const ctx = this.ctx;
    const insights = ctx.insights;
    const time = ctx.time;
    if (time >= this.nextExpiry) {
      if (insights.expire(time).length > 0) this.insightsChanged = true;
      this.nextExpiry = Infinity;
      for (const insight of insights.all()) if (insight.closeTime < this.nextExpiry) this.nextExpiry = insight.closeTime;
    }
    const pcm = this.algorithm.portfolio;
    let targets: readonly QuantityTarget[] = NO_TARGETS;
    if (this.insightsChanged || pcm.rebalanceDue?.(ctx) === true) {
      this.insightsChanged = false;
      targets = this.resolve(pcm.createTargets(ctx, insights.all()));
    }
    const sizeBefore = insights.size;
    const adjusted = this.resolve(this.algorithm.risk.manageRisk(ctx, targets));
    if (insights.size !== sizeBefore) this.insightsChanged = true;
    return this.algorithm.execution.execute(ctx, adjusted);
  }

  /**
   * Runs the pre-trade controls on one request. Returns true when it may go to the
   * broker; otherwise records the rejection as a risk decision and returns false.
   */
  check(request: OrderRequest, price: number): boolean {
    for (const control of this.algorithm.preTradeControls) {
      const verdict = control.check(this.ctx, request, price);
      if (verdict.accepted) continue;
      this.onRiskDecision({
        model: control.name,
        symbol: request.symbol,
        action: 'reject',
        reason: verdict.reason,
        details: { rule: verdict.rule, quantity: request.quantity, price, ...verdict.details },
      });
      return false;
    }
    return true;
  }

  private stamp(init: InsightInit): Insight {
    const source = (init as Partial<SourcedInsightInit>).sourceModel ?? this.algorithm.alpha.name;
    const insight = new Insight(this.nextInsightId, init, source, this.ctx.time);
    this.nextInsightId += 1;
    return insight;
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
}

const NO_INSIGHTS: readonly Insight[] = Object.freeze([]);

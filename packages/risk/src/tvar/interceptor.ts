import { InvalidArgumentError } from '@alphaswarm/core';
import type { AlgorithmContext, PortfolioTarget, RiskManagementModel, SecurityChanges } from '@alphaswarm/core';
import { fraction, integerAtLeast, modelName, oneOf } from '../caps/option-checks.js';
import { increasesExposure, scaledTarget, targetBook } from '../caps/target-book.js';
import { NoOpRiskModel } from '../no-op.js';
import { cornishFisherVaR, historicalES, parametricTVaR, portfolioReturns } from './measures.js';

/**
 * How the interceptor estimates the tail loss of the proposed book:
 * - `parametric`: normal Tail-VaR ({@link parametricTVaR});
 * - `historical`: historical expected shortfall ({@link historicalES});
 * - `cornish_fisher`: the Cornish-Fisher (modified) VaR ({@link cornishFisherVaR}).
 *   A skew- and kurtosis-adjusted QUANTILE, not a tail mean: it is compared with the
 *   limit as is, and is less conservative than an expected shortfall.
 */
export type TVaRMethod = 'parametric' | 'historical' | 'cornish_fisher';

/**
 * What the interceptor does when the estimate is above the limit: `scale` the
 * proposed targets down, or `cancel` those that add exposure.
 */
export type TVaRPolicy = 'scale' | 'cancel';

/** Options of {@link TVaRInterceptor}. */
export interface TVaRInterceptorOptions {
  /** The risk model whose output is checked; defaults to a {@link NoOpRiskModel} (checks the portfolio model's targets). */
  readonly inner?: RiskManagementModel;
  /** Estimator of the tail loss; default `parametric`. */
  readonly method?: TVaRMethod;
  /** Confidence level in (0, 1); default 0.95. */
  readonly alpha?: number;
  /** Largest tail loss allowed per bar, a fraction of equity in (0, 1] (0.02 = 2 % per period). */
  readonly limit: number;
  /** Number of past bar returns the estimate uses, an integer ≥ 2 (≥ 4 for `cornish_fisher`); default 60. */
  readonly lookback?: number;
  /** What to do above the limit; default `scale`. */
  readonly policy?: TVaRPolicy;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/** Minimum number of returns each estimator needs. */
const MIN_RETURNS: Readonly<Record<TVaRMethod, number>> = { parametric: 2, historical: 2, cornish_fisher: 4 };

/**
 * A decorator around any risk model that keeps the tail risk of what it lets
 * through under a limit (the "TVaR interceptor").
 *
 * On a bar where the inner model returns targets (and only then), it:
 * 1. forms the book those targets would leave: each targeted symbol at its target,
 *    each held symbol no target mentions at its holding, as weights of equity
 *    `w = shares × close / equity` (current closes, equity marked at the closes);
 * 2. reads `lookback + 1` closes of every symbol with a non-zero weight from
 *    `ctx.history` and forms the joint simple-return history over the last `T`
 *    bars, `T` = the shortest history − 1 (capped at `lookback`), aligned at the
 *    current bar (the symbols are assumed to share a calendar);
 * 3. computes the per-bar portfolio return series `R_t = Σ w_i r_{i,t}` with
 *    {@link portfolioReturns} — so the estimate sees the co-movement of the
 *    symbols — and its tail loss with the chosen {@link TVaRMethod} at `alpha`.
 *
 * When the history is too short for the method (or a close is not positive), no
 * estimate is made and the targets pass unchanged. When the estimate is strictly
 * above `limit`:
 * - `scale`: every proposed target's shares (and weight) are multiplied by a factor
 *   `f ∈ [0, 1]` (shares truncated toward zero), i.e. the proposed positions
 *   shrink toward flat. All three measures are positively homogeneous in the
 *   weights, so when no untargeted holding exists `f = limit / estimate` exactly.
 *   Otherwise the book is `H + f·P` (holdings it does not target, plus scaled
 *   targets); `f` is the largest factor whose estimate is ≤ `limit`, found by
 *   bisection (the estimate is convex in `f` for the parametric and historical
 *   measures; for Cornish-Fisher the search is the same but the result is only
 *   guaranteed to meet the limit, not to be the largest), and `f = 0` when the
 *   untouched holdings alone are at or above the limit.
 * - `cancel`: every proposed target that adds exposure (grows the absolute position
 *   or flips its side) is dropped, keeping the current holding, and the insights of
 *   its symbol are cancelled; targets that keep or reduce a position (e.g. an inner
 *   model's liquidation) pass.
 *
 * Either way it records one symbol-less decision (action `scale` or `cancel`) with
 * `method`, `alpha`, `limit`, `estimate`, `lookback` (the T used), `policy`, and for
 * `scale` the `factor` and the estimate `after` it (before truncation, `reached`
 * false when the limit could not be met), for `cancel` the counts `dropped` and
 * `kept`. Bars without proposed targets cost one call of the inner model and
 * nothing else.
 */
export class TVaRInterceptor implements RiskManagementModel {
  /** Name used in risk events. */
  readonly name: string;
  /** The decorated risk model. */
  readonly inner: RiskManagementModel;
  /** The estimator. */
  readonly method: TVaRMethod;
  /** Confidence level. */
  readonly alpha: number;
  /** Tail-loss limit per bar, a fraction of equity. */
  readonly limit: number;
  /** Number of bar returns used. */
  readonly lookback: number;
  /** Action above the limit. */
  readonly policy: TVaRPolicy;

  /** @throws InvalidArgumentError on an option out of its domain or an inner object that is not a risk model. */
  constructor(options: TVaRInterceptorOptions) {
    const inner = options.inner ?? new NoOpRiskModel();
    if (inner === null || typeof inner !== 'object' || typeof inner.manageRisk !== 'function') {
      throw new InvalidArgumentError('inner', inner, 'a risk model (an object with manageRisk)');
    }
    this.inner = inner;
    this.method = oneOf('method', options.method ?? 'parametric', ['parametric', 'historical', 'cornish_fisher']);
    this.alpha = options.alpha ?? 0.95;
    if (!(typeof this.alpha === 'number' && this.alpha > 0 && this.alpha < 1)) throw new InvalidArgumentError('alpha', this.alpha, 'a confidence level strictly between 0 and 1');
    this.limit = fraction('limit', options.limit);
    this.lookback = integerAtLeast('lookback', options.lookback ?? 60, MIN_RETURNS[this.method]);
    this.policy = oneOf('policy', options.policy ?? 'scale', ['scale', 'cancel']);
    this.name = modelName(options.name, 'TVaRInterceptor');
  }

  /** The tail loss of a return series with this interceptor's method and alpha (positive = loss). */
  estimate(returns: ArrayLike<number>): number {
    switch (this.method) {
      case 'parametric':
        return parametricTVaR(returns, this.alpha);
      case 'historical':
        return historicalES(returns, this.alpha);
      case 'cornish_fisher':
        return cornishFisherVaR(returns, this.alpha);
    }
  }

  /** Runs the inner model, then checks and, above the limit, scales or cancels its targets. */
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    const proposed = this.inner.manageRisk(ctx, targets);
    if (proposed.length === 0) return proposed;
    const book = targetBook(ctx, proposed);
    if (!(book.equity > 0)) return proposed;
    const lines = book.lines.filter((line) => line.weight !== 0 && Number.isFinite(line.weight));
    if (lines.length === 0) return proposed;
    const closes = lines.map((line) => ctx.history(line.symbol, 'close', this.lookback + 1));
    let periods = this.lookback;
    for (const series of closes) periods = Math.min(periods, series.length - 1);
    if (periods < MIN_RETURNS[this.method]) return proposed;
    const matrix: Float64Array[] = [];
    for (const series of closes) {
      const returns = new Float64Array(periods);
      const offset = series.length - periods - 1;
      for (let t = 0; t < periods; t += 1) {
        const previous = series[offset + t] ?? Number.NaN;
        const current = series[offset + t + 1] ?? Number.NaN;
        if (!(previous > 0 && current > 0)) return proposed;
        returns[t] = current / previous - 1;
      }
      matrix.push(returns);
    }
    const targeted = lines.map((line) => (line.targetIndex >= 0 ? line.weight : 0));
    const held = lines.map((line) => (line.targetIndex >= 0 ? 0 : line.weight));
    const fromTargets = portfolioReturns(targeted, matrix);
    const fromHoldings = portfolioReturns(held, matrix);
    const combined = new Float64Array(periods);
    const at = (factor: number): number => {
      for (let t = 0; t < periods; t += 1) combined[t] = (fromHoldings[t] ?? 0) + factor * (fromTargets[t] ?? 0);
      return this.estimate(combined);
    };
    const estimate = at(1);
    if (!(estimate > this.limit)) return proposed;
    const common = { method: this.method, alpha: this.alpha, limit: this.limit, estimate, lookback: periods, policy: this.policy };
    if (this.policy === 'cancel') {
      const kept: PortfolioTarget[] = [];
      let dropped = 0;
      proposed.forEach((target, index) => {
        const shares = book.targetShares[index] ?? 0;
        if (increasesExposure(shares, ctx.portfolio.quantity(target.symbol))) {
          dropped += 1;
          ctx.insights.cancel(target.symbol, `${this.name}: ${this.method} tail loss ${pct(estimate)} above the limit ${pct(this.limit)}`);
        } else {
          kept.push(target);
        }
      });
      ctx.recordRiskDecision({
        model: this.name,
        action: 'cancel',
        reason: `${this.method} tail loss ${pct(estimate)} above the limit ${pct(this.limit)}: ${dropped} target(s) adding exposure cancelled`,
        details: { ...common, dropped, kept: kept.length },
      });
      return kept;
    }
    const hasHoldings = held.some((w) => w !== 0);
    let factor: number;
    if (!hasHoldings) {
      factor = this.limit / estimate;
    } else if (at(0) >= this.limit) {
      factor = 0;
    } else {
      let lo = 0;
      let hi = 1;
      const linear = this.limit / estimate;
      if (at(linear) <= this.limit) lo = linear;
      else hi = linear;
      for (let i = 0; i < 60 && hi - lo > 1e-12; i += 1) {
        const mid = (lo + hi) / 2;
        if (at(mid) <= this.limit) lo = mid;
        else hi = mid;
      }
      factor = lo;
    }
    const after = at(factor);
    const reached = after <= this.limit * (1 + 1e-9);
    ctx.recordRiskDecision({
      model: this.name,
      action: 'scale',
      reason: `${this.method} tail loss ${pct(estimate)} above the limit ${pct(this.limit)}: targets scaled by ${factor.toFixed(4)}`,
      details: { ...common, factor, after, reached },
    });
    return proposed.map((target, index) => scaledTarget(target, book.targetShares[index] ?? 0, factor));
  }

  /** Forwards the change to the inner model. */
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    this.inner.onSecuritiesChanged?.(ctx, changes);
  }
}

/** A fraction as a percentage with two decimals. */
function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

import { InvalidArgumentError, type AlgorithmContext, type Insight, type SymbolId } from '@alphaswarm/core';
import { blackLittermanPosterior, type BlackLittermanView } from './black-litterman.js';
import { choleskySolve, choleskyWithRidge } from './cholesky.js';
import { sampleCovariance } from './covariance.js';
import { PortfolioModelBase, type PortfolioModelOptions } from './portfolio-model-base.js';
import { alignedReturns } from './return-history.js';
import { covarianceIsUsable, equalWeights } from './weight-fallback.js';

/** Options of {@link BlackLittermanPortfolio}. */
export interface BlackLittermanPortfolioOptions extends PortfolioModelOptions {
  /** Number of per-bar returns in the covariance window (default 252, at least 2). */
  readonly lookback?: number;
  /** Risk aversion `δ` (> 0, default 2.5). */
  readonly riskAversion?: number;
  /** Prior uncertainty scale `τ` (> 0, default 0.025). */
  readonly tau?: number;
  /**
   * Market weights by symbol (≥ 0), renormalised over the assets of each call;
   * a missing symbol weighs 0. Equal weights when omitted (or when they sum to 0).
   */
  readonly marketWeights?: ReadonlyMap<SymbolId, number>;
}

/**
 * Black-Litterman over the symbols with an active insight.
 *
 * 1. `Σ`: the **sample** covariance (T − 1) of the last `lookback` per-bar simple
 *    returns from `ctx.history`, aligned on common timestamps.
 * 2. Equilibrium returns `π = δ Σ w_mkt`, `w_mkt` equal weights unless `marketWeights`.
 * 3. Views from the insights: each insight with a `magnitude` is an absolute view
 *    `Pₖ = eᵢ`, `Qₖ = magnitude` — the magnitude is read as a **per-bar** return, the
 *    unit of `Σ` (LEAN's convention) — held with confidence `cₖ` = the insight's
 *    confidence (1 when absent; a confidence of 0 drops the view). The view variance
 *    is `Ωₖₖ = τ (PΣPᵀ)ₖₖ / cₖ` (He & Litterman's `Ω = diag(τPΣPᵀ)` at `c = 1`).
 * 4. Posterior `μ_BL = [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹[(τΣ)⁻¹π + PᵀΩ⁻¹Q]` (see `blackLittermanPosterior`).
 * 5. Unconstrained mean-variance weights `w* = (δΣ)⁻¹ μ_BL` (equal to `w_mkt` without
 *    views), then normalised to the bias: `long` keeps the positive weights and scales
 *    them to sum 1 (long-only); `short` keeps the negative ones scaled to `Σ|w| = 1`;
 *    `long_short` scales all to `Σ|w| = 1`. When nothing survives, no position (so
 *    under `short`, only assets whose posterior makes them worth shorting — through
 *    negative views — get a weight; without views the prior is long and nothing is held).
 *
 * Directions only select the assets (and, through the bias, which insights count);
 * the weights' signs come from the optimisation. Until two common returns exist (or a
 * series has zero variance) the weights fall back to equal weights `sᵢ/N`.
 */
export class BlackLittermanPortfolio extends PortfolioModelBase {
  /** Returns in the covariance window. */
  readonly lookback: number;
  /** Risk aversion δ. */
  readonly riskAversion: number;
  /** Prior uncertainty scale τ. */
  readonly tau: number;
  /** Market weights by symbol, when given. */
  readonly marketWeights: ReadonlyMap<SymbolId, number> | undefined;

  /**
   * @param options - see {@link BlackLittermanPortfolioOptions}
   * @throws `InvalidArgumentError` naming the option when out of range
   */
  constructor(options: BlackLittermanPortfolioOptions = {}) {
    super('BlackLittermanPortfolio', options);
    const { lookback = 252, riskAversion = 2.5, tau = 0.025, marketWeights } = options;
    if (!(Number.isSafeInteger(lookback) && lookback >= 2)) throw new InvalidArgumentError('lookback', lookback, 'an integer ≥ 2');
    if (!(riskAversion > 0 && Number.isFinite(riskAversion))) throw new InvalidArgumentError('riskAversion', riskAversion, 'a positive number');
    if (!(tau > 0 && Number.isFinite(tau))) throw new InvalidArgumentError('tau', tau, 'a positive number');
    if (marketWeights !== undefined) {
      for (const [symbol, w] of marketWeights) {
        if (!(w >= 0 && Number.isFinite(w))) throw new InvalidArgumentError(`marketWeights.${symbol.value}`, w, 'a finite weight ≥ 0');
      }
    }
    this.lookback = lookback;
    this.riskAversion = riskAversion;
    this.tau = tau;
    this.marketWeights = marketWeights;
  }

  /** Black-Litterman posterior mean-variance weights, normalised to the bias. */
  protected computeWeights(ctx: AlgorithmContext, insights: readonly Insight[], out: Float64Array): void {
    const n = insights.length;
    const returns = alignedReturns(
      ctx,
      insights.map((i) => i.symbol),
      this.lookback,
    );
    if ((returns[0]?.length ?? 0) < 2) return equalWeights(insights, out);
    const covariance = sampleCovariance(returns);
    if (!covarianceIsUsable(covariance)) return equalWeights(insights, out);
    const views: BlackLittermanView[] = [];
    insights.forEach((insight, i) => {
      const confidence = insight.confidence ?? 1;
      if (insight.magnitude === undefined || confidence === 0) return;
      const portfolio = new Float64Array(n);
      portfolio[i] = 1;
      views.push({ portfolio, expectedReturn: insight.magnitude, confidence });
    });
    const { posteriorReturns } = blackLittermanPosterior({
      covariance,
      marketWeights: this.market(insights),
      riskAversion: this.riskAversion,
      tau: this.tau,
      views,
    });
    const { factor } = choleskyWithRidge(covariance);
    const raw = choleskySolve(factor, posteriorReturns);
    let total = 0;
    for (let i = 0; i < n; i++) {
      let w = (raw[i] as number) / this.riskAversion;
      if ((this.portfolioBias === 'long' && w < 0) || (this.portfolioBias === 'short' && w > 0)) w = 0;
      out[i] = w;
      total += Math.abs(w);
    }
    for (let i = 0; i < n; i++) out[i] = total > 0 ? (out[i] as number) / total : 0;
  }

  private market(insights: readonly Insight[]): Float64Array {
    const n = insights.length;
    const w = new Float64Array(n);
    let total = 0;
    if (this.marketWeights !== undefined) {
      for (let i = 0; i < n; i++) {
        w[i] = this.marketWeights.get((insights[i] as Insight).symbol) ?? 0;
        total += w[i] as number;
      }
    }
    if (!(total > 0)) return w.fill(1 / n);
    return w.map((x) => x / total);
  }
}

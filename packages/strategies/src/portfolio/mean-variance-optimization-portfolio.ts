import { InvalidArgumentError, type AlgorithmContext, type Insight } from '@alphaswarm/core';
import { columnMeans, sampleCovariance } from './covariance.js';
import { effectiveBounds, maximumSharpeWeights, minimumVarianceWeights } from './mean-variance.js';
import { PortfolioModelBase, type PortfolioModelOptions } from './portfolio-model-base.js';
import { alignedReturns } from './return-history.js';
import { covarianceIsUsable, equalWeights } from './weight-fallback.js';

/** What {@link MeanVarianceOptimizationPortfolio} optimises. */
export type MeanVarianceObjective = 'max_sharpe' | 'min_variance';

/** Options of {@link MeanVarianceOptimizationPortfolio}. */
export interface MeanVarianceOptimizationPortfolioOptions extends PortfolioModelOptions {
  /** Number of per-bar returns used for the mean and covariance (default 63, at least 2). */
  readonly lookback?: number;
  /** `min_variance` (default) or `max_sharpe`. */
  readonly objective?: MeanVarianceObjective;
  /** Risk-free rate **per bar** (e.g. 0.02 / 252 for daily bars), used by `max_sharpe` (default 0). */
  readonly riskFree?: number;
  /** Smallest weight of a selected asset, in [0, 1] (default 0). */
  readonly minWeight?: number;
  /** Largest weight of an asset, in (0, 1] (default 1). */
  readonly maxWeight?: number;
}

/**
 * Mean-variance optimisation over the symbols with an active insight, long-only in
 * the direction of each insight: the optimiser sees the signed returns `sᵢ rᵢ`
 * (a `down` insight is a short position, whose return is `−r`) and chooses
 * `w ≥ 0`, `Σw = 1`, `minWeight ≤ wᵢ ≤ maxWeight` (bounds widened to contain 1/N
 * when infeasible); the targets are `sᵢ wᵢ`.
 *
 * - `min_variance`: `argmin wᵀΣw`, solved exactly by an active-set QP.
 * - `max_sharpe`: `argmax (μ − r_f)ᵀw / √(wᵀΣw)`, solved exactly through the standard
 *   transformation to a QP; when no admissible portfolio has a positive excess
 *   return it returns the minimum-variance portfolio.
 *
 * `μ` is the sample mean and `Σ` the **sample** covariance (T − 1) of the last
 * `lookback` per-bar simple returns from `ctx.history`, aligned on common timestamps.
 * Until two common returns exist (or a series has zero variance) the weights fall
 * back to equal weights `sᵢ/N`.
 */
export class MeanVarianceOptimizationPortfolio extends PortfolioModelBase {
  /** Returns in the estimation window. */
  readonly lookback: number;
  /** The objective. */
  readonly objective: MeanVarianceObjective;
  /** Risk-free rate per bar. */
  readonly riskFree: number;
  /** Lower weight bound. */
  readonly minWeight: number;
  /** Upper weight bound. */
  readonly maxWeight: number;

  /**
   * @param options - see {@link MeanVarianceOptimizationPortfolioOptions}
   * @throws `InvalidArgumentError` naming the option when out of range
   */
  constructor(options: MeanVarianceOptimizationPortfolioOptions = {}) {
    super('MeanVarianceOptimizationPortfolio', options);
    const { lookback = 63, objective = 'min_variance', riskFree = 0, minWeight = 0, maxWeight = 1 } = options;
    if (!(Number.isSafeInteger(lookback) && lookback >= 2)) throw new InvalidArgumentError('lookback', lookback, 'an integer ≥ 2');
    if (objective !== 'max_sharpe' && objective !== 'min_variance') throw new InvalidArgumentError('objective', objective, "'max_sharpe' or 'min_variance'");
    if (!Number.isFinite(riskFree)) throw new InvalidArgumentError('riskFree', riskFree, 'a finite per-bar rate');
    effectiveBounds(1, { minWeight, maxWeight });
    this.lookback = lookback;
    this.objective = objective;
    this.riskFree = riskFree;
    this.minWeight = minWeight;
    this.maxWeight = maxWeight;
  }

  /** Optimal long-only weights on the signed returns, with the insights' signs. */
  protected computeWeights(ctx: AlgorithmContext, insights: readonly Insight[], out: Float64Array): void {
    const signs = insights.map((i) => i.sign);
    const returns = alignedReturns(
      ctx,
      insights.map((i) => i.symbol),
      this.lookback,
    );
    if ((returns[0]?.length ?? 0) < 2) return equalWeights(insights, out);
    const signed = returns.map((column, i) => (signs[i] === 1 ? column : column.map((r) => -r)));
    const covariance = sampleCovariance(signed);
    if (!covarianceIsUsable(covariance)) return equalWeights(insights, out);
    const bounds = { minWeight: this.minWeight, maxWeight: this.maxWeight };
    const w = this.objective === 'min_variance' ? minimumVarianceWeights(covariance, bounds) : maximumSharpeWeights(columnMeans(signed), covariance, this.riskFree, bounds);
    for (let i = 0; i < insights.length; i++) out[i] = (signs[i] as number) * (w[i] as number);
  }
}

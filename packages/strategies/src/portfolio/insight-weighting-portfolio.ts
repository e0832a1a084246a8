import { InvalidArgumentError, type AlgorithmContext, type Insight } from '@alphaswarm/core';
import { PortfolioModelBase, type PortfolioModelOptions } from './portfolio-model-base.js';
import { weightByValue, type WeightNormalization } from './value-weighting.js';

/** Options of {@link InsightWeightingPortfolio}. */
export interface InsightWeightingPortfolioOptions extends PortfolioModelOptions {
  /** `cap` (default): scale down only when `Σ|weight| > 1`; `full`: always scale to `Σ|w| = 1`. */
  readonly normalization?: WeightNormalization;
}

/**
 * LEAN's insight weighting: a symbol's weight is `|insight.weight|` with the sign of
 * the insight's direction (the sign of `insight.weight` itself is ignored). Insights
 * without a weight give no position. When `Σ|w| > 1` every weight is scaled down by
 * the same factor so that `Σ|w| = 1` (`normalization: 'cap'`, the default); with
 * `normalization: 'full'` the weights are always scaled to `Σ|w| = 1`.
 */
export class InsightWeightingPortfolio extends PortfolioModelBase {
  /** The normalisation rule. */
  readonly normalization: WeightNormalization;

  /**
   * @param options - see {@link InsightWeightingPortfolioOptions}
   * @throws `InvalidArgumentError` on an unknown `normalization` or a bad common option
   */
  constructor(options: InsightWeightingPortfolioOptions = {}) {
    super('InsightWeightingPortfolio', options);
    this.normalization = requireNormalization(options.normalization ?? 'cap');
  }

  /** `sign × |weight|`, scaled by the normalisation rule. */
  protected computeWeights(_ctx: AlgorithmContext, insights: readonly Insight[], out: Float64Array): void {
    weightByValue(insights, (insight) => insight.weight, this.normalization, out);
  }
}

/** Checks a {@link WeightNormalization} option. */
export function requireNormalization(value: unknown): WeightNormalization {
  if (value !== 'full' && value !== 'cap') throw new InvalidArgumentError('normalization', value, "'full' or 'cap'");
  return value;
}

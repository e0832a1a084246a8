import type { AlgorithmContext, Insight } from '@alphaswarm/core';
import { requireNormalization } from './insight-weighting-portfolio.js';
import { PortfolioModelBase, type PortfolioModelOptions } from './portfolio-model-base.js';
import { weightByValue, type WeightNormalization } from './value-weighting.js';

/** Options of {@link ConfidenceWeightedPortfolio}. */
export interface ConfidenceWeightedPortfolioOptions extends PortfolioModelOptions {
  /** `full` (default): normalise so `Σ|w| = 1`; `cap`: scale down only when `Σ confidence > 1` (LEAN's rule). */
  readonly normalization?: WeightNormalization;
}

/**
 * Confidence weighting: a symbol's weight is proportional to its insight's
 * `confidence`, with the sign of the direction, normalised so that `Σ|w| = 1`
 * (`wᵢ = sᵢ cᵢ / Σⱼ cⱼ`). Insights without a confidence (or with confidence 0) give
 * no position. With `normalization: 'cap'` the confidences are used as weights and
 * only scaled down when they sum above 1 (LEAN's `ConfidenceWeightingPortfolioConstructionModel`).
 */
export class ConfidenceWeightedPortfolio extends PortfolioModelBase {
  /** The normalisation rule. */
  readonly normalization: WeightNormalization;

  /**
   * @param options - see {@link ConfidenceWeightedPortfolioOptions}
   * @throws `InvalidArgumentError` on an unknown `normalization` or a bad common option
   */
  constructor(options: ConfidenceWeightedPortfolioOptions = {}) {
    super('ConfidenceWeightedPortfolio', options);
    this.normalization = requireNormalization(options.normalization ?? 'full');
  }

  /** `sign × confidence`, normalised. */
  protected computeWeights(_ctx: AlgorithmContext, insights: readonly Insight[], out: Float64Array): void {
    weightByValue(insights, (insight) => insight.confidence, this.normalization, out);
  }
}

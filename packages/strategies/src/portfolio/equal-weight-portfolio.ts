import type { AlgorithmContext, Insight } from '@alphaswarm/core';
import { PortfolioModelBase, type PortfolioModelOptions } from './portfolio-model-base.js';

/** Options of {@link EqualWeightPortfolio}: the common {@link PortfolioModelOptions}. */
export type EqualWeightPortfolioOptions = PortfolioModelOptions;

/**
 * LEAN's equal weighting: each of the N symbols with an active `up`/`down` insight
 * (along the bias) gets weight `±1/N`, the sign from the direction, so the gross
 * exposure is 1. Flat insights and symbols that lost theirs get zero targets.
 */
export class EqualWeightPortfolio extends PortfolioModelBase {
  /** @param options - see {@link PortfolioModelOptions} */
  constructor(options: EqualWeightPortfolioOptions = {}) {
    super('EqualWeightPortfolio', options);
  }

  /** `sign / N` for each symbol. */
  protected computeWeights(_ctx: AlgorithmContext, insights: readonly Insight[], out: Float64Array): void {
    const n = insights.length;
    for (let i = 0; i < n; i++) out[i] = (insights[i] as Insight).sign / n;
  }
}

import { InvalidArgumentError, type AlgorithmContext, type Insight } from '@alphaswarm/core';
import { sampleCovariance } from './covariance.js';
import { PortfolioModelBase, type PortfolioModelOptions } from './portfolio-model-base.js';
import { alignedReturns } from './return-history.js';
import { equalRiskContributionWeights, inverseVolatilityWeights } from './risk-budgeting.js';
import { scaleSymmetric } from './square-matrix.js';
import { covarianceIsUsable, equalWeights } from './weight-fallback.js';

/** How {@link RiskParityPortfolio} spreads risk. */
export type RiskParityMethod = 'inverse_volatility' | 'equal_risk_contribution';

/** Options of {@link RiskParityPortfolio}. */
export interface RiskParityPortfolioOptions extends PortfolioModelOptions {
  /** Number of per-bar returns in the covariance window (default 252, at least 2). */
  readonly lookback?: number;
  /** `equal_risk_contribution` (default, full ERC) or `inverse_volatility`. */
  readonly method?: RiskParityMethod;
}

/**
 * Risk parity over the symbols with an active insight. The covariance is the
 * **sample** covariance (divisor T − 1) of the last `lookback` per-bar simple returns
 * from `ctx.history`, aligned on common timestamps.
 *
 * - `inverse_volatility`: `|wᵢ| ∝ 1/σᵢ`.
 * - `equal_risk_contribution`: the full ERC solution, every signed position
 *   `xᵢ = sᵢ wᵢ` contributing the same risk `xᵢ (Σx)ᵢ` (solved as ERC on `DΣD` with
 *   `D = diag(sᵢ)`, see `equalRiskContributionWeights`, to 1e-10).
 *
 * Signs come from the insight directions, and `Σ|w| = 1`. Until two common returns
 * exist (or when a return series has zero variance) the weights fall back to equal
 * weights `sᵢ/N`.
 */
export class RiskParityPortfolio extends PortfolioModelBase {
  /** Returns in the covariance window. */
  readonly lookback: number;
  /** The risk-parity method. */
  readonly method: RiskParityMethod;

  /**
   * @param options - see {@link RiskParityPortfolioOptions}
   * @throws `InvalidArgumentError` naming `lookback` or `method` when out of range
   */
  constructor(options: RiskParityPortfolioOptions = {}) {
    super('RiskParityPortfolio', options);
    const { lookback = 252, method = 'equal_risk_contribution' } = options;
    if (!(Number.isSafeInteger(lookback) && lookback >= 2)) throw new InvalidArgumentError('lookback', lookback, 'an integer ≥ 2');
    if (method !== 'inverse_volatility' && method !== 'equal_risk_contribution') {
      throw new InvalidArgumentError('method', method, "'inverse_volatility' or 'equal_risk_contribution'");
    }
    this.lookback = lookback;
    this.method = method;
  }

  /** Risk-parity weights with the insights' signs. */
  protected computeWeights(ctx: AlgorithmContext, insights: readonly Insight[], out: Float64Array): void {
    const returns = alignedReturns(
      ctx,
      insights.map((i) => i.symbol),
      this.lookback,
    );
    if ((returns[0]?.length ?? 0) < 2) return equalWeights(insights, out);
    const covariance = sampleCovariance(returns);
    if (!covarianceIsUsable(covariance)) return equalWeights(insights, out);
    const signs = insights.map((i) => i.sign);
    const w = this.method === 'inverse_volatility' ? inverseVolatilityWeights(covariance) : equalRiskContributionWeights(scaleSymmetric(covariance, signs));
    for (let i = 0; i < insights.length; i++) out[i] = (signs[i] as number) * (w[i] as number);
  }
}

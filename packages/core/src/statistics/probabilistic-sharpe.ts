/**
 * The probabilistic Sharpe ratio (Bailey & López de Prado, 2012).
 *
 * @module
 */
import jStat from 'jstat';
import { InvalidArgumentError } from '../errors.js';
import { populationMomentRatios } from './higher-moments.js';
import { meanOf, sampleStdOf, shiftedBy } from './moments.js';
import { checkFinite, checkPeriodsPerYear, checkSeries } from './validate.js';

/** Options of {@link probabilisticSharpeRatio}. */
export interface ProbabilisticSharpeOptions {
  /**
   * The Sharpe ratio to beat, SR*, PER PERIOD (not annualised: divide an annual
   * figure by √periodsPerYear). Default 0.
   */
  readonly benchmarkSharpe?: number;
  /**
   * Annual risk-free rate as a simple fraction, default 0; subtracted from every
   * return as riskFree / periodsPerYear, as in {@link sharpeRatio}.
   */
  readonly riskFree?: number;
  /** Periods in a year; required only when `riskFree` is not 0. */
  readonly periodsPerYear?: number;
}

/**
 * Probabilistic Sharpe ratio: the probability that the true Sharpe ratio exceeds
 * `benchmarkSharpe`, given the sample, per Bailey & López de Prado (2012),
 *
 *   PSR = Φ( (SR − SR*) √(n − 1) / √(1 − γ3 SR + (γ4 − 1)/4 SR²) )
 *
 * where n is the number of returns, SR = mean(e) / sd(e) is the per-period,
 * NON-annualised Sharpe ratio of the excess returns e (sd the sample deviation,
 * divisor n − 1), γ3 the skewness and γ4 the NON-excess kurtosis (3 for a normal),
 * and Φ the standard normal CDF. γ3 and γ4 are the plain moment ratios m3/m2^{3/2}
 * and m4/m2² (NOT sample-corrected, as in scipy's default `skew` and `kurtosis(fisher=False)`):
 * they obey γ4 ≥ 1 + γ3², which keeps the variance term non-negative for any sample.
 *
 * Edge cases: fewer than 2 returns or a constant series give NaN (moments undefined).
 *
 * @param returns - simple returns per period, at least one, finite
 * @param options - benchmark Sharpe (per period) and risk-free rate
 * @returns a probability in [0, 1]
 * @throws InvalidArgumentError (`returns`, `returns[i]`, `benchmarkSharpe`, `riskFree`, `periodsPerYear`)
 */
export function probabilisticSharpeRatio(returns: ArrayLike<number>, options: ProbabilisticSharpeOptions = {}): number {
  checkSeries('returns', returns);
  const { benchmarkSharpe = 0, riskFree = 0, periodsPerYear } = options;
  checkFinite('benchmarkSharpe', benchmarkSharpe);
  checkFinite('riskFree', riskFree);
  let perPeriodRate = 0;
  if (periodsPerYear !== undefined) checkPeriodsPerYear('periodsPerYear', periodsPerYear);
  if (riskFree !== 0) {
    if (periodsPerYear === undefined) {
      throw new InvalidArgumentError('periodsPerYear', periodsPerYear, 'a number of periods per year when riskFree is not 0');
    }
    perPeriodRate = riskFree / periodsPerYear;
  }
  const n = returns.length;
  if (n < 2) return Number.NaN;
  const excess = shiftedBy(returns, perPeriodRate);
  const { skew, kurtosis } = populationMomentRatios(excess);
  if (Number.isNaN(skew)) return Number.NaN;
  const sr = meanOf(excess) / sampleStdOf(excess);
  // Non-negative in exact arithmetic (Pearson's inequality); clamp rounding below 0.
  const variance = Math.max(0, 1 - skew * sr + ((kurtosis - 1) / 4) * sr * sr);
  const z = ((sr - benchmarkSharpe) * Math.sqrt(n - 1)) / Math.sqrt(variance);
  return jStat.normal.cdf(z, 0, 1);
}

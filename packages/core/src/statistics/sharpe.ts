/**
 * The Sharpe ratio of a returns series.
 *
 * @module
 */
import { meanOf, sampleStdOf, shiftedBy } from './moments.js';
import { checkFinite, checkPeriodsPerYear, checkSeries } from './validate.js';

/** Options of {@link sharpeRatio} and {@link sortinoRatio}. */
export interface RiskAdjustedOptions {
  /** Periods in a year (252 for trading days, 52 for weeks, 12 for months), > 0. */
  readonly periodsPerYear: number;
  /**
   * Annual risk-free rate as a simple fraction (0.03 = 3 %), default 0. It is
   * de-annualised linearly: riskFree / periodsPerYear is subtracted from every return.
   */
  readonly riskFree?: number;
}

/**
 * Annualised Sharpe ratio: mean(e) / sd(e) × √periodsPerYear, where e_i = r_i −
 * riskFree / periodsPerYear are the per-period excess returns and sd is the SAMPLE
 * standard deviation (divisor n − 1).
 *
 * Edge cases: fewer than 2 returns give NaN; a constant series (sd exactly 0) gives
 * ±Infinity with a non-zero mean and NaN with a zero mean.
 *
 * @param returns - simple returns per period, at least one, finite
 * @param options - periods per year and the annual risk-free rate
 * @throws InvalidArgumentError (`returns`, `returns[i]`, `periodsPerYear`, `riskFree`)
 */
export function sharpeRatio(returns: ArrayLike<number>, options: RiskAdjustedOptions): number {
  checkSeries('returns', returns);
  const { periodsPerYear, riskFree = 0 } = options;
  checkPeriodsPerYear('periodsPerYear', periodsPerYear);
  checkFinite('riskFree', riskFree);
  if (returns.length < 2) return Number.NaN;
  const excess = shiftedBy(returns, riskFree / periodsPerYear);
  return (meanOf(excess) / sampleStdOf(excess)) * Math.sqrt(periodsPerYear);
}

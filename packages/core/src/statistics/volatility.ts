/**
 * Annualised volatility of a returns series.
 *
 * @module
 */
import { sampleStdOf } from './moments.js';
import { checkPeriodsPerYear, checkSeries } from './validate.js';

/**
 * Annualised volatility: the SAMPLE standard deviation of the per-period returns
 * (divisor n − 1) scaled by √periodsPerYear (square-root-of-time rule).
 *
 * Edge cases: fewer than 2 returns give NaN; a constant series gives exactly 0.
 *
 * @param returns - simple returns per period, at least one, finite
 * @param periodsPerYear - periods in a year (252 for trading days), > 0
 * @throws InvalidArgumentError (`returns`, `returns[i]`, `periodsPerYear`)
 */
export function annualizedVolatility(returns: ArrayLike<number>, periodsPerYear: number): number {
  checkSeries('returns', returns);
  checkPeriodsPerYear('periodsPerYear', periodsPerYear);
  return sampleStdOf(returns) * Math.sqrt(periodsPerYear);
}

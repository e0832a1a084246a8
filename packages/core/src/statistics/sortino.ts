/**
 * The Sortino ratio of a returns series.
 *
 * @module
 */
import { meanOf, shiftedBy } from './moments.js';
import type { RiskAdjustedOptions } from './sharpe.js';
import { checkFinite, checkPeriodsPerYear, checkSeries } from './validate.js';

/**
 * Annualised Sortino ratio: mean(e) / DD × √periodsPerYear, where e_i = r_i −
 * riskFree / periodsPerYear are the per-period excess returns (so the target return
 * is the per-period risk-free rate, 0 by default) and DD is the downside deviation
 * √(Σ min(e_i, 0)² / N) with N the number of ALL returns (periods at or above the
 * target count as zero shortfall; divisor N, not N − 1).
 *
 * Edge cases follow IEEE division: no return below the target (DD = 0) with a
 * positive mean gives +Infinity; DD = 0 with a zero mean (all returns exactly on
 * target) gives NaN.
 *
 * @param returns - simple returns per period, at least one, finite
 * @param options - periods per year and the annual risk-free rate (see {@link RiskAdjustedOptions})
 * @throws InvalidArgumentError (`returns`, `returns[i]`, `periodsPerYear`, `riskFree`)
 */
export function sortinoRatio(returns: ArrayLike<number>, options: RiskAdjustedOptions): number {
  checkSeries('returns', returns);
  const { periodsPerYear, riskFree = 0 } = options;
  checkPeriodsPerYear('periodsPerYear', periodsPerYear);
  checkFinite('riskFree', riskFree);
  const excess = shiftedBy(returns, riskFree / periodsPerYear);
  let shortfall = 0;
  for (let i = 0; i < excess.length; i++) {
    const e = excess[i] ?? 0;
    if (e < 0) shortfall += e * e;
  }
  const downside = Math.sqrt(shortfall / excess.length);
  return (meanOf(excess) / downside) * Math.sqrt(periodsPerYear);
}

/**
 * Returns of an equity curve: per-period simple returns, the total return and the
 * compound annual growth rate.
 *
 * An equity curve of N + 1 points P_0 … P_N (account values, each finite and > 0)
 * spans N periods and gives N returns.
 *
 * @module
 */
import { checkEquity, checkPeriodsPerYear } from './validate.js';

/**
 * Per-period simple returns of an equity curve: r_i = P_i / P_{i−1} − 1 for
 * i = 1 … N, so N + 1 points give N returns (fractions: 0.01 = +1 %).
 *
 * @param equity - account values, at least 2 points, each finite and > 0
 * @returns a new Float64Array of length `equity.length − 1`
 * @throws InvalidArgumentError (`equity`, `equity[i]`)
 */
export function returnsFromEquity(equity: ArrayLike<number>): Float64Array {
  checkEquity('equity', equity);
  const out = new Float64Array(equity.length - 1);
  let previous = equity[0] ?? Number.NaN;
  for (let i = 1; i < equity.length; i++) {
    const current = equity[i] ?? Number.NaN;
    out[i - 1] = current / previous - 1;
    previous = current;
  }
  return out;
}

/**
 * Total return of an equity curve over its whole span: P_N / P_0 − 1 (a fraction:
 * 0.2 = +20 %).
 *
 * @param equity - account values, at least 2 points, each finite and > 0
 * @throws InvalidArgumentError (`equity`, `equity[i]`)
 */
export function totalReturn(equity: ArrayLike<number>): number {
  checkEquity('equity', equity);
  return (equity[equity.length - 1] ?? Number.NaN) / (equity[0] ?? Number.NaN) - 1;
}

/**
 * Compound annual growth rate: (P_N / P_0)^(periodsPerYear / N) − 1, where N =
 * `equity.length − 1` is the number of periods (returns) the curve spans. A curve
 * of exactly `periodsPerYear` periods gives its total return. Very short curves
 * annualise steeply and may overflow to +Infinity.
 *
 * @param equity - account values, at least 2 points, each finite and > 0
 * @param periodsPerYear - periods in a year (252 for trading days, 12 for months), > 0
 * @throws InvalidArgumentError (`equity`, `equity[i]`, `periodsPerYear`)
 */
export function cagr(equity: ArrayLike<number>, periodsPerYear: number): number {
  checkEquity('equity', equity);
  checkPeriodsPerYear('periodsPerYear', periodsPerYear);
  const periods = equity.length - 1;
  const growth = (equity[periods] ?? Number.NaN) / (equity[0] ?? Number.NaN);
  return Math.pow(growth, periodsPerYear / periods) - 1;
}

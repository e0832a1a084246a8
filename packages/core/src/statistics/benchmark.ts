/**
 * Statistics of a returns series against a benchmark's: CAPM alpha and beta,
 * tracking error and information ratio. Both series are per-period simple returns
 * over the same periods.
 *
 * @module
 */
import { differenceOf, meanOf, sampleCovarianceOf, sampleStdOf, sampleVarianceOf } from './moments.js';
import { checkPeriodsPerYear, checkSameLength, checkSeries } from './validate.js';

/** Options of {@link alphaBeta}. */
export interface AlphaBetaOptions {
  /** Periods in a year (252 for trading days), > 0; alpha is annualised by it. */
  readonly periodsPerYear: number;
}

/** CAPM regression of returns on benchmark returns, from {@link alphaBeta}. */
export interface AlphaBeta {
  /** Annualised alpha, simple (arithmetic) annualisation: (mean r − β mean b) × periodsPerYear. */
  readonly alpha: number;
  /** Beta: sample covariance of r and b over the sample variance of b (the OLS slope). */
  readonly beta: number;
}

function checkPair(returns: ArrayLike<number>, benchmark: ArrayLike<number>): void {
  checkSeries('returns', returns);
  checkSeries('benchmark', benchmark);
  checkSameLength('benchmark', benchmark, returns.length);
}

/**
 * CAPM alpha and beta of `returns` against `benchmark` (no risk-free adjustment):
 * β = cov(r, b) / var(b), both with divisor n − 1 (the OLS slope of r on b), and
 * α = (mean r − β · mean b) × periodsPerYear (the OLS intercept, annualised
 * arithmetically).
 *
 * Edge cases: fewer than 2 returns or a constant benchmark (variance exactly 0)
 * give NaN for both.
 *
 * @param returns - simple returns per period, at least one, finite
 * @param benchmark - the benchmark's simple returns over the same periods, same length
 * @param options - periods per year
 * @throws InvalidArgumentError (`returns`, `returns[i]`, `benchmark`, `benchmark[i]`, `periodsPerYear`)
 */
export function alphaBeta(returns: ArrayLike<number>, benchmark: ArrayLike<number>, options: AlphaBetaOptions): AlphaBeta {
  checkPair(returns, benchmark);
  const { periodsPerYear } = options;
  checkPeriodsPerYear('periodsPerYear', periodsPerYear);
  const variance = sampleVarianceOf(benchmark);
  if (!(variance > 0)) return { alpha: Number.NaN, beta: Number.NaN };
  const beta = sampleCovarianceOf(returns, benchmark) / variance;
  const alpha = (meanOf(returns) - beta * meanOf(benchmark)) * periodsPerYear;
  return { alpha, beta };
}

/**
 * Annualised tracking error: the sample standard deviation (divisor n − 1) of the
 * active returns r_i − b_i, times √periodsPerYear.
 *
 * Edge cases: fewer than 2 returns give NaN; constant active returns give exactly 0.
 *
 * @param returns - simple returns per period, at least one, finite
 * @param benchmark - the benchmark's simple returns over the same periods, same length
 * @param periodsPerYear - periods in a year, > 0
 * @throws InvalidArgumentError (`returns`, `returns[i]`, `benchmark`, `benchmark[i]`, `periodsPerYear`)
 */
export function trackingError(returns: ArrayLike<number>, benchmark: ArrayLike<number>, periodsPerYear: number): number {
  checkPair(returns, benchmark);
  checkPeriodsPerYear('periodsPerYear', periodsPerYear);
  return sampleStdOf(differenceOf(returns, benchmark)) * Math.sqrt(periodsPerYear);
}

/**
 * Information ratio: the annualised mean active return, mean(r − b) × periodsPerYear,
 * over the annualised {@link trackingError}; equivalently mean/sd of the active
 * returns × √periodsPerYear.
 *
 * Edge cases: fewer than 2 returns give NaN; constant active returns (tracking error
 * exactly 0) give ±Infinity with a non-zero mean and NaN with a zero mean.
 *
 * @param returns - simple returns per period, at least one, finite
 * @param benchmark - the benchmark's simple returns over the same periods, same length
 * @param periodsPerYear - periods in a year, > 0
 * @throws InvalidArgumentError (`returns`, `returns[i]`, `benchmark`, `benchmark[i]`, `periodsPerYear`)
 */
export function informationRatio(returns: ArrayLike<number>, benchmark: ArrayLike<number>, periodsPerYear: number): number {
  checkPair(returns, benchmark);
  checkPeriodsPerYear('periodsPerYear', periodsPerYear);
  if (returns.length < 2) return Number.NaN;
  const active = differenceOf(returns, benchmark);
  return (meanOf(active) * periodsPerYear) / (sampleStdOf(active) * Math.sqrt(periodsPerYear));
}

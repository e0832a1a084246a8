/**
 * Tail-risk measures of a return series: parametric (normal) VaR and TVaR,
 * historical VaR and expected shortfall, Cornish-Fisher VaR, and the portfolio
 * helpers they are applied to (portfolio returns, sample covariance, volatility).
 *
 * Conventions shared by every measure here:
 * - Input: simple (arithmetic) returns per period, as fractions (`0.01` = +1 %), in a
 *   `number[]` or a `Float64Array` (any `ArrayLike<number>`).
 * - Output: a LOSS as a fraction, positive = loss. Losses are `L = −r`; a measure
 *   can be negative when even the tail of the sample is a gain.
 * - `alpha` is the confidence level in (0, 1), e.g. `0.95`: VaR is the α-quantile of
 *   the loss distribution, TVaR / ES the mean loss beyond it.
 * - Moments are sample moments: mean, standard deviation with the n − 1 divisor,
 *   bias-corrected skewness G1 and excess kurtosis G2.
 *
 * @module
 */
import { InvalidArgumentError } from '@alphaswarm/core';
import jStat from 'jstat/dist/jstat.js';

/**
 * Checks a confidence level: a finite number strictly between 0 and 1.
 *
 * @internal
 */
export function checkAlpha(alpha: number, path = 'alpha'): void {
  if (!(typeof alpha === 'number' && alpha > 0 && alpha < 1)) {
    throw new InvalidArgumentError(path, alpha, 'a confidence level strictly between 0 and 1');
  }
}

/**
 * Checks a series: array-like, at least `minLength` entries, every entry finite.
 *
 * @internal
 */
export function checkSeries(series: ArrayLike<number>, path: string, minLength: number): void {
  if (series === null || typeof series !== 'object' || typeof series.length !== 'number') {
    throw new InvalidArgumentError(path, series, 'an array or Float64Array of numbers');
  }
  if (series.length < minLength) {
    throw new InvalidArgumentError(path, series, `at least ${minLength} values, got ${series.length}`);
  }
  for (let i = 0; i < series.length; i++) {
    const value = series[i];
    if (!(typeof value === 'number' && Number.isFinite(value))) {
      throw new InvalidArgumentError(`${path}[${i}]`, value, 'a finite number');
    }
  }
}

/**
 * The α-quantile of an ascending-sorted sample by linear interpolation: the
 * definition of R's type 7 and numpy's `'linear'` method. With `h = (n − 1)·α`,
 * the result is `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌈h⌉] − x[⌊h⌋])` (0-based indices).
 *
 * @internal
 */
export function quantileOfSorted(sorted: ArrayLike<number>, alpha: number): number {
  const h = (sorted.length - 1) * alpha;
  const lo = Math.floor(h);
  const hi = Math.min(Math.ceil(h), sorted.length - 1);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return lo === hi ? a : a + (h - lo) * (b - a);
}

/**
 * Mean of the entries of an ascending-sorted sample that are `>= threshold`
 * (NaN when there are none). Accumulated as `threshold + mean(x − threshold)` so that
 * the result is never below `threshold`, even after rounding.
 *
 * @internal
 */
export function tailMeanOfSorted(sorted: ArrayLike<number>, threshold: number): number {
  let excess = 0;
  let count = 0;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const x = sorted[i] ?? Number.NaN;
    if (!(x >= threshold)) break;
    excess += x - threshold;
    count++;
  }
  return count === 0 ? Number.NaN : threshold + excess / count;
}

/** Sample mean and sample standard deviation (n − 1 divisor), two-pass. */
function meanAndSd(returns: ArrayLike<number>): { mean: number; sd: number } {
  const n = returns.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += returns[i] ?? 0;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (returns[i] ?? 0) - mean;
    ss += d * d;
  }
  return { mean, sd: Math.sqrt(ss / (n - 1)) };
}

/** Losses `−r`, sorted ascending, in a fresh Float64Array. */
function sortedLosses(returns: ArrayLike<number>): Float64Array {
  const losses = new Float64Array(returns.length);
  for (let i = 0; i < returns.length; i++) losses[i] = -(returns[i] ?? 0);
  return losses.sort();
}

/** Standard normal quantile Φ⁻¹(α). */
function normalQuantile(alpha: number): number {
  return jStat.normal.inv(alpha, 0, 1);
}

/**
 * Parametric (normal) Value-at-Risk: `μ_L + σ_L · Φ⁻¹(α)`, where `μ_L = −mean(r)`
 * and `σ_L` is the sample standard deviation (n − 1 divisor) of the returns (equal
 * to that of the losses). Assumes normally distributed returns.
 *
 * @param returns - simple returns per period (at least 2, all finite)
 * @param alpha - confidence level in (0, 1), e.g. 0.95
 * @returns the loss, as a fraction, exceeded with probability 1 − α under the normal model
 * @throws InvalidArgumentError on an out-of-range `alpha`, too few or non-finite returns
 */
export function parametricVaR(returns: ArrayLike<number>, alpha: number): number {
  checkAlpha(alpha);
  checkSeries(returns, 'returns', 2);
  const { mean, sd } = meanAndSd(returns);
  return -mean + sd * normalQuantile(alpha);
}

/**
 * Parametric (normal) Tail-VaR, also called conditional VaR or expected shortfall:
 * `μ_L + σ_L · φ(Φ⁻¹(α)) / (1 − α)`, the mean loss beyond the parametric VaR of a
 * normal distribution (at α = 0.95 the factor is 2.062713). Same moments as
 * {@link parametricVaR}.
 *
 * @param returns - simple returns per period (at least 2, all finite)
 * @param alpha - confidence level in (0, 1), e.g. 0.95
 * @returns the expected loss, as a fraction, in the worst 1 − α of outcomes under the normal model
 * @throws InvalidArgumentError on an out-of-range `alpha`, too few or non-finite returns
 */
export function parametricTVaR(returns: ArrayLike<number>, alpha: number): number {
  checkAlpha(alpha);
  checkSeries(returns, 'returns', 2);
  const { mean, sd } = meanAndSd(returns);
  const z = normalQuantile(alpha);
  return -mean + (sd * jStat.normal.pdf(z, 0, 1)) / (1 - alpha);
}

/**
 * Historical Value-at-Risk: the α-quantile of the empirical losses `−r`, with linear
 * interpolation between order statistics (R type 7, numpy `'linear'`). With the
 * losses sorted ascending `x[0] ≤ … ≤ x[n−1]` and `h = (n − 1)·α`, the result is
 * `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌈h⌉] − x[⌊h⌋])`.
 *
 * @param returns - simple returns per period (at least 2, all finite)
 * @param alpha - confidence level in (0, 1), e.g. 0.95
 * @returns the empirical α-quantile of the loss, as a fraction
 * @throws InvalidArgumentError on an out-of-range `alpha`, too few or non-finite returns
 */
export function historicalVaR(returns: ArrayLike<number>, alpha: number): number {
  checkAlpha(alpha);
  checkSeries(returns, 'returns', 2);
  return quantileOfSorted(sortedLosses(returns), alpha);
}

/**
 * Historical expected shortfall: the mean of the empirical losses that are greater
 * than or equal to {@link historicalVaR} at the same `alpha`. Never below the
 * historical VaR (the set always holds at least the largest loss).
 *
 * @param returns - simple returns per period (at least 2, all finite)
 * @param alpha - confidence level in (0, 1), e.g. 0.95
 * @returns the mean loss, as a fraction, at or beyond the historical VaR
 * @throws InvalidArgumentError on an out-of-range `alpha`, too few or non-finite returns
 */
export function historicalES(returns: ArrayLike<number>, alpha: number): number {
  checkAlpha(alpha);
  checkSeries(returns, 'returns', 2);
  const losses = sortedLosses(returns);
  return tailMeanOfSorted(losses, quantileOfSorted(losses, alpha));
}

/**
 * Cornish-Fisher (modified) Value-at-Risk: the normal quantile corrected for the
 * skewness and excess kurtosis of the sample,
 * `z_cf = z + (z² − 1)·S/6 + (z³ − 3z)·K/24 − (2z³ − 5z)·S²/36` with `z = Φ⁻¹(α)`,
 * and `VaR = μ_L + σ_L · z_cf`.
 *
 * Sign conventions: `S` and `K` are those of the LOSS distribution `L = −r`. The
 * skewness of losses is minus the skewness of returns (a left-skewed return series,
 * with crashes, has positive loss skewness and gets a larger VaR); the excess
 * kurtosis is the same for both. `S` is the bias-corrected sample skewness
 * `G1 = √(n(n−1))/(n−2) · m3/m2^{3/2}` and `K` the bias-corrected sample excess
 * kurtosis `G2 = (n−1)/((n−2)(n−3)) · ((n+1)·(m4/m2² − 3) + 6)`, where `m_k` are the
 * central moments with the 1/n divisor (the definitions of Excel's SKEW / KURT and
 * pandas' `skew()` / `kurt()`). `μ_L` and `σ_L` are as in {@link parametricVaR}, so
 * with `S = K = 0` the result equals the parametric VaR. A constant sample
 * (`σ_L = 0`) gives `μ_L`.
 *
 * The expansion is only monotone in α inside its domain of validity (moderate `S`
 * and `K`); for strongly skewed or heavy-tailed samples it can decrease in α.
 *
 * @param returns - simple returns per period (at least 4, all finite)
 * @param alpha - confidence level in (0, 1), e.g. 0.95
 * @returns the skew- and kurtosis-adjusted loss quantile, as a fraction
 * @throws InvalidArgumentError on an out-of-range `alpha`, too few or non-finite returns
 */
export function cornishFisherVaR(returns: ArrayLike<number>, alpha: number): number {
  checkAlpha(alpha);
  checkSeries(returns, 'returns', 4);
  const n = returns.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += returns[i] ?? 0;
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (returns[i] ?? 0) - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const sd = Math.sqrt(m2 / (n - 1));
  if (m2 === 0) return -mean;
  m2 /= n;
  m3 /= n;
  m4 /= n;
  // Skewness of the returns, negated for the losses; kurtosis is sign-invariant.
  const s = -((Math.sqrt(n * (n - 1)) / (n - 2)) * (m3 / Math.pow(m2, 1.5)));
  const k = ((n - 1) / ((n - 2) * (n - 3))) * ((n + 1) * (m4 / (m2 * m2) - 3) + 6);
  const z = normalQuantile(alpha);
  const z2 = z * z;
  const z3 = z2 * z;
  const zcf = z + ((z2 - 1) * s) / 6 + ((z3 - 3 * z) * k) / 24 - ((2 * z3 - 5 * z) * s * s) / 36;
  return -mean + sd * zcf;
}

/** Checks a returns matrix: at least one series, all of one length ≥ `minLength`, finite. */
function checkMatrix(returnsMatrix: readonly ArrayLike<number>[], path: string, minLength: number): number {
  if (!Array.isArray(returnsMatrix) || returnsMatrix.length === 0) {
    throw new InvalidArgumentError(path, returnsMatrix, 'a non-empty array of return series');
  }
  const first = returnsMatrix[0];
  const length = first === undefined ? 0 : first.length;
  for (let i = 0; i < returnsMatrix.length; i++) {
    const series = returnsMatrix[i] ?? [];
    checkSeries(series, `${path}[${i}]`, minLength);
    if (series.length !== length) {
      throw new InvalidArgumentError(`${path}[${i}]`, series.length, `a series of length ${length} like ${path}[0]`);
    }
  }
  return length;
}

/**
 * Per-period portfolio returns `R_t = Σ_i w_i · r_{i,t}` of a constant-weight
 * portfolio (rebalanced every period) from the aligned return series of its assets.
 * Because it uses the joint history row by row, every tail measure applied to the
 * result accounts for the co-movement (covariance) of the assets.
 *
 * @param weights - weight per asset, as signed fractions of equity (short < 0)
 * @param returnsMatrix - one series of simple returns per asset, same order as `weights`, all of one length, aligned in time
 * @returns a Float64Array with one portfolio return per period
 * @throws InvalidArgumentError when the lengths disagree or a value is not finite
 */
export function portfolioReturns(weights: ArrayLike<number>, returnsMatrix: readonly ArrayLike<number>[]): Float64Array {
  const periods = checkMatrix(returnsMatrix, 'returnsMatrix', 1);
  checkSeries(weights, 'weights', 1);
  if (weights.length !== returnsMatrix.length) {
    throw new InvalidArgumentError('weights', weights.length, `one weight per series (${returnsMatrix.length})`);
  }
  const out = new Float64Array(periods);
  for (let i = 0; i < returnsMatrix.length; i++) {
    const w = weights[i] ?? 0;
    const series = returnsMatrix[i] ?? [];
    for (let t = 0; t < periods; t++) out[t] = (out[t] ?? 0) + w * (series[t] ?? 0);
  }
  return out;
}

/**
 * Sample covariance matrix (n − 1 divisor) of aligned return series:
 * `Σ_ij = Σ_t (r_{i,t} − r̄_i)(r_{j,t} − r̄_j) / (T − 1)`. Exactly symmetric.
 *
 * @param returnsMatrix - one series per asset, all of one length T ≥ 2, finite
 * @returns the matrix as one Float64Array row per asset
 * @throws InvalidArgumentError when the lengths disagree, T < 2 or a value is not finite
 */
export function covarianceMatrix(returnsMatrix: readonly ArrayLike<number>[]): Float64Array[] {
  const periods = checkMatrix(returnsMatrix, 'returnsMatrix', 2);
  const n = returnsMatrix.length;
  const centered: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const series = returnsMatrix[i] ?? [];
    let sum = 0;
    for (let t = 0; t < periods; t++) sum += series[t] ?? 0;
    const mean = sum / periods;
    const row = new Float64Array(periods);
    for (let t = 0; t < periods; t++) row[t] = (series[t] ?? 0) - mean;
    centered.push(row);
  }
  const cov: Float64Array[] = [];
  for (let i = 0; i < n; i++) cov.push(new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const a = centered[i] ?? new Float64Array(0);
    const rowI = cov[i] ?? new Float64Array(0);
    for (let j = 0; j <= i; j++) {
      const b = centered[j] ?? new Float64Array(0);
      let s = 0;
      for (let t = 0; t < periods; t++) s += (a[t] ?? 0) * (b[t] ?? 0);
      const c = s / (periods - 1);
      rowI[j] = c;
      const rowJ = cov[j] ?? new Float64Array(0);
      rowJ[i] = c;
    }
  }
  return cov;
}

/**
 * Portfolio volatility `√(wᵀΣw)` per period (in the units of the covariance: for a
 * covariance of daily returns, a daily volatility). A quadratic form that is
 * negative only by rounding (within 1e-12 of `Σ|w_i||w_j||Σ_ij|`) is taken as 0.
 *
 * @param weights - weight per asset, as signed fractions of equity
 * @param cov - square covariance matrix, one row per asset, same order as `weights`
 * @returns the standard deviation of the portfolio return
 * @throws InvalidArgumentError on mismatched dimensions, non-finite entries, or a clearly negative `wᵀΣw` (a matrix that is not positive semi-definite)
 */
export function portfolioVolatility(weights: ArrayLike<number>, cov: readonly ArrayLike<number>[]): number {
  checkSeries(weights, 'weights', 1);
  const n = weights.length;
  if (!Array.isArray(cov) || cov.length !== n) {
    throw new InvalidArgumentError('cov', cov, `a ${n}×${n} matrix (one row per weight)`);
  }
  let q = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const row = cov[i] ?? [];
    checkSeries(row, `cov[${i}]`, n);
    if (row.length !== n) throw new InvalidArgumentError(`cov[${i}]`, row.length, `a row of ${n} entries`);
    const wi = weights[i] ?? 0;
    for (let j = 0; j < n; j++) {
      const term = wi * (weights[j] ?? 0) * (row[j] ?? 0);
      q += term;
      scale += Math.abs(term);
    }
  }
  if (q < 0) {
    if (q < -1e-12 * scale) {
      throw new InvalidArgumentError('cov', cov.map((row) => Array.from(row)), 'a positive semi-definite covariance matrix (wᵀΣw < 0)');
    }
    return 0;
  }
  return Math.sqrt(q);
}

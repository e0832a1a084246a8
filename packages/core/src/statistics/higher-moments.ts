/**
 * Skewness and kurtosis of a returns series.
 *
 * @module
 */
import { sampleKurtosis, sampleSkewness } from 'simple-statistics';
import { isConstant, meanOf } from './moments.js';
import { checkSeries } from './validate.js';

function asArray(values: ArrayLike<number>): readonly number[] {
  return Array.isArray(values) ? (values as readonly number[]) : Array.from(values);
}

/**
 * Sample skewness, the adjusted Fisher–Pearson coefficient G1 = √(n(n−1)) / (n−2) × g1
 * with g1 = m3 / m2^{3/2} and m_k = Σ(x − x̄)^k / n (Excel's SKEW, SAS, Minitab,
 * scipy's `skew(bias=False)`).
 *
 * Edge cases: fewer than 3 values or a constant series give NaN (undefined).
 *
 * @param returns - the sample (typically simple returns per period), at least one, finite
 * @throws InvalidArgumentError (`returns`, `returns[i]`)
 */
export function skewness(returns: ArrayLike<number>): number {
  checkSeries('returns', returns);
  if (returns.length < 3 || isConstant(returns)) return Number.NaN;
  return sampleSkewness(asArray(returns));
}

/**
 * Sample excess kurtosis, the bias-corrected G2 = ((n+1) g2 + 6)(n−1) / ((n−2)(n−3))
 * with g2 = m4 / m2² − 3 and m_k = Σ(x − x̄)^k / n (Excel's KURT, SAS, scipy's
 * `kurtosis(fisher=True, bias=False)`): 0 for a normal distribution in expectation.
 *
 * Edge cases: fewer than 4 values or a constant series give NaN (undefined).
 *
 * @param returns - the sample (typically simple returns per period), at least one, finite
 * @throws InvalidArgumentError (`returns`, `returns[i]`)
 */
export function excessKurtosis(returns: ArrayLike<number>): number {
  checkSeries('returns', returns);
  if (returns.length < 4 || isConstant(returns)) return Number.NaN;
  return sampleKurtosis(asArray(returns));
}

/**
 * The plain (biased, population) standardised moments of a sample: g1 = m3 / m2^{3/2}
 * and the non-excess kurtosis b2 = m4 / m2², with m_k = Σ(x − x̄)^k / n. They satisfy
 * Pearson's inequality b2 ≥ 1 + g1². NaN for an empty or constant series.
 * Internal helper of the probabilistic Sharpe ratio.
 */
export function populationMomentRatios(values: ArrayLike<number>): { skew: number; kurtosis: number } {
  const n = values.length;
  if (n === 0 || isConstant(values)) return { skew: Number.NaN, kurtosis: Number.NaN };
  const m = meanOf(values);
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] ?? 0) - m;
    const d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  const m2 = s2 / n;
  return { skew: s3 / n / Math.pow(m2, 1.5), kurtosis: s4 / n / (m2 * m2) };
}

/**
 * Elementary moments of a numeric series, written as plain loops over any
 * ArrayLike (arrays and Float64Arrays alike). Internal: not exported from the
 * package. Inputs are assumed validated by the caller.
 *
 * @module
 */

/** True when every value equals the first (exactly): the series has zero spread. True for 0 or 1 values. */
export function isConstant(values: ArrayLike<number>): boolean {
  const first = values[0];
  for (let i = 1; i < values.length; i++) {
    if (values[i] !== first) return false;
  }
  return true;
}

/** Arithmetic mean Σx / n; NaN for an empty series. */
export function meanOf(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] ?? 0;
  return sum / n;
}

/**
 * Sample variance Σ(x − x̄)² / (n − 1), two-pass. NaN for fewer than 2 values;
 * exactly 0 for a constant series (detected explicitly, so rounding in the mean
 * cannot leave a tiny positive variance).
 */
export function sampleVarianceOf(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  if (isConstant(values)) return 0;
  const m = meanOf(values);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] ?? 0) - m;
    ss += d * d;
  }
  return ss / (n - 1);
}

/** Sample standard deviation √(Σ(x − x̄)² / (n − 1)); NaN below 2 values, exactly 0 for a constant series. */
export function sampleStdOf(values: ArrayLike<number>): number {
  return Math.sqrt(sampleVarianceOf(values));
}

/**
 * Sample covariance Σ(x − x̄)(y − ȳ) / (n − 1) of two series of the same length;
 * NaN below 2 pairs, exactly 0 when either series is constant.
 */
export function sampleCovarianceOf(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  if (isConstant(x) || isConstant(y)) return 0;
  const mx = meanOf(x);
  const my = meanOf(y);
  let s = 0;
  for (let i = 0; i < n; i++) s += ((x[i] ?? 0) - mx) * ((y[i] ?? 0) - my);
  return s / (n - 1);
}

/** A new Float64Array of `values[i] − shift`. */
export function shiftedBy(values: ArrayLike<number>, shift: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] ?? 0) - shift;
  return out;
}

/** A new Float64Array of the differences `a[i] − b[i]` (same length assumed). */
export function differenceOf(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] ?? 0) - (b[i] ?? 0);
  return out;
}

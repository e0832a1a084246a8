import { InvalidArgumentError } from '@alphaswarm/core';
import type { SquareMatrix } from './square-matrix.js';

/**
 * Arithmetic mean of each column (one series per asset, all of the same length).
 *
 * @throws `InvalidArgumentError` when the columns differ in length.
 */
export function columnMeans(columns: readonly Float64Array[]): Float64Array {
  const t = requireEqualLengths(columns);
  const means = new Float64Array(columns.length);
  if (t === 0) return means.fill(Number.NaN);
  columns.forEach((column, i) => {
    let s = 0;
    for (let k = 0; k < t; k++) s += column[k] as number;
    means[i] = s / t;
  });
  return means;
}

/**
 * The **sample** covariance matrix (divisor `T − 1`) of `columns`: entry (i, j) is
 * `Σₖ (xᵢₖ − x̄ᵢ)(xⱼₖ − x̄ⱼ) / (T − 1)`, computed two-pass (means first) so it does
 * not cancel catastrophically. The result is exactly symmetric.
 *
 * @param columns - one series per asset (e.g. per-bar returns), all of length `T ≥ 2`
 * @throws `InvalidArgumentError` when the columns differ in length or `T < 2`.
 */
export function sampleCovariance(columns: readonly Float64Array[]): SquareMatrix {
  const t = requireEqualLengths(columns);
  if (t < 2) throw new InvalidArgumentError('columns[0].length', t, 'at least 2 observations');
  const n = columns.length;
  const means = columnMeans(columns);
  const centred = columns.map((column, i) => {
    const m = means[i] as number;
    const c = new Float64Array(t);
    for (let k = 0; k < t; k++) c[k] = (column[k] as number) - m;
    return c;
  });
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = centred[i] as Float64Array;
    for (let j = i; j < n; j++) {
      const b = centred[j] as Float64Array;
      let s = 0;
      for (let k = 0; k < t; k++) s += (a[k] as number) * (b[k] as number);
      const v = s / (t - 1);
      data[i * n + j] = v;
      data[j * n + i] = v;
    }
  }
  return { n, data };
}

function requireEqualLengths(columns: readonly Float64Array[]): number {
  const t = columns[0]?.length ?? 0;
  columns.forEach((column, i) => {
    if (column.length !== t) throw new InvalidArgumentError(`columns[${i}].length`, column.length, `${t} (the length of columns[0])`);
  });
  return t;
}

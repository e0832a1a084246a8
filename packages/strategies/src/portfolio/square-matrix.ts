import { InvalidArgumentError } from '@alphaswarm/core';

/**
 * A dense `n × n` matrix of float64 values, stored row-major: entry (i, j) is
 * `data[i * n + j]`. Covariance matrices of the portfolio models use it.
 */
export interface SquareMatrix {
  /** The number of rows (= columns). */
  readonly n: number;
  /** The `n²` entries, row-major. */
  readonly data: Float64Array;
}

/**
 * Builds a {@link SquareMatrix} from rows (`rows[i][j]` is entry (i, j)).
 *
 * @throws `InvalidArgumentError` when the rows are not all of length `rows.length`
 * or an entry is not finite, naming `rows[i]` / `rows[i][j]`.
 */
export function squareMatrix(rows: readonly (readonly number[])[]): SquareMatrix {
  const n = rows.length;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = rows[i] ?? [];
    if (row.length !== n) throw new InvalidArgumentError(`rows[${i}]`, row.length, `a row of ${n} entries`);
    for (let j = 0; j < n; j++) {
      const x = row[j] ?? Number.NaN;
      if (!Number.isFinite(x)) throw new InvalidArgumentError(`rows[${i}][${j}]`, x, 'a finite number');
      data[i * n + j] = x;
    }
  }
  return { n, data };
}

/** Checks that `m` is an `n × n` matrix of finite entries; `path` names it in the error. */
export function requireSquareMatrix(m: SquareMatrix, path: string): SquareMatrix {
  if (!Number.isSafeInteger(m.n) || m.n < 0 || m.data.length !== m.n * m.n) {
    throw new InvalidArgumentError(path, { n: m.n, length: m.data.length }, 'a row-major n × n matrix (data.length = n²)');
  }
  for (let k = 0; k < m.data.length; k++) {
    if (!Number.isFinite(m.data[k] as number)) throw new InvalidArgumentError(`${path}.data[${k}]`, m.data[k], 'a finite number');
  }
  return m;
}

/** `m x` into `out` (allocated when omitted); returns `out`. */
export function multiplyMatrixVector(m: SquareMatrix, x: ArrayLike<number>, out: Float64Array = new Float64Array(m.n)): Float64Array {
  const { n, data } = m;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const base = i * n;
    for (let j = 0; j < n; j++) s += (data[base + j] as number) * (x[j] as number);
    out[i] = s;
  }
  return out;
}

/** The quadratic form `xᵀ m x`. */
export function quadraticForm(m: SquareMatrix, x: ArrayLike<number>): number {
  const { n, data } = m;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const base = i * n;
    for (let j = 0; j < n; j++) s += (data[base + j] as number) * (x[j] as number);
    total += (x[i] as number) * s;
  }
  return total;
}

/** `d m d` for the diagonal matrix `d = diag(signs)`: entry (i, j) becomes `sᵢ sⱼ mᵢⱼ`. */
export function scaleSymmetric(m: SquareMatrix, signs: ArrayLike<number>): SquareMatrix {
  const { n, data } = m;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) out[i * n + j] = (signs[i] as number) * (signs[j] as number) * (data[i * n + j] as number);
  }
  return { n, data: out };
}

/** `m + ridge · I` as a new matrix. */
export function addRidge(m: SquareMatrix, ridge: number): SquareMatrix {
  const data = m.data.slice();
  for (let i = 0; i < m.n; i++) data[i * m.n + i] = (data[i * m.n + i] as number) + ridge;
  return { n: m.n, data };
}

/** Mean of the diagonal of `m` (0 for an empty matrix). */
export function meanDiagonal(m: SquareMatrix): number {
  if (m.n === 0) return 0;
  let s = 0;
  for (let i = 0; i < m.n; i++) s += m.data[i * m.n + i] as number;
  return s / m.n;
}

import { AlphaSwarmError } from '@alphaswarm/core';
import { addRidge, meanDiagonal, type SquareMatrix } from './square-matrix.js';

/**
 * Cholesky factor `L` (lower triangular, row-major, `a = L Lᵀ`) of a symmetric
 * matrix, or `undefined` when `a` is not numerically positive definite (a pivot
 * at or below `1e-14 ×` the largest diagonal entry). Only the lower triangle of `a`
 * is read.
 */
export function cholesky(a: SquareMatrix): SquareMatrix | undefined {
  const { n, data } = a;
  const l = new Float64Array(n * n);
  let maxDiagonal = 0;
  for (let i = 0; i < n; i++) maxDiagonal = Math.max(maxDiagonal, Math.abs(data[i * n + i] as number));
  const floor = 1e-14 * maxDiagonal;
  for (let j = 0; j < n; j++) {
    let d = data[j * n + j] as number;
    for (let k = 0; k < j; k++) d -= (l[j * n + k] as number) ** 2;
    if (!(d > floor)) return undefined;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = data[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * n + k] as number) * (l[j * n + k] as number);
      l[i * n + j] = s / ljj;
    }
  }
  return { n, data: l };
}

/** Solves `L Lᵀ x = b` given the Cholesky factor `L`; returns a new vector. */
export function choleskySolve(l: SquareMatrix, b: ArrayLike<number>): Float64Array {
  const { n, data } = l;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (data[i * n + k] as number) * (y[k] as number);
    y[i] = s / (data[i * n + i] as number);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < n; k++) s -= (data[k * n + i] as number) * (x[k] as number);
    x[i] = s / (data[i * n + i] as number);
  }
  return x;
}

/**
 * The Cholesky factor of `a`, or of `a + ε I` when `a` is only positive
 * semi-definite (e.g. a sample covariance with fewer observations than assets), with
 * the ridge `ε` = `1e-10 ×` the mean diagonal entry, then `1e-8 ×`, then `1e-6 ×`.
 *
 * @throws `AlphaSwarmError` `NOT_POSITIVE_DEFINITE` when even the largest ridge fails
 * (a zero or negative variance).
 */
export function choleskyWithRidge(a: SquareMatrix, path = 'covariance'): { readonly factor: SquareMatrix; readonly ridge: number } {
  const plain = cholesky(a);
  if (plain !== undefined) return { factor: plain, ridge: 0 };
  const scale = meanDiagonal(a);
  if (scale > 0) {
    for (const relative of [1e-10, 1e-8, 1e-6]) {
      const ridge = relative * scale;
      const factor = cholesky(addRidge(a, ridge));
      if (factor !== undefined) return { factor, ridge };
    }
  }
  throw new AlphaSwarmError('NOT_POSITIVE_DEFINITE', `${path}: the matrix is not positive semi-definite with positive variances`, { path });
}

import { AlphaSwarmError } from '@alphaswarm/core';

/**
 * Solves the square system `a x = b` by Gaussian elimination with partial pivoting,
 * for the small dense, possibly indefinite systems of the portfolio solvers (KKT
 * systems, Black-Litterman view systems). `a` is `n × n` row-major; neither input is
 * modified.
 *
 * @throws `AlphaSwarmError` `SINGULAR_MATRIX` when a pivot is at or below
 * `1e-15 ×` the largest absolute entry of `a`.
 */
export function solveLinearSystem(a: ArrayLike<number>, n: number, b: ArrayLike<number>): Float64Array {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  let scale = 0;
  for (let k = 0; k < n * n; k++) scale = Math.max(scale, Math.abs(m[k] as number));
  const floor = 1e-15 * scale;
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    let best = Math.abs(m[col * n + col] as number);
    for (let r = col + 1; r < n; r++) {
      const v = Math.abs(m[r * n + col] as number);
      if (v > best) {
        best = v;
        pivotRow = r;
      }
    }
    if (!(best > floor)) throw new AlphaSwarmError('SINGULAR_MATRIX', `linear system of size ${n} is singular (pivot ${best} in column ${col})`);
    if (pivotRow !== col) {
      for (let c = 0; c < n; c++) {
        const t = m[col * n + c] as number;
        m[col * n + c] = m[pivotRow * n + c] as number;
        m[pivotRow * n + c] = t;
      }
      const t = x[col] as number;
      x[col] = x[pivotRow] as number;
      x[pivotRow] = t;
    }
    const pivot = m[col * n + col] as number;
    for (let r = col + 1; r < n; r++) {
      const f = (m[r * n + col] as number) / pivot;
      if (f === 0) continue;
      for (let c = col; c < n; c++) m[r * n + c] = (m[r * n + c] as number) - f * (m[col * n + c] as number);
      x[r] = (x[r] as number) - f * (x[col] as number);
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = x[r] as number;
    for (let c = r + 1; c < n; c++) s -= (m[r * n + c] as number) * (x[c] as number);
    x[r] = s / (m[r * n + r] as number);
  }
  return x;
}

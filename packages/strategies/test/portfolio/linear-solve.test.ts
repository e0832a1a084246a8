import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveLinearSystem } from '../../src/portfolio/linear-solve.js';

describe('solveLinearSystem', () => {
  it('pivots past a zero on the diagonal', () => {
    // [0 1; 1 0] x = [2, 3] ⇒ x = [3, 2].
    expect(Array.from(solveLinearSystem([0, 1, 1, 0], 2, [2, 3]))).toEqual([3, 2]);
  });

  it('solves an indefinite KKT system', () => {
    // min ½(x² + y²) s.t. x + y = 1: [1 0 −1; 0 1 −1; 1 1 0][x y λ] = [0 0 1] ⇒ x = y = λ = ½.
    const x = solveLinearSystem([1, 0, -1, 0, 1, -1, 1, 1, 0], 3, [0, 0, 1]);
    expect(Array.from(x)).toEqual([0.5, 0.5, 0.5]);
  });

  it('does not modify its inputs', () => {
    const a = [2, 1, 1, 3];
    const b = [1, 2];
    solveLinearSystem(a, 2, b);
    expect(a).toEqual([2, 1, 1, 3]);
    expect(b).toEqual([1, 2]);
  });

  it('throws a typed error on a singular matrix', () => {
    expect(() => solveLinearSystem([1, 2, 2, 4], 2, [1, 1])).toThrow(/singular/);
  });

  it('recovers x from b = A x for diagonally dominant A (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 49, maxLength: 49 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 7, maxLength: 7 }),
        (n, raw, xs) => {
          const a = new Float64Array(n * n);
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = raw[i * 7 + j]! + (i === j ? n + 1 : 0);
          const x = xs.slice(0, n);
          const b = x.map((_, i) => x.reduce((s, xj, j) => s + a[i * n + j]! * xj, 0));
          const solved = solveLinearSystem(a, n, b);
          for (let i = 0; i < n; i++) expect(solved[i]).toBeCloseTo(x[i]!, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

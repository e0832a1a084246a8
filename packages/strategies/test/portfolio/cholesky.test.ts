import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cholesky, choleskySolve, choleskyWithRidge } from '../../src/portfolio/cholesky.js';
import { multiplyMatrixVector, squareMatrix } from '../../src/portfolio/square-matrix.js';

describe('cholesky', () => {
  it('factors the textbook matrix into its known L', () => {
    // [[4,12,−16],[12,37,−43],[−16,−43,98]] = L Lᵀ with L = [[2,0,0],[6,1,0],[−8,5,3]].
    const l = cholesky(
      squareMatrix([
        [4, 12, -16],
        [12, 37, -43],
        [-16, -43, 98],
      ]),
    );
    expect(l).toBeDefined();
    expect(Array.from(l!.data)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
  });

  it('solves L Lᵀ x = b', () => {
    const a = squareMatrix([
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ]);
    const x = choleskySolve(cholesky(a)!, [1, 2, 3]);
    const back = multiplyMatrixVector(a, x);
    for (let i = 0; i < 3; i++) expect(back[i]).toBeCloseTo([1, 2, 3][i]!, 10);
  });

  it('returns undefined for a matrix that is not positive definite', () => {
    expect(cholesky(squareMatrix([[1, 2], [2, 1]]))).toBeUndefined();
    expect(cholesky(squareMatrix([[1, 1], [1, 1]]))).toBeUndefined();
  });

  it('adds the smallest ridge that makes a singular covariance factorable', () => {
    const { ridge } = choleskyWithRidge(squareMatrix([[1, 1], [1, 1]]));
    expect(ridge).toBeCloseTo(1e-10, 20);
    expect(choleskyWithRidge(squareMatrix([[2, 0], [0, 2]])).ridge).toBe(0);
  });

  it('fails with a typed error when a variance is zero', () => {
    expect(() => choleskyWithRidge(squareMatrix([[0, 0], [0, 0]]))).toThrow(/not positive semi-definite/);
  });

  it('reconstructs random positive definite matrices (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 36, maxLength: 36 }), (n, raw) => {
        // A = B Bᵀ + I is positive definite.
        const rows = Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, j) => {
            let s = i === j ? 1 : 0;
            for (let k = 0; k < n; k++) s += raw[i * 6 + k]! * raw[j * 6 + k]!;
            return s;
          }),
        );
        const l = cholesky(squareMatrix(rows))!;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let k = 0; k < n; k++) s += l.data[i * n + k]! * l.data[j * n + k]!;
            expect(s).toBeCloseTo(rows[i]![j]!, 9);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

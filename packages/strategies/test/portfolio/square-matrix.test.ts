import { describe, expect, it } from 'vitest';
import { addRidge, meanDiagonal, multiplyMatrixVector, quadraticForm, requireSquareMatrix, scaleSymmetric, squareMatrix } from '../../src/portfolio/square-matrix.js';

describe('squareMatrix', () => {
  it('stores rows row-major', () => {
    const m = squareMatrix([
      [1, 2],
      [3, 4],
    ]);
    expect(m.n).toBe(2);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4]);
  });

  it('names a ragged row and a non-finite entry', () => {
    expect(() => squareMatrix([[1, 2], [3]])).toThrow(/rows\[1\]/);
    expect(() => squareMatrix([[1, Number.NaN], [3, 4]])).toThrow(/rows\[0\]\[1\]/);
  });

  it('rejects data of the wrong length', () => {
    expect(() => requireSquareMatrix({ n: 2, data: new Float64Array(3) }, 'covariance')).toThrow(/covariance/);
  });
});

describe('matrix products', () => {
  const m = squareMatrix([
    [2, 1, 0],
    [1, 3, 1],
    [0, 1, 4],
  ]);

  it('multiplies a matrix by a vector', () => {
    // [2·1 + 1·2, 1·1 + 3·2 + 1·3, 2 + 4·3] = [4, 10, 14]
    expect(Array.from(multiplyMatrixVector(m, [1, 2, 3]))).toEqual([4, 10, 14]);
  });

  it('evaluates the quadratic form xᵀMx', () => {
    // x·(Mx) = 1·4 + 2·10 + 3·14 = 66
    expect(quadraticForm(m, [1, 2, 3])).toBe(66);
  });

  it('scales by a diagonal of signs on both sides', () => {
    const s = scaleSymmetric(m, [1, -1, 1]);
    expect(Array.from(s.data)).toEqual([2, -1, 0, -1, 3, -1, 0, -1, 4]);
  });

  it('adds a ridge to the diagonal only and averages the diagonal', () => {
    expect(Array.from(addRidge(m, 0.5).data)).toEqual([2.5, 1, 0, 1, 3.5, 1, 0, 1, 4.5]);
    expect(meanDiagonal(m)).toBe(3);
  });
});

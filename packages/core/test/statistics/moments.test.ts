import fc from 'fast-check';
import { mean, sampleCovariance, sampleStandardDeviation, sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  differenceOf,
  isConstant,
  meanOf,
  sampleCovarianceOf,
  sampleStdOf,
  sampleVarianceOf,
  shiftedBy,
} from '../../src/statistics/moments.js';
import { HAND_MEAN, HAND_RETURNS, HAND_SD, expectClose, randomReturns } from './helpers.js';

describe('moments', () => {
  it('gives the hand-worked mean 7/99 and sample sd √24 501/990 of 0.1, −0.1, 21/99', () => {
    expectClose(meanOf(HAND_RETURNS), HAND_MEAN, 1e-15);
    expectClose(sampleStdOf(HAND_RETURNS), HAND_SD, 1e-15);
    expectClose(sampleVarianceOf(HAND_RETURNS), 24_501 / 990 ** 2, 1e-15);
  });

  it('matches simple-statistics on 500 seeded returns, for arrays and Float64Arrays', () => {
    const x = randomReturns(1, 500);
    const y = randomReturns(2, 500);
    expectClose(meanOf(new Float64Array(x)), mean(x), 1e-13);
    expectClose(sampleVarianceOf(x), sampleVariance(x), 1e-13);
    expectClose(sampleStdOf(new Float64Array(x)), sampleStandardDeviation(x), 1e-13);
    expectClose(sampleCovarianceOf(x, y), sampleCovariance(x, y), 1e-13);
  });

  it('returns NaN below the observations each moment needs', () => {
    expect(meanOf([])).toBeNaN();
    expect(sampleVarianceOf([0.1])).toBeNaN();
    expect(sampleStdOf([0.1])).toBeNaN();
    expect(sampleCovarianceOf([0.1], [0.2])).toBeNaN();
  });

  it('detects a constant series explicitly: spread exactly 0 even where the mean rounds', () => {
    // 0.1 × 3 / 3 is not exactly 0.1 in binary, so a naive two-pass variance is not 0
    const flat = [0.1, 0.1, 0.1];
    expect(isConstant(flat)).toBe(true);
    expect(isConstant([0.1, 0.1, 0.1000001])).toBe(false);
    expect(isConstant([])).toBe(true);
    expect(sampleVarianceOf(flat)).toBe(0);
    expect(sampleStdOf(flat)).toBe(0);
    expect(sampleCovarianceOf(flat, [1, 2, 3])).toBe(0);
  });

  it('shifts and differences element by element into new Float64Arrays', () => {
    expect(Array.from(shiftedBy([1, 2, 3], 0.5))).toEqual([0.5, 1.5, 2.5]);
    expect(Array.from(differenceOf([1, 2, 3], [0.5, 0.5, 4]))).toEqual([0.5, 1.5, -1]);
  });

  it('has a variance invariant under shifts and scaling by c² (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 50 }),
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: 1, max: 20 }),
        (ints, shift, c) => {
          const x = ints.map((i) => i / 1000);
          const v = sampleVarianceOf(x);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(Math.abs(sampleVarianceOf(shiftedBy(x, shift)) - v)).toBeLessThanOrEqual(1e-9 * Math.max(1, v));
          expect(Math.abs(sampleVarianceOf(x.map((e) => e * c)) - c * c * v)).toBeLessThanOrEqual(1e-9 * Math.max(1, c * c * v));
        },
      ),
    );
  });
});

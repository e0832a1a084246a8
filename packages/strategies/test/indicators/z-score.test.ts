import { InvalidArgumentError } from '@alphaswarm/core';
import fc from 'fast-check';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { ZScoreIndicator, zScore } from '../../src/indicators/z-score.js';
import { BARS, expectClose, expectIdentical, itRunsLikeItsBatchForm, leadingNaNs, pricePath } from './helpers.js';

const reference = (xs: readonly number[], n: number): number[] =>
  xs.map((x, t) => {
    if (t < n - 1) return NaN;
    const window = xs.slice(t - n + 1, t + 1);
    const sd = sampleStandardDeviation(window);
    return sd === 0 ? 0 : (x - mean(window)) / sd;
  });

describe('zScore', () => {
  it('uses the sample standard deviation of the window: n = 3 by hand', () => {
    // 1,2,3: mean 2, sample sd 1 → (3 − 2)/1 = 1; 2,3,4 → 1
    // 3,4,10: mean 17/3, squared deviations (64 + 25 + 169)/9 = 258/9, sample variance 129/9
    //         → (10 − 17/3)/√(129/9) = (13/3)/√(129/9)
    expectClose(zScore([1, 2, 3, 4, 10], 3), [NaN, NaN, 1, 1, 13 / 3 / Math.sqrt(129 / 9)], 1e-12);
  });

  it('is 0 on a flat window', () => {
    expectIdentical(zScore([2, 2, 2, 2], 2), [NaN, 0, 0, 0]);
  });

  it('has n − 1 leading NaNs', () => {
    expect(leadingNaNs(zScore(pricePath(40).close, 20))).toBe(19);
    expect(new ZScoreIndicator(20).lookback).toBe(19);
  });

  it('matches simple-statistics window by window on 2,500 bars', () => {
    const { close } = pricePath(BARS);
    for (const n of [2, 20, 252]) expectClose(zScore(close, n), reference(close, n), 1e-9);
  });

  it('matches simple-statistics on arbitrary series', () => {
    fc.assert(
      fc.property(
        // Values on a 0.001 grid in ±1000: no subnormal squares, whose loss of precision
        // would make any variance computation (this one and the reference) inexact.
        fc.array(
          fc.integer({ min: -1e6, max: 1e6 }).map((i) => i / 1000),
          { maxLength: 50 }
        ),
        fc.integer({ min: 2, max: 8 }),
        (values, n) => {
          const expected = reference(values, n);
          const out = zScore(values, n);
          expect(out.length).toBe(values.length);
          // Where the spread is tiny against the level, both sides are dominated by the
          // rounding of the mean (cancellation), so only well-conditioned windows are compared.
          for (let t = 0; t < values.length; t++) {
            const window = values.slice(Math.max(0, t - n + 1), t + 1);
            const level = Math.max(...window.map(Math.abs));
            if (window.length === n && sampleStandardDeviation(window) <= 1e-6 * level) continue;
            expectClose([out[t] as number], [expected[t] as number], 1e-6);
          }
        }
      )
    );
  });

  itRunsLikeItsBatchForm(() => new ZScoreIndicator(30), (values) => zScore(values, 30));

  it('rejects a window shorter than 2, naming n', () => {
    expect(() => zScore([1, 2], 1)).toThrow(/^n: expected an integer >= 2, got 1$/);
    expect(() => new ZScoreIndicator(2.5)).toThrow(InvalidArgumentError);
  });
});

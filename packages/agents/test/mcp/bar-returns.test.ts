import { BarFrame, InvalidArgumentError } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignedReturns, closeReturns, sampleStandardDeviation } from '../../src/mcp/bar-returns.js';
import { T0, alternating, seriesFromCloses, steady } from './fixtures/mcp-fixtures.js';

describe('closeReturns', () => {
  it('computes the last returns, log or simple, oldest first', () => {
    // Closes 100 → 110 → 99: simple +10 %, −10 %; log ln 1.1, ln 0.9.
    expect(Array.from(closeReturns([100, 110, 99], 5, 'simple'))).toEqual([expect.closeTo(0.1, 12), expect.closeTo(-0.1, 12)]);
    expect(Array.from(closeReturns([100, 110, 99], 5, 'log'))).toEqual([expect.closeTo(Math.log(1.1), 12), expect.closeTo(Math.log(0.9), 12)]);
    expect(Array.from(closeReturns([100, 110, 99], 1, 'simple'))).toEqual([expect.closeTo(-0.1, 12)]);
  });

  it('gives nothing for fewer than two closes', () => {
    expect(closeReturns([100], 3, 'log').length).toBe(0);
    expect(closeReturns([], 3, 'log').length).toBe(0);
  });
});

describe('sampleStandardDeviation', () => {
  it('uses the n − 1 divisor', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum 32, sample variance 32/7.
    expect(sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('is NaN below two values and 0 for a constant series', () => {
    expect(sampleStandardDeviation([1])).toBeNaN();
    expect(sampleStandardDeviation([3, 3, 3])).toBe(0);
  });

  it('does not change when a constant is added', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 50 }), fc.double({ min: -100, max: 100, noNaN: true }), (xs, c) => {
        expect(sampleStandardDeviation(xs.map((x) => x + c))).toBeCloseTo(sampleStandardDeviation(xs), 8);
      }),
    );
  });
});

describe('alignedReturns', () => {
  const frame = BarFrame.fromSeries({
    A: seriesFromCloses(alternating(10)),
    B: seriesFromCloses(steady(10), new Set([3, 4])),
  });

  it('aligns symbols on their common timestamps, skipping days one of them lacks', () => {
    const aligned = alignedReturns([frame.series('A'), frame.series('B')], 100);
    // Common days: 0,1,2,5,6,7,8,9 → 7 returns. A: 100,110,100,110,100,110,100,110 (days 0,1,2,5,…).
    expect(aligned.observations).toBe(7);
    // A's return from day 2 (100) to day 5 (110) is +10 %; B's spans three days of +1 %.
    expect(aligned.returns[0]?.[2]).toBeCloseTo(0.1, 12);
    expect(aligned.returns[1]?.[2]).toBeCloseTo(1.01 ** 3 - 1, 12);
    expect(aligned.start).toBe(T0);
    expect(aligned.end).toBe(T0 + 9 * 86_400_000);
  });

  it('keeps only the last `lookback` returns', () => {
    const aligned = alignedReturns([frame.series('A'), frame.series('B')], 3);
    expect(aligned.observations).toBe(3);
    expect(aligned.start).toBe(T0 + 6 * 86_400_000);
  });

  it('refuses symbols with fewer than three common bars', () => {
    const disjoint = BarFrame.fromSeries({ A: seriesFromCloses([1, 2, 3]), B: seriesFromCloses([1, 2, 3, 4, 5, 6], new Set([0, 1, 2])) });
    expect(() => alignedReturns([disjoint.series('A'), disjoint.series('B')], 10)).toThrow(InvalidArgumentError);
  });
});

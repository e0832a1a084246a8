import fc from 'fast-check';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { sharpeRatio } from '../../src/statistics/sharpe.js';
import { HAND_RETURNS, expectClose, expectPath, randomReturns } from './helpers.js';

describe('sharpeRatio', () => {
  it('is mean/sd × √p on the hand example: (7/99) / (√24 501/990) × √252 = 70 √(252/24 501)', () => {
    expectClose(sharpeRatio(HAND_RETURNS, { periodsPerYear: 252 }), 70 * Math.sqrt(252 / 24_501), 1e-13);
  });

  it('subtracts riskFree / periodsPerYear from every return', () => {
    const r = randomReturns(4, 750);
    const rf = 0.04;
    const excess = r.map((x) => x - rf / 252);
    const expected = (mean(excess) / sampleStandardDeviation(excess)) * Math.sqrt(252);
    expectClose(sharpeRatio(r, { periodsPerYear: 252, riskFree: rf }), expected, 1e-11);
    // a positive risk-free rate lowers the ratio
    expect(sharpeRatio(r, { periodsPerYear: 252, riskFree: rf })).toBeLessThan(sharpeRatio(r, { periodsPerYear: 252 }));
  });

  it('is NaN for a single return', () => {
    expect(sharpeRatio([0.05], { periodsPerYear: 252 })).toBeNaN();
  });

  it('diverges on a constant series (sd exactly 0): ±Infinity with a non-zero mean, NaN with a zero mean', () => {
    expect(sharpeRatio([0.01, 0.01, 0.01], { periodsPerYear: 252 })).toBe(Number.POSITIVE_INFINITY);
    expect(sharpeRatio([-0.1, -0.1, -0.1], { periodsPerYear: 252 })).toBe(Number.NEGATIVE_INFINITY);
    expect(sharpeRatio([0, 0, 0, 0], { periodsPerYear: 252 })).toBeNaN();
  });

  it('is unchanged when the returns are scaled by c > 0 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (ints, c) => {
          const r = ints.map((i) => i / 10_000);
          fc.pre(new Set(r).size > 1);
          const base = sharpeRatio(r, { periodsPerYear: 252 });
          const scaled = sharpeRatio(
            r.map((x) => c * x),
            { periodsPerYear: 252 },
          );
          expect(Math.abs(scaled - base)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(base)));
        },
      ),
    );
  });

  it('rejects bad input by path', () => {
    expectPath(() => sharpeRatio([0.1, 0.2], { periodsPerYear: 0 }), 'periodsPerYear');
    expectPath(() => sharpeRatio([0.1, 0.2], { periodsPerYear: 252, riskFree: Number.NaN }), 'riskFree');
    expectPath(() => sharpeRatio([0.1, Number.NaN], { periodsPerYear: 252 }), 'returns[1]');
  });
});

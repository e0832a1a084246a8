import { mean } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { sortinoRatio } from '../../src/statistics/sortino.js';
import { HAND_MEAN, HAND_RETURNS, expectClose, expectPath, randomReturns } from './helpers.js';

describe('sortinoRatio', () => {
  it('divides by the downside deviation over ALL returns on the hand example: (7/99) / √(0.1²/3) × √252', () => {
    // only −0.1 falls below the 0 target: DD = √((−0.1)² / 3)
    expectClose(sortinoRatio(HAND_RETURNS, { periodsPerYear: 252 }), (HAND_MEAN / Math.sqrt(0.01 / 3)) * Math.sqrt(252), 1e-13);
  });

  it('counts periods above the target as zero shortfall: 0.02, −0.01, 0.03, −0.02', () => {
    // mean = 0.02/4 = 0.005; DD = √((0.01² + 0.02²)/4) = √0.000125; ratio × √12
    expectClose(sortinoRatio([0.02, -0.01, 0.03, -0.02], { periodsPerYear: 12 }), (0.005 / Math.sqrt(0.000125)) * Math.sqrt(12), 1e-12);
  });

  it('uses riskFree / periodsPerYear as the target, matching a second computation on seeded returns', () => {
    const r = randomReturns(5, 600);
    const target = 0.03 / 252;
    const e = r.map((x) => x - target);
    const downside = Math.sqrt(mean(e.map((x) => Math.min(x, 0) ** 2)));
    expectClose(sortinoRatio(r, { periodsPerYear: 252, riskFree: 0.03 }), (mean(e) / downside) * Math.sqrt(252), 1e-11);
  });

  it('is +Infinity with no return below target and a positive mean, NaN when every return sits on the target', () => {
    expect(sortinoRatio([0.01, 0.02, 0], { periodsPerYear: 252 })).toBe(Number.POSITIVE_INFINITY);
    expect(sortinoRatio([0, 0, 0], { periodsPerYear: 252 })).toBeNaN();
  });

  it('rejects bad input by path', () => {
    expectPath(() => sortinoRatio([], { periodsPerYear: 252 }), 'returns');
    expectPath(() => sortinoRatio([0.1], { periodsPerYear: Number.POSITIVE_INFINITY }), 'periodsPerYear');
    expectPath(() => sortinoRatio([0.1], { periodsPerYear: 252, riskFree: Number.NEGATIVE_INFINITY }), 'riskFree');
  });
});

import { describe, expect, it } from 'vitest';
import { calmarRatio } from '../../src/statistics/calmar.js';
import { HAND_EQUITY, expectClose, expectPath } from './helpers.js';

describe('calmarRatio', () => {
  it('is CAGR over depth on the hand example: (1.2^84 − 1) / 0.1', () => {
    expectClose(calmarRatio(HAND_EQUITY, 252), (1.2 ** 84 - 1) / 0.1, 1e-12);
  });

  it('gives 0.21 / 0.2 = 1.05 for 100 → 125 → 100 → 121 over one year of 3 periods', () => {
    // total return 0.21 = CAGR at p = N = 3; depth 1 − 100/125 = 0.2
    expectClose(calmarRatio([100, 125, 100, 121], 3), 1.05, 1e-13);
    // over two years (p = 1.5): CAGR = 1.21^(1/2) − 1 = 0.1, so 0.5
    expectClose(calmarRatio([100, 125, 100, 121], 1.5), 0.5, 1e-13);
  });

  it('is +Infinity for a rising curve without drawdown and NaN for a flat one', () => {
    expect(calmarRatio([100, 101, 102], 252)).toBe(Number.POSITIVE_INFINITY);
    expect(calmarRatio([100, 100, 100], 252)).toBeNaN();
  });

  it('rejects bad input by path', () => {
    expectPath(() => calmarRatio([100, 0], 252), 'equity[1]');
    expectPath(() => calmarRatio([100, 90], 0), 'periodsPerYear');
  });
});

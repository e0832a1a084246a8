import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cagr, returnsFromEquity, totalReturn } from '../../src/statistics/returns.js';
import { HAND_EQUITY, HAND_RETURNS, expectClose, expectPath } from './helpers.js';

const equityArb = fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 });

describe('returnsFromEquity', () => {
  it('turns 100 → 110 → 99 → 120 into 0.1, −0.1 and 21/99', () => {
    const r = returnsFromEquity(HAND_EQUITY);
    expect(r).toBeInstanceOf(Float64Array);
    expect(r.length).toBe(3);
    HAND_RETURNS.forEach((expected, i) => expectClose(r[i]!, expected, 1e-15));
  });

  it('accepts a Float64Array curve', () => {
    expect(Array.from(returnsFromEquity(new Float64Array([50, 100, 75])))).toEqual([1, -0.25]);
  });

  it('compounds back to the curve: Π(1 + r_i) = P_N / P_0 (property)', () => {
    fc.assert(
      fc.property(equityArb, (equity) => {
        const r = returnsFromEquity(equity);
        expect(r.length).toBe(equity.length - 1);
        const growth = r.reduce((g, x) => g * (1 + x), 1);
        expect(Math.abs(growth / (equity.at(-1)! / equity[0]!) - 1)).toBeLessThan(1e-9);
      }),
    );
  });

  it('rejects bad points by path', () => {
    expectPath(() => returnsFromEquity([100]), 'equity');
    expectPath(() => returnsFromEquity([100, 110, 0]), 'equity[2]');
    expectPath(() => returnsFromEquity([100, Number.NaN]), 'equity[1]');
  });
});

describe('totalReturn', () => {
  it('is P_N / P_0 − 1: 120 / 100 − 1 = 0.2', () => {
    expectClose(totalReturn(HAND_EQUITY), 0.2, 1e-15);
    expectClose(totalReturn([200, 150]), -0.25, 1e-15);
  });
});

describe('cagr', () => {
  it('annualises the hand example over 3 daily periods: 1.2^(252/3) − 1', () => {
    expectClose(cagr(HAND_EQUITY, 252), 1.2 ** 84 - 1, 1e-12);
  });

  it('gives 10 % a year for 100 → 121 over 24 monthly periods', () => {
    const equity = Array.from({ length: 25 }, (_, i) => (i === 24 ? 121 : 100 + i));
    // (121/100)^(12/24) − 1 = 1.1 − 1
    expectClose(cagr(equity, 12), 0.1, 1e-14);
  });

  it('equals the total return when the curve spans exactly one year (property)', () => {
    fc.assert(
      fc.property(equityArb, (equity) => {
        const n = equity.length - 1;
        const expected = equity.at(-1)! / equity[0]! - 1;
        expect(Math.abs(cagr(equity, n) - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
      }),
    );
  });

  it('rejects a bad periodsPerYear and bad points by path', () => {
    expectPath(() => cagr(HAND_EQUITY, 0), 'periodsPerYear');
    expectPath(() => cagr(HAND_EQUITY, Number.NaN), 'periodsPerYear');
    expectPath(() => cagr([100, -5], 252), 'equity[1]');
  });
});

import fc from 'fast-check';
import { sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { annualizedVolatility } from '../../src/statistics/volatility.js';
import { HAND_RETURNS, expectClose, expectPath, randomReturns } from './helpers.js';

describe('annualizedVolatility', () => {
  it('is the sample sd √24 501/990 of the hand example times √252', () => {
    expectClose(annualizedVolatility(HAND_RETURNS, 252), (Math.sqrt(24_501) / 990) * Math.sqrt(252), 1e-14);
  });

  it("reproduces Excel's documented STDEV.S example, 27.46391572", () => {
    // Microsoft's STDEV.S help page: breaking strengths of ten tools
    const strengths = [1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299];
    expect(annualizedVolatility(strengths, 1)).toBeCloseTo(27.46391572, 8);
  });

  it('matches simple-statistics sampleStandardDeviation × √p on 1 000 seeded returns', () => {
    const r = randomReturns(3, 1000);
    expectClose(annualizedVolatility(new Float64Array(r), 52), sampleStandardDeviation(r) * Math.sqrt(52), 1e-13);
  });

  it('is NaN for one return and exactly 0 for a constant series', () => {
    expect(annualizedVolatility([0.01], 252)).toBeNaN();
    expect(annualizedVolatility([0.1, 0.1, 0.1], 252)).toBe(0);
  });

  it('scales linearly with the returns (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 2, maxLength: 40 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (ints, c) => {
          const r = ints.map((i) => i / 10_000);
          const v = annualizedVolatility(r, 252);
          expect(Math.abs(annualizedVolatility(r.map((x) => c * x), 252) - c * v)).toBeLessThanOrEqual(1e-9 * Math.max(1, c * v));
        },
      ),
    );
  });

  it('rejects bad returns and periodsPerYear by path', () => {
    expectPath(() => annualizedVolatility([], 252), 'returns');
    expectPath(() => annualizedVolatility([0.1, Number.POSITIVE_INFINITY], 252), 'returns[1]');
    expectPath(() => annualizedVolatility([0.1, 0.2], -1), 'periodsPerYear');
  });
});

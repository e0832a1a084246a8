import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageGrossExposure, exposure } from '../../src/statistics/exposure.js';
import { expectPath } from './helpers.js';

describe('exposure', () => {
  it('is the fraction of non-zero entries: 0, 5, −3, 0 → 2/4', () => {
    expect(exposure([0, 5, -3, 0])).toBe(0.5);
    expect(exposure(new Float64Array([0, 0, 0]))).toBe(0);
    expect(exposure([1e-12])).toBe(1);
  });

  it('rejects an empty or non-finite series by path', () => {
    expectPath(() => exposure([]), 'positions');
    expectPath(() => exposure([0, Number.NaN]), 'positions[1]');
  });
});

describe('averageGrossExposure', () => {
  it('is the mean absolute value: (0 + 5 + 3 + 0)/4 = 2', () => {
    expect(averageGrossExposure([0, 5, -3, 0])).toBe(2);
  });

  it('is at least |mean| and 0 only when every entry is 0 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 50 }), (xs) => {
        const gross = averageGrossExposure(xs);
        const net = xs.reduce((a, x) => a + x, 0) / xs.length;
        expect(gross).toBeGreaterThanOrEqual(Math.abs(net) - 1e-12);
        expect(gross === 0).toBe(exposure(xs) === 0);
      }),
    );
  });

  it('rejects bad entries by path', () => {
    expectPath(() => averageGrossExposure([1, Number.POSITIVE_INFINITY]), 'exposures[1]');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawdownSeries, maxDrawdown } from '../../src/statistics/drawdown.js';
import { HAND_EQUITY, equityFrom, expectClose, expectPath, randomReturns } from './helpers.js';

/** Brute force, O(n²): d_j = max over i ≤ j of 1 − P_j / P_i, and where the deepest one lies. */
function bruteForce(equity: readonly number[]): {
  series: number[];
  depth: number;
  peakIndex: number;
  troughIndex: number;
  recoveryIndex: number | null;
} {
  const series = equity.map((pj, j) => {
    let d = 0;
    for (let i = 0; i <= j; i++) d = Math.max(d, 1 - pj / equity[i]!);
    return d;
  });
  const depth = Math.max(...series);
  if (depth === 0) return { series, depth, peakIndex: 0, troughIndex: 0, recoveryIndex: 0 };
  const troughIndex = series.indexOf(depth);
  const high = Math.max(...equity.slice(0, troughIndex + 1));
  let peakIndex = 0;
  for (let i = 0; i <= troughIndex; i++) if (equity[i] === high) peakIndex = i;
  let recoveryIndex: number | null = null;
  for (let k = troughIndex + 1; k < equity.length && recoveryIndex === null; k++) if (equity[k]! >= high) recoveryIndex = k;
  return { series, depth, peakIndex, troughIndex, recoveryIndex };
}

const equityArb = fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 2, maxLength: 80 });

describe('drawdownSeries', () => {
  it('gives 0, 0, 1 − 99/110 = 0.1, 0 for 100 → 110 → 99 → 120', () => {
    const d = drawdownSeries(HAND_EQUITY);
    expect(d).toBeInstanceOf(Float64Array);
    expect(d[0]).toBe(0);
    expect(d[1]).toBe(0);
    expectClose(d[2]!, 0.1, 1e-15);
    expect(d[3]).toBe(0);
  });

  it('matches the O(n²) brute force on a seeded 400-point curve', () => {
    const equity = equityFrom(randomReturns(6, 400, 0, 0.02));
    const expected = bruteForce(equity).series;
    drawdownSeries(equity).forEach((d, i) => expectClose(d, expected[i]!, 1e-14));
  });

  it('rejects bad points by path', () => {
    expectPath(() => drawdownSeries([100, 0]), 'equity[1]');
    expectPath(() => drawdownSeries([100]), 'equity');
  });
});

describe('maxDrawdown', () => {
  it('finds the 10 % fall from 110 to 99 and the recovery at 120', () => {
    const m = maxDrawdown(HAND_EQUITY);
    expectClose(m.depth, 0.1, 1e-15);
    expect([m.peakIndex, m.troughIndex, m.recoveryIndex]).toEqual([1, 2, 3]);
  });

  it('reports null recovery when the curve ends below the peak', () => {
    // 1 − 90/120 = 0.25; 100 < 120 never recovers
    expect(maxDrawdown([100, 120, 90, 100])).toEqual({ depth: 0.25, peakIndex: 1, troughIndex: 2, recoveryIndex: null });
  });

  it('reports all zeros for a curve that never falls below its running high', () => {
    expect(maxDrawdown([100, 101, 101, 105])).toEqual({ depth: 0, peakIndex: 0, troughIndex: 0, recoveryIndex: 0 });
  });

  it('keeps the first of two equal troughs, and the last index at the running high before it', () => {
    // two 20 % falls from 100: the first (index 1) wins; recovery is back at 100 (index 2)
    expect(maxDrawdown([100, 80, 100, 80, 120])).toEqual({ depth: expect.closeTo(0.2, 15), peakIndex: 0, troughIndex: 1, recoveryIndex: 2 });
    // the high is held at indices 0 and 1: the peak is the later one
    expect(maxDrawdown([100, 100, 90, 100])).toEqual({ depth: expect.closeTo(0.1, 15), peakIndex: 1, troughIndex: 2, recoveryIndex: 3 });
  });

  it('finds the deepest fall, not the first: 110 → 77 is 30 %', () => {
    const m = maxDrawdown([100, 90, 110, 77, 115]);
    expectClose(m.depth, 0.3, 1e-15);
    expect([m.peakIndex, m.troughIndex, m.recoveryIndex]).toEqual([2, 3, 4]);
  });

  it('matches the brute force in depth and indices on seeded curves', () => {
    for (const seed of [7, 8, 9, 10]) {
      const equity = equityFrom(randomReturns(seed, 300, 0.001, 0.02));
      const expected = bruteForce(equity);
      const m = maxDrawdown(equity);
      expectClose(m.depth, expected.depth, 1e-14);
      expect([m.peakIndex, m.troughIndex, m.recoveryIndex]).toEqual([expected.peakIndex, expected.troughIndex, expected.recoveryIndex]);
    }
  });

  it('has a depth in [0, 1) equal to the maximum of drawdownSeries, with consistent indices (property)', () => {
    fc.assert(
      fc.property(equityArb, (equity) => {
        const m = maxDrawdown(equity);
        const series = drawdownSeries(equity);
        expect(m.depth).toBeGreaterThanOrEqual(0);
        expect(m.depth).toBeLessThan(1);
        expect(m.depth).toBe(Math.max(...series));
        expect(m.peakIndex).toBeLessThanOrEqual(m.troughIndex);
        if (m.depth > 0) {
          expect(series[m.troughIndex]).toBe(m.depth);
          expect(m.recoveryIndex === null || m.recoveryIndex > m.troughIndex).toBe(true);
        }
        const expected = bruteForce(equity);
        expect([m.peakIndex, m.troughIndex, m.recoveryIndex]).toEqual([expected.peakIndex, expected.troughIndex, expected.recoveryIndex]);
      }),
    );
  });

  it('rejects bad points by path', () => {
    expectPath(() => maxDrawdown([100, 90, Number.NaN]), 'equity[2]');
  });
});

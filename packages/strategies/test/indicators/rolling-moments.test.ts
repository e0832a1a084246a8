import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RollingMoments } from '../../src/indicators/rolling-moments.js';

/** Two-pass Σ(x − mean)² of a window. */
const squaredDeviations = (xs: readonly number[]): number => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, x) => a + (x - mean) ** 2, 0);
};

describe('RollingMoments', () => {
  it('gives the mean and squared deviations of the window: size 3 by hand', () => {
    const window = new RollingMoments(3);
    [1, 2, 3].forEach((x) => window.push(x));
    // 1,2,3: mean 2, Σd² = 1 + 0 + 1 = 2
    expect([window.full, window.mean, window.sumSquaredDeviations]).toEqual([true, 2, 2]);
    window.push(7);
    // 2,3,7: mean 4, Σd² = 4 + 1 + 9 = 14 (incremental update)
    expect(window.mean).toBe(4);
    expect(window.sumSquaredDeviations).toBeCloseTo(14, 12);
  });

  it('tracks a two-pass computation on a high level with a tiny spread', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 120 }),
        fc.integer({ min: 2, max: 12 }),
        (noise, size) => {
          const xs = noise.map((x) => 1e6 + x);
          const window = new RollingMoments(size);
          xs.forEach((x, t) => {
            window.push(x);
            if (t < size - 1) return;
            const expected = squaredDeviations(xs.slice(t - size + 1, t + 1));
            // Rounding of values near 1e6 is ~1e-10 each; squared deviations are O(size).
            expect(Math.abs(window.sumSquaredDeviations - expected)).toBeLessThanOrEqual(1e-7 * size);
          });
        }
      )
    );
  });

  it('reads exactly 0 once a spike has left a window that is now flat', () => {
    // Incrementally, 0.8195…² · 5/6 − 0.8195… · 0.6829… leaves a rounding residue whose
    // square root (~1e-9) would pass for a standard deviation.
    const window = new RollingMoments(6);
    for (const x of [0.8195096871062549, 0, 0, 0, 0, 0, 0]) window.push(x);
    expect(window.sumSquaredDeviations).toBe(0);
    const shifted = new RollingMoments(3);
    for (const x of [1e8, 5, 5, 5]) shifted.push(x);
    expect(shifted.sumSquaredDeviations).toBe(0);
  });

  it('never reports negative squared deviations on a flat window', () => {
    const window = new RollingMoments(4);
    for (let i = 0; i < 50; i++) {
      window.push(0.1 * 3);
      if (window.full) expect(window.sumSquaredDeviations).toBeGreaterThanOrEqual(0);
    }
    expect(window.sumSquaredDeviations).toBe(0);
  });

  it('empties on reset', () => {
    const window = new RollingMoments(2);
    window.push(1);
    window.push(3);
    window.reset();
    expect(window.full).toBe(false);
    window.push(5);
    window.push(9);
    expect([window.mean, window.sumSquaredDeviations]).toEqual([7, 8]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectOntoBoxSimplex } from '../../src/portfolio/box-simplex-projection.js';

/** Reference projection by bisection on the shift τ (a second method). */
function bisection(v: readonly number[], lower: number, upper: number, total: number): number[] {
  const sum = (tau: number): number => v.reduce((s, x) => s + Math.min(upper, Math.max(lower, x - tau)), 0);
  let lo = Math.min(...v) - upper - 1;
  let hi = Math.max(...v) - lower + 1;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (sum(mid) > total) lo = mid;
    else hi = mid;
  }
  return v.map((x) => Math.min(upper, Math.max(lower, x - (lo + hi) / 2)));
}

describe('projectOntoBoxSimplex', () => {
  it('leaves a point of the simplex unchanged', () => {
    expect(Array.from(projectOntoBoxSimplex([0.25, 0.75]))).toEqual([0.25, 0.75]);
  });

  it('shifts equally when no bound binds', () => {
    // [0.6, 0.6] − 0.1 each = [0.5, 0.5].
    const p = projectOntoBoxSimplex([0.6, 0.6]);
    expect(p[0]).toBeCloseTo(0.5, 15);
    expect(p[1]).toBeCloseTo(0.5, 15);
  });

  it('clips at the cap and redistributes (hand example)', () => {
    // v = [0.9, 0.5, 0.1], cap 0.5: w₁ = 0.5 (capped); w₂ = 0.5 − τ, w₃ = 0.1 − τ with
    // w₂ + w₃ = 0.5 ⇒ τ = 0.05 ⇒ [0.5, 0.45, 0.05].
    const p = projectOntoBoxSimplex([0.9, 0.5, 0.1], 0, 0.5);
    expect(p[0]).toBeCloseTo(0.5, 15);
    expect(p[1]).toBeCloseTo(0.45, 15);
    expect(p[2]).toBeCloseTo(0.05, 15);
  });

  it('names an empty set', () => {
    expect(() => projectOntoBoxSimplex([1, 2], 0, 0.4)).toThrow(/total/);
    expect(() => projectOntoBoxSimplex([1, 2], 0.6, 1)).toThrow(/total/);
    expect(() => projectOntoBoxSimplex([1, Number.NaN])).toThrow(/v\[1\]/);
  });

  it('matches a bisection reference and lies in the set (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (v, a, b) => {
          const n = v.length;
          // Bounds with n·lower ≤ 1 ≤ n·upper.
          const lower = (Math.min(a, b) * 1) / n;
          const upper = Math.max(1 / n, Math.max(a, b));
          const p = projectOntoBoxSimplex(v, lower, upper, 1);
          const ref = bisection(v, lower, upper, 1);
          let sum = 0;
          for (let i = 0; i < n; i++) {
            expect(p[i]!).toBeGreaterThanOrEqual(lower - 1e-12);
            expect(p[i]!).toBeLessThanOrEqual(upper + 1e-12);
            expect(p[i]).toBeCloseTo(ref[i]!, 9);
            sum += p[i]!;
          }
          expect(sum).toBeCloseTo(1, 9);
        },
      ),
      { numRuns: 300 },
    );
  });
});

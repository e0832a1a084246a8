import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RollingSum } from '../../src/indicators/rolling-sum.js';

describe('RollingSum', () => {
  it('sums the last size values and reports full from the size-th push', () => {
    const window = new RollingSum(3);
    const seen: [boolean, number][] = [];
    for (const x of [1, 2, 3, 4, 10]) {
      window.push(x);
      seen.push([window.full, window.sum]);
    }
    // 1, 1+2, 1+2+3, 2+3+4, 3+4+10
    expect(seen).toEqual([
      [false, 1],
      [false, 3],
      [true, 6],
      [true, 9],
      [true, 17],
    ]);
  });

  it('recomputes exactly at each wrap, so a huge value leaves no residue', () => {
    const window = new RollingSum(2);
    for (const x of [1e16, 1, 3, 5]) window.push(x);
    // Window [3, 5] after the second wrap: exactly 8, not 8 ± the rounding of 1e16 + 1.
    expect(window.sum).toBe(8);
  });

  it('stays within rounding of a direct sum on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 100 }),
        fc.integer({ min: 1, max: 9 }),
        (xs, size) => {
          const window = new RollingSum(size);
          xs.forEach((x, t) => {
            window.push(x);
            const direct = xs.slice(Math.max(0, t - size + 1), t + 1).reduce((a, b) => a + b, 0);
            expect(Math.abs(window.sum - direct)).toBeLessThanOrEqual(1e-6);
          });
        }
      )
    );
  });

  it('empties on reset', () => {
    const window = new RollingSum(2);
    window.push(5);
    window.push(6);
    window.reset();
    expect([window.full, window.sum]).toEqual([false, 0]);
    window.push(1);
    window.push(2);
    expect(window.sum).toBe(3);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BarSpacing } from '../../src/alphas/bar-spacing.js';

describe('BarSpacing', () => {
  it('is unknown before the second bar', () => {
    const s = new BarSpacing();
    expect(s.known).toBe(false);
    s.observe(100);
    expect([s.known, s.min]).toEqual([false, Infinity]);
  });

  it('keeps the smallest positive spacing (a weekend gap does not widen it)', () => {
    const s = new BarSpacing();
    for (const t of [0, 1, 2, 5, 6]) s.observe(t);
    expect(s.min).toBe(1);
  });

  it('equals the minimum of consecutive differences', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 30 }), (gaps) => {
        const s = new BarSpacing();
        let t = 0;
        s.observe(t);
        for (const g of gaps) s.observe((t += g));
        expect(s.min).toBe(Math.min(...gaps));
      }),
    );
  });
});

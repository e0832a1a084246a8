import { describe, expect, it } from 'vitest';
import { QUANTITY_TOLERANCE } from '../../src/orders/index.js';
import { isQuantityDust } from '../../src/orders/quantity-tolerance.js';

describe('isQuantityDust', () => {
  it('treats floating-point leftovers of fractional quantities as zero', () => {
    expect(0.1 + 0.2 - 0.3).not.toBe(0);
    expect(isQuantityDust(0.1 + 0.2 - 0.3, 0.3)).toBe(true);
    expect(isQuantityDust(0, 100)).toBe(true);
  });

  it('never swallows a real quantity', () => {
    expect(QUANTITY_TOLERANCE).toBe(1e-10);
    expect(isQuantityDust(1, 1_000_000)).toBe(false); // 1 share of a million-share position
    expect(isQuantityDust(1e-6, 1)).toBe(false);
    expect(isQuantityDust(1e-11, 0)).toBe(false);
  });
});

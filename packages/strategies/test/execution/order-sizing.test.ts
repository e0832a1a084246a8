import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { isDust, openOrderQuantity, targetShares } from '../../src/execution/order-sizing.js';
import { TestContext, makeBars } from '../portfolio/fixtures.js';

describe('order sizing helpers', () => {
  const A = SymbolId.parse('A.X');
  const B = SymbolId.parse('B.X');

  it('sums the remaining quantity of the open orders of one symbol', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [10, 10], 'B.X': [10, 10] })).step();
    ctx.openOrder({ symbol: A, quantity: 30 });
    ctx.openOrder({ symbol: A, quantity: -5 });
    ctx.openOrder({ symbol: B, quantity: 7 });
    const filled = ctx.openOrder({ symbol: A, quantity: 100 });
    filled.fill(100, 10);
    expect(openOrderQuantity(ctx, A)).toBe(25);
    expect(openOrderQuantity(ctx, B)).toBe(7);
  });

  it('sizes a weight target with trunc(weight × value / price)', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [30, 30] }), 10_000).step();
    // trunc(0.5 × 10,000 / 30) = 166.
    expect(targetShares(ctx, { symbol: A, weight: 0.5 })).toBe(166);
    expect(targetShares(ctx, { symbol: A, quantity: -3 })).toBe(-3);
  });

  it('treats only floating-point dust as zero', () => {
    expect(isDust(0.1 + 0.2 - 0.3, 1)).toBe(true);
    expect(isDust(1e-6, 1)).toBe(false);
    expect(isDust(0, 0)).toBe(true);
  });
});

import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { currentBar } from '../../src/execution/current-bar.js';
import { TestContext, makeBars } from '../portfolio/fixtures.js';

describe('currentBar', () => {
  it('returns the bar of the current timestamp only', () => {
    const A = SymbolId.parse('A.X');
    // A has bars at indices 0 and 2; B at 0, 1, 2.
    const ctx = new TestContext(makeBars({ 'A.X': { close: [10, 12], at: [0, 2] }, 'B.X': [1, 2, 3] }));
    ctx.step();
    expect(currentBar(ctx, A)?.close).toBe(10);
    ctx.step();
    expect(currentBar(ctx, A)).toBeUndefined();
    expect(ctx.securities.price(A)).toBe(10);
    ctx.step();
    expect(currentBar(ctx, A)?.close).toBe(12);
  });
});

import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { alignedReturns } from '../../src/portfolio/return-history.js';
import { TestContext, makeBars } from './fixtures.js';

describe('alignedReturns', () => {
  const A = SymbolId.parse('A.X');
  const B = SymbolId.parse('B.X');

  it('computes per-bar simple returns over the last lookback bars', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [100, 110, 121, 133.1] })).stepTo(3);
    const [a] = alignedReturns(ctx, [A], 2);
    // Last 3 closes 110, 121, 133.1 ⇒ returns 0.1, 0.1.
    expect(a).toHaveLength(2);
    expect(a![0]).toBeCloseTo(0.1, 14);
    expect(a![1]).toBeCloseTo(0.1, 14);
  });

  it('aligns symbols on their common timestamps (a missing bar merges into the next return)', () => {
    // B has no bar at index 2: common times are 0, 1, 3.
    const data = makeBars({ 'A.X': [100, 110, 121, 133.1], 'B.X': { close: [50, 55, 66], at: [0, 1, 3] } });
    const ctx = new TestContext(data).stepTo(3);
    const [a, b] = alignedReturns(ctx, [A, B], 3);
    // A: 110/100 − 1 = 0.1, 133.1/110 − 1 = 0.21; B: 0.1, 66/55 − 1 = 0.2.
    expect(Array.from(a!).map((x) => Number(x.toFixed(12)))).toEqual([0.1, 0.21]);
    expect(Array.from(b!).map((x) => Number(x.toFixed(12)))).toEqual([0.1, 0.2]);
  });

  it('sees nothing after the current bar', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [100, 110, 121, 133.1] })).stepTo(1);
    const [a] = alignedReturns(ctx, [A], 10);
    expect(Array.from(a!).map((x) => Number(x.toFixed(12)))).toEqual([0.1]);
  });

  it('returns empty columns without enough history', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [100, 110] })).stepTo(0);
    expect(alignedReturns(ctx, [A], 5)[0]).toHaveLength(0);
    expect(alignedReturns(ctx, [], 5)).toEqual([]);
  });
});

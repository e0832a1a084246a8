import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { ConfidenceWeightedPortfolio } from '../../src/portfolio/confidence-weighted-portfolio.js';
import { TestContext, makeBars, targetMap } from './fixtures.js';

describe('ConfidenceWeightedPortfolio', () => {
  const [A, B, C] = ['A.X', 'B.X', 'C.X'].map((s) => SymbolId.parse(s)) as [SymbolId, SymbolId, SymbolId];
  const data = makeBars({ 'A.X': [10, 10], 'B.X': [10, 10], 'C.X': [10, 10] });

  it('normalises the confidences to Σ|w| = 1, signed by direction', () => {
    const ctx = new TestContext(data).step();
    // 0.2 and 0.6 ⇒ 0.25 and −0.75; C has no confidence ⇒ no position.
    const insights = [ctx.insight({ symbol: A, direction: 'up', confidence: 0.2 }), ctx.insight({ symbol: B, direction: 'down', confidence: 0.6 }), ctx.insight({ symbol: C, direction: 'up' })];
    const t = targetMap(new ConfidenceWeightedPortfolio().createTargets(ctx, insights));
    expect(Object.keys(t).sort()).toEqual(['A.X', 'B.X']);
    expect(t['A.X']).toBeCloseTo(0.25, 15);
    expect(t['B.X']).toBeCloseTo(-0.75, 15);
  });

  it("keeps the confidences as weights under LEAN's cap rule when they sum below 1", () => {
    const ctx = new TestContext(data).step();
    const insights = [ctx.insight({ symbol: A, direction: 'up', confidence: 0.2 }), ctx.insight({ symbol: B, direction: 'up', confidence: 0.6 })];
    expect(targetMap(new ConfidenceWeightedPortfolio({ normalization: 'cap' }).createTargets(ctx, insights))).toEqual({ 'A.X': 0.2, 'B.X': 0.6 });
  });

  it('gives no position for zero confidence', () => {
    const ctx = new TestContext(data).step();
    expect(new ConfidenceWeightedPortfolio().createTargets(ctx, [ctx.insight({ symbol: A, direction: 'up', confidence: 0 })])).toEqual([]);
  });
});

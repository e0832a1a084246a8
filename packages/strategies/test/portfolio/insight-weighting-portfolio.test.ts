import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { InsightWeightingPortfolio } from '../../src/portfolio/insight-weighting-portfolio.js';
import { TestContext, makeBars, targetMap } from './fixtures.js';

describe('InsightWeightingPortfolio', () => {
  const [A, B, C] = ['A.X', 'B.X', 'C.X'].map((s) => SymbolId.parse(s)) as [SymbolId, SymbolId, SymbolId];
  const data = makeBars({ 'A.X': [10, 10], 'B.X': [10, 10], 'C.X': [10, 10] });

  it('uses the insight weights as they are when Σ|w| ≤ 1', () => {
    const ctx = new TestContext(data).step();
    const insights = [ctx.insight({ symbol: A, direction: 'up', weight: 0.5 }), ctx.insight({ symbol: B, direction: 'down', weight: 0.3 })];
    expect(targetMap(new InsightWeightingPortfolio().createTargets(ctx, insights))).toEqual({ 'A.X': 0.5, 'B.X': -0.3 });
  });

  it('scales down proportionally so that Σ|w| = 1 when the weights sum above 1', () => {
    const ctx = new TestContext(data).step();
    // 0.6 + 0.9 = 1.5 ⇒ 0.4 and 0.6.
    const insights = [ctx.insight({ symbol: A, direction: 'up', weight: 0.6 }), ctx.insight({ symbol: B, direction: 'up', weight: 0.9 })];
    const t = targetMap(new InsightWeightingPortfolio().createTargets(ctx, insights));
    expect(t['A.X']).toBeCloseTo(0.4, 15);
    expect(t['B.X']).toBeCloseTo(0.6, 15);
  });

  it('takes the sign from the direction and skips insights without a weight', () => {
    const ctx = new TestContext(data).step();
    const insights = [ctx.insight({ symbol: A, direction: 'up', weight: -0.2 }), ctx.insight({ symbol: B, direction: 'down', weight: 0.2 }), ctx.insight({ symbol: C, direction: 'up' })];
    expect(targetMap(new InsightWeightingPortfolio().createTargets(ctx, insights))).toEqual({ 'A.X': 0.2, 'B.X': -0.2 });
  });

  it('scales up to Σ|w| = 1 with normalization full', () => {
    const ctx = new TestContext(data).step();
    const insights = [ctx.insight({ symbol: A, direction: 'up', weight: 0.1 }), ctx.insight({ symbol: B, direction: 'up', weight: 0.3 })];
    const t = targetMap(new InsightWeightingPortfolio({ normalization: 'full' }).createTargets(ctx, insights));
    expect(t['A.X']).toBeCloseTo(0.25, 15);
    expect(t['B.X']).toBeCloseTo(0.75, 15);
  });

  it('names a bad normalization', () => {
    expect(() => new InsightWeightingPortfolio({ normalization: 'half' as never })).toThrow(/normalization/);
  });
});

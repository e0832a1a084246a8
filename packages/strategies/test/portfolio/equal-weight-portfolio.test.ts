import { SymbolId } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EqualWeightPortfolio } from '../../src/portfolio/equal-weight-portfolio.js';
import { TestContext, makeBars, targetMap } from './fixtures.js';

describe('EqualWeightPortfolio', () => {
  const names = ['A.X', 'B.X', 'C.X', 'D.X'];
  const symbols = names.map((s) => SymbolId.parse(s));
  const data = makeBars(Object.fromEntries(names.map((n) => [n, [10, 10]])));

  it('gives ±1/N by direction over the symbols with up/down insights', () => {
    const ctx = new TestContext(data).step();
    const insights = [
      ctx.insight({ symbol: symbols[0]!, direction: 'up' }),
      ctx.insight({ symbol: symbols[1]!, direction: 'down' }),
      ctx.insight({ symbol: symbols[2]!, direction: 'up' }),
      ctx.insight({ symbol: symbols[3]!, direction: 'flat' }),
    ];
    expect(targetMap(new EqualWeightPortfolio().createTargets(ctx, insights))).toEqual({ 'A.X': 1 / 3, 'B.X': -1 / 3, 'C.X': 1 / 3 });
  });

  it('is long-only under the long bias', () => {
    const ctx = new TestContext(data).step();
    const insights = [ctx.insight({ symbol: symbols[0]!, direction: 'up' }), ctx.insight({ symbol: symbols[1]!, direction: 'down' })];
    expect(targetMap(new EqualWeightPortfolio({ portfolioBias: 'long' }).createTargets(ctx, insights))).toEqual({ 'A.X': 1 });
  });

  it('has gross exposure 1 and equal magnitudes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('up', 'down', 'flat') as fc.Arbitrary<'up' | 'down' | 'flat'>, { minLength: 4, maxLength: 4 }), (directions) => {
        const ctx = new TestContext(data).step();
        const insights = directions.map((direction, i) => ctx.insight({ symbol: symbols[i]!, direction }));
        const targets = new EqualWeightPortfolio().createTargets(ctx, insights);
        const live = directions.filter((d) => d !== 'flat').length;
        expect(targets).toHaveLength(live);
        if (live > 0) expect(targets.reduce((s, t) => s + Math.abs(t.weight!), 0)).toBeCloseTo(1, 14);
        for (const t of targets) expect(Math.abs(t.weight!)).toBeCloseTo(1 / live, 15);
      }),
      { numRuns: 100 },
    );
  });
});

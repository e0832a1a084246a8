import { EventDrivenBacktester, SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { MaximumUnrealizedProfitPercentPerSecurity } from '../../src/index.js';
import { DAY, ScriptedAlpha, StubContext, T0, algorithm, barsFromCloses } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');

describe('MaximumUnrealizedProfitPercentPerSecurity', () => {
  it('takes profit at the first close more than 10 % above the average price', () => {
    // Bought 500 at 100 (bar 2). Bar 4 closes at 110: exactly +10 %, kept. Bar 5 at 110.5: +10.5 %, sold;
    // the order is created on bar 5 and fills at bar 6's open (110.5).
    const data = barsFromCloses({ 'AAA.X': [100, 100, 100, 105, 110, 110.5, 112, 112] });
    const alpha = new ScriptedAlpha({ 1: [{ symbol: A, direction: 'up', weight: 0.5 }] });
    const result = new EventDrivenBacktester({ freePortfolioValuePct: 0 }).run(algorithm({ alpha, risk: new MaximumUnrealizedProfitPercentPerSecurity({ maxProfit: 0.1 }) }), data);
    expect(result.riskEvents).toHaveLength(1);
    expect(result.riskEvents[0]).toMatchObject({ time: T0 + 5 * DAY, symbol: 'AAA.X', action: 'liquidate', details: { maxProfit: 0.1, price: 110.5 } });
    expect(result.riskEvents[0]!.details['unrealizedReturn']).toBeCloseTo(0.105, 12);
    expect(result.fills.map((f) => [f.time, f.quantity, f.price])).toEqual([
      [T0 + 2 * DAY, 500, 100],
      [T0 + 6 * DAY, -500, 110.5],
    ]);
    expect(result.trades[0]!.pnl).toBeCloseTo(500 * 10.5, 9);
  });

  it('takes profit on a short when the price falls more than the threshold below the average', () => {
    const ctx = new StubContext(100_000, [A]);
    const model = new MaximumUnrealizedProfitPercentPerSecurity({ maxProfit: 0.2 });
    ctx.fill(A, -10, 100).price(A, 80); // +20 %: kept
    expect(model.manageRisk(ctx, [])).toEqual([]);
    ctx.price(A, 79); // +21 %
    expect(model.manageRisk(ctx, [])).toEqual([{ symbol: A, quantity: 0, tag: 'MaximumUnrealizedProfitPercentPerSecurity' }]);
  });

  it('names the offending option', () => {
    expect(() => new MaximumUnrealizedProfitPercentPerSecurity({ maxProfit: -0.1 })).toThrow(/maxProfit/);
  });
});

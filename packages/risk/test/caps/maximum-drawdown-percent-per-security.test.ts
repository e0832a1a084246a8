import { EventDrivenBacktester, SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { MaximumDrawdownPercentPerSecurity } from '../../src/index.js';
import { DAY, ScriptedAlpha, StubContext, T0, algorithm, barsFromCloses } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');

describe('MaximumDrawdownPercentPerSecurity', () => {
  it('liquidates a long at the first close more than 5 % below its average price', () => {
    // Bought 500 at 100 (bar 2's open). Bar 4 closes at 95: exactly −5 %, kept. Bar 5 at 94.9: −5.1 %, liquidated;
    // the order is created on bar 5 and fills at bar 6's open (94.9). BBB, never held, is left alone.
    const data = barsFromCloses({ 'AAA.X': [100, 100, 100, 97, 95, 94.9, 94, 94], 'BBB.X': [50, 50, 50, 50, 50, 50, 50, 50] });
    const alpha = new ScriptedAlpha({ 1: [{ symbol: A, direction: 'up', weight: 0.5 }] });
    const result = new EventDrivenBacktester({ freePortfolioValuePct: 0 }).run(algorithm({ alpha, risk: new MaximumDrawdownPercentPerSecurity({ maxDrawdown: 0.05 }) }), data);
    expect(result.riskEvents).toHaveLength(1);
    expect(result.riskEvents[0]).toMatchObject({ time: T0 + 5 * DAY, symbol: 'AAA.X', action: 'liquidate', details: { maxDrawdown: 0.05, averagePrice: 100, price: 94.9, quantity: 500 } });
    expect(result.riskEvents[0]!.details['unrealizedReturn']).toBeCloseTo(-0.051, 12);
    expect(result.fills.map((f) => [f.time, f.quantity, f.price])).toEqual([
      [T0 + 2 * DAY, 500, 100],
      [T0 + 6 * DAY, -500, 94.9],
    ]);
  });

  it('mirrors for a short: a rise above the average price is the loss', () => {
    const ctx = new StubContext(100_000, [A, B]);
    const model = new MaximumDrawdownPercentPerSecurity({ maxDrawdown: 0.1 });
    ctx.fill(A, -100, 100).fill(B, 10, 50);
    ctx.price(A, 110); // −10 %: kept
    expect(model.manageRisk(ctx, [])).toEqual([]);
    ctx.price(A, 110.5); // −10.5 %
    const targets = [{ symbol: A, quantity: -300 }, { symbol: B, quantity: 20 }];
    expect(model.manageRisk(ctx, targets)).toEqual([
      { symbol: B, quantity: 20 },
      { symbol: A, quantity: 0, tag: 'MaximumDrawdownPercentPerSecurity' },
    ]);
    expect(ctx.decisions).toHaveLength(1);
  });

  it('decides once while the exit is working', () => {
    const ctx = new StubContext(100_000, [A]);
    const model = new MaximumDrawdownPercentPerSecurity({ maxDrawdown: 0.05 });
    const insight = ctx.insight({ symbol: A, direction: 'up' });
    ctx.fill(A, 100, 100).price(A, 90);
    model.manageRisk(ctx, []);
    ctx.order({ symbol: A, quantity: -100 });
    model.manageRisk(ctx, []);
    expect(ctx.decisions).toHaveLength(1);
    expect(insight.cancelled).toBe(true);
  });

  it('names the offending option', () => {
    expect(() => new MaximumDrawdownPercentPerSecurity({ maxDrawdown: 0 })).toThrow(/maxDrawdown/);
    expect(() => new MaximumDrawdownPercentPerSecurity({ maxDrawdown: 2 })).toThrow(/maxDrawdown/);
  });
});

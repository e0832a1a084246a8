import { EventDrivenBacktester, SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { MaximumDrawdownPercentPortfolio } from '../../src/index.js';
import { DAY, ScriptedAlpha, StubContext, T0, algorithm, barsFromCloses } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');
const backtester = new EventDrivenBacktester({ initialCash: 100_000, freePortfolioValuePct: 0 });
const both = new ScriptedAlpha({
  1: [
    { symbol: A, direction: 'up', weight: 0.5 },
    { symbol: B, direction: 'up', weight: 0.5 },
  ],
});

describe('MaximumDrawdownPercentPortfolio', () => {
  it('liquidates everything when equity falls more than 10 % below the starting equity', () => {
    // 500 AAA at 100 and 1000 BBB at 50 (bar 2). Equity = 500 × a + 1000 × b. Bar 4: 500 × 90 + 1000 × 45 = 90,000,
    // exactly −10 %: kept. Bar 5: 500 × 89 + 1000 × 45 = 89,500: −10.5 %, everything is sold at bar 6's open.
    const data = barsFromCloses({ 'AAA.X': [100, 100, 100, 95, 90, 89, 89, 89], 'BBB.X': [50, 50, 50, 47.5, 45, 45, 45, 45] });
    const result = backtester.run(algorithm({ alpha: both, risk: new MaximumDrawdownPercentPortfolio({ maxDrawdown: 0.1 }) }), data);
    expect(result.riskEvents).toHaveLength(1);
    expect(result.riskEvents[0]).toMatchObject({ time: T0 + 5 * DAY, symbol: null, action: 'liquidate', details: { equity: 89_500, baseline: 100_000, trailing: false, positions: 2 } });
    expect(result.riskEvents[0]!.details['drawdown']).toBeCloseTo(0.105, 12);
    expect(result.fills.filter((f) => f.quantity < 0).map((f) => [f.time, f.symbol.value, f.quantity, f.price])).toEqual([
      [T0 + 6 * DAY, 'AAA.X', -500, 89],
      [T0 + 6 * DAY, 'BBB.X', -1000, 45],
    ]);
    expect(result.portfolio.positions.every((p) => p.quantity === 0)).toBe(true);
  });

  it('with trailing, measures from the high-water mark', () => {
    // Equity peaks at 120,000 (bar 4: 500 × 120 + 1000 × 60); bar 5: 500 × 108 + 1000 × 54 = 108,000, exactly −10 %;
    // bar 6: 500 × 107 + 1000 × 54 = 107,500, −10.42 % from the peak (but +7.5 % on the start).
    const data = barsFromCloses({ 'AAA.X': [100, 100, 100, 110, 120, 108, 107, 107, 107], 'BBB.X': [50, 50, 50, 55, 60, 54, 54, 54, 54] });
    const trailing = backtester.run(algorithm({ alpha: both, risk: new MaximumDrawdownPercentPortfolio({ maxDrawdown: 0.1, trailing: true }) }), data);
    expect(trailing.riskEvents).toHaveLength(1);
    expect(trailing.riskEvents[0]).toMatchObject({ time: T0 + 6 * DAY, details: { equity: 107_500, baseline: 120_000, trailing: true } });
    expect(trailing.fills.filter((f) => f.quantity < 0).every((f) => f.time === T0 + 7 * DAY)).toBe(true);
    const fixed = backtester.run(algorithm({ alpha: both, risk: new MaximumDrawdownPercentPortfolio({ maxDrawdown: 0.1 }) }), data);
    expect(fixed.riskEvents).toHaveLength(0);
  });

  it('resets the baseline after a liquidation to the equity of the next call, and drops proposed entries', () => {
    const ctx = new StubContext(100_000, [A, B]);
    const model = new MaximumDrawdownPercentPortfolio({ maxDrawdown: 0.25 });
    ctx.fill(A, 1000, 100);
    model.manageRisk(ctx, []);
    expect(model.baselineEquity).toBe(100_000);
    ctx.price(A, 74); // equity 74,000: −26 %
    const ib = ctx.insight({ symbol: B, direction: 'up' });
    expect(model.manageRisk(ctx, [{ symbol: B, quantity: 10 }])).toEqual([{ symbol: A, quantity: 0, tag: 'MaximumDrawdownPercentPortfolio' }]);
    expect(ib.cancelled).toBe(true);
    expect(model.baselineEquity).toBeNaN();
    ctx.fill(A, -1000, 74);
    model.manageRisk(ctx, []);
    expect(model.baselineEquity).toBe(74_000);
    expect(ctx.decisions).toHaveLength(1);
  });

  it('names the offending option', () => {
    expect(() => new MaximumDrawdownPercentPortfolio({ maxDrawdown: 0 })).toThrow(/maxDrawdown/);
  });
});

import { ACCEPTED, SymbolId, type PreTradeControl, type PreTradeVerdict } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { ImmediateExecutionModel } from '../../src/execution/immediate-execution-model.js';
import { EqualWeightPortfolio } from '../../src/portfolio/equal-weight-portfolio.js';
import { DAY, ScriptedAlpha, ScriptedPortfolio, T0, TestContext, makeBars, runPipeline } from '../portfolio/fixtures.js';
import { finalQuantity, orderPlan, randomBars } from './fixtures.js';

const A = SymbolId.parse('A.X');
const B = SymbolId.parse('B.X');

describe('ImmediateExecutionModel', () => {
  const data = makeBars({ 'A.X': [10, 10, 10, 10, 10, 10, 10, 10] });

  it('orders target − holdings at once, market, filled at the next open', () => {
    const result = runPipeline(
      {
        portfolio: new ScriptedPortfolio({ 1: [{ symbol: A, quantity: 100 }], 4: [{ symbol: A, quantity: 60 }], 6: [{ symbol: A, quantity: -20 }] }),
        execution: new ImmediateExecutionModel(),
      },
      data,
    );
    expect(orderPlan(result, 'A.X')).toEqual([
      [1, 100],
      [4, -40],
      [6, -80],
    ]);
    expect(result.orders.every((o) => o.type === 'market' && o.status === 'filled')).toBe(true);
    expect(result.fills.map((f) => Math.round((f.time - T0) / DAY))).toEqual([2, 5, 7]);
    expect(finalQuantity(result, 'A.X')).toBe(-20);
  });

  it('subtracts open orders from the quantity to trade', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [10, 10] })).step();
    ctx.hold(A, 10);
    ctx.openOrder({ symbol: A, quantity: 30 });
    expect(new ImmediateExecutionModel().execute(ctx, [{ symbol: A, quantity: 100 }])).toEqual([{ symbol: A, quantity: 60 }]);
  });

  it('skips (and drops) a quantity below the minimum size or value', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [10, 10, 10] })).step();
    ctx.hold(A, 100);
    const bySize = new ImmediateExecutionModel({ minQuantity: 5 });
    expect(bySize.execute(ctx, [{ symbol: A, quantity: 104 }])).toEqual([]);
    expect(bySize.workingTargets().size).toBe(0);
    expect(bySize.execute(ctx, [{ symbol: A, quantity: 105 }])).toEqual([{ symbol: A, quantity: 5 }]);
    // 4 shares × 10 = 40 < 50.
    const byValue = new ImmediateExecutionModel({ minOrderValue: 50 });
    expect(byValue.execute(ctx, [{ symbol: A, quantity: 96 }])).toEqual([]);
    expect(byValue.execute(ctx, [{ symbol: A, quantity: 95 }])).toEqual([{ symbol: A, quantity: -5 }]);
  });

  it('sends a rejected order again on the next bar until it goes through', () => {
    class RejectFirstTwo implements PreTradeControl {
      readonly name = 'RejectFirstTwo';
      private seen = 0;
      check(): PreTradeVerdict {
        this.seen += 1;
        return this.seen <= 2 ? { accepted: false, rule: 'test', reason: 'test rejection' } : ACCEPTED;
      }
    }
    const data6 = makeBars({ 'A.X': [10, 10, 10, 10, 10, 10] });
    const result = runPipeline(
      { portfolio: new ScriptedPortfolio({ 1: [{ symbol: A, quantity: 50 }] }), execution: new ImmediateExecutionModel(), preTradeControls: [new RejectFirstTwo()] },
      data6,
    );
    // Rejected at bars 1 and 2 (risk events, no order), accepted at bar 3.
    expect(result.riskEvents.map((e) => Math.round((e.time - T0) / DAY))).toEqual([1, 2]);
    expect(orderPlan(result, 'A.X')).toEqual([[3, 50]]);
    expect(finalQuantity(result, 'A.X')).toBe(50);
  });

  it('runs end to end with a test alpha and EqualWeightPortfolio, reaching each target', () => {
    const bars = randomBars(7, ['A.X', 'B.X'], 60);
    const alpha = new ScriptedAlpha({ 5: [{ symbol: A, direction: 'up' }], 20: [{ symbol: B, direction: 'up' }], 40: [{ symbol: A, direction: 'flat' }] });
    const result = runPipeline({ alpha, portfolio: new EqualWeightPortfolio(), execution: new ImmediateExecutionModel() }, bars);
    const a = orderPlan(result, 'A.X');
    const b = orderPlan(result, 'B.X');
    // A: bought at 5, trimmed to half at 20, closed at 40; B: bought at 20, topped up to the whole portfolio at 40.
    expect(a.map(([day]) => day)).toEqual([5, 20, 40]);
    expect(a[0]![1]).toBeGreaterThan(0);
    expect(a[1]![1]).toBeLessThan(0);
    expect(a[0]![1] + a[1]![1] + a[2]![1]).toBe(0);
    expect(b.map(([day]) => day)).toEqual([20, 40]);
    expect(finalQuantity(result, 'A.X')).toBe(0);
    expect(finalQuantity(result, 'B.X')).toBe(b[0]![1] + b[1]![1]);
    expect(result.orders.every((o) => o.status === 'filled')).toBe(true);
  });
});

import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { LimitOffsetExecutionModel } from '../../src/execution/limit-offset-execution-model.js';
import { EqualWeightPortfolio } from '../../src/portfolio/equal-weight-portfolio.js';
import { ScriptedAlpha, ScriptedPortfolio, TestContext, makeBars, runPipeline } from '../portfolio/fixtures.js';
import { dayOf, finalQuantity, randomBars } from './fixtures.js';

const A = SymbolId.parse('A.X');

describe('LimitOffsetExecutionModel', () => {
  it('prices buys below and sells above the last close by the offset', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [100, 100] })).step();
    const model = new LimitOffsetExecutionModel({ offsetBps: 25 });
    expect(model.execute(ctx, [{ symbol: A, quantity: 10 }])).toEqual([{ symbol: A, quantity: 10, type: 'limit', limitPrice: 100 * (1 - 0.0025), timeInForce: 'day' }]);
    const seller = new LimitOffsetExecutionModel({ offsetBps: 25, timeInForce: 'gtc' });
    expect(seller.execute(ctx, [{ symbol: A, quantity: -10 }])).toEqual([{ symbol: A, quantity: -10, type: 'limit', limitPrice: 100 * 1.0025, timeInForce: 'gtc' }]);
  });

  it('re-prices an expired day order from the new close until the target is filled', () => {
    // Bar 1 close 100 ⇒ buy limit 99. Bar 2 trades 99.5–101: no fill. Bar 3 (a later day):
    // the order expires; the close 98 ⇒ new limit 97.02. Bar 4 opens at 98 and trades down
    // to 96: filled at 97.02. Bar 5 close 100, target 0 ⇒ sell limit 101; bar 6 opens 102 ⇒ filled at the open.
    const data = makeBars({
      'A.X': {
        close: [100, 100, 100, 98, 97, 100, 102, 102],
        open: [100, 100, 100, 99, 98, 97, 102, 102],
        high: [101, 101, 101, 99.5, 98, 100, 103, 103],
        low: [99, 99, 99.5, 97.5, 96, 97, 101.5, 101],
      },
    });
    const result = runPipeline(
      { portfolio: new ScriptedPortfolio({ 1: [{ symbol: A, quantity: 50 }], 5: [{ symbol: A, quantity: 0 }] }), execution: new LimitOffsetExecutionModel({ offsetBps: 100 }) },
      data,
    );
    const summary = result.orders.map((o) => [dayOf(o), o.quantity, o.type, o.limitPrice, o.status]);
    expect(summary).toEqual([
      [1, 50, 'limit', 99, 'cancelled'],
      [3, 50, 'limit', 98 * 0.99, 'filled'],
      [5, -50, 'limit', 101, 'filled'],
    ]);
    expect(result.fills.map((f) => f.price)).toEqual([98 * 0.99, 102]);
    expect(finalQuantity(result, 'A.X')).toBe(0);
  });

  it('does not stack orders while one is working', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [100, 100, 100] })).step();
    const model = new LimitOffsetExecutionModel();
    const [request] = model.execute(ctx, [{ symbol: A, quantity: 10 }]);
    ctx.step();
    ctx.openOrder(request!);
    expect(model.execute(ctx, [])).toEqual([]);
    expect(model.workingTargets().get(A)).toBe(10);
  });

  it('names bad options', () => {
    expect(() => new LimitOffsetExecutionModel({ offsetBps: -1 })).toThrow(/offsetBps/);
    expect(() => new LimitOffsetExecutionModel({ offsetBps: 10_000 })).toThrow(/offsetBps/);
    expect(() => new LimitOffsetExecutionModel({ timeInForce: 'ioc' as never })).toThrow(/timeInForce/);
  });

  it('runs end to end: every order is a limit at close ∓ offset and fills no worse than its limit', () => {
    const bars = randomBars(9, ['A.X'], 80);
    const alpha = new ScriptedAlpha({ 5: [{ symbol: A, direction: 'up' }], 40: [{ symbol: A, direction: 'flat' }] });
    const result = runPipeline({ alpha, portfolio: new EqualWeightPortfolio(), execution: new LimitOffsetExecutionModel({ offsetBps: 50 }) }, bars);
    const close = bars.series(A).close;
    expect(result.orders.length).toBeGreaterThanOrEqual(2);
    for (const o of result.orders) {
      const c = close[dayOf(o)]!;
      expect(o.type).toBe('limit');
      expect(o.limitPrice).toBeCloseTo(o.quantity > 0 ? c * 0.995 : c * 1.005, 10);
    }
    for (const f of result.fills) {
      const o = result.orders.find((x) => x.id === f.orderId)!;
      if (f.quantity > 0) expect(f.price).toBeLessThanOrEqual(o.limitPrice!);
      else expect(f.price).toBeGreaterThanOrEqual(o.limitPrice!);
    }
    expect(finalQuantity(result, 'A.X')).toBe(0);
  });
});

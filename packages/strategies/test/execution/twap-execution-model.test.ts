import { ACCEPTED, SymbolId, type AlgorithmContext, type PreTradeControl, type PreTradeVerdict } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TWAPExecutionModel, sliceSize } from '../../src/execution/twap-execution-model.js';
import { EqualWeightPortfolio } from '../../src/portfolio/equal-weight-portfolio.js';
import { DAY, ScriptedAlpha, ScriptedPortfolio, T0, TestContext, makeBars, runPipeline } from '../portfolio/fixtures.js';
import { finalQuantity, orderPlan, randomBars } from './fixtures.js';

const A = SymbolId.parse('A.X');
const flat = (n: number): number[] => new Array(n).fill(10);

describe('sliceSize', () => {
  it('splits whole units as evenly as possible, larger children first', () => {
    // 10 = 3 + 3 + 2 + 2; −15 = −4 −4 −4 −3.
    expect([0, 1, 2, 3].map((k) => sliceSize(10, 4, k))).toEqual([3, 3, 2, 2]);
    expect([0, 1, 2, 3].map((k) => sliceSize(-15, 4, k))).toEqual([-4, -4, -4, -3]);
    expect([0, 1, 2].map((k) => sliceSize(2, 3, k))).toEqual([1, 1, 0]);
  });

  it('sums exactly to the delta, with children within one unit of each other (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 1, max: 50 }), (delta, n) => {
        const parts = Array.from({ length: n }, (_, k) => sliceSize(delta, n, k));
        expect(parts.reduce((a, b) => a + b, 0)).toBe(delta);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        for (const p of parts) expect(Number.isInteger(p)).toBe(true);
      }),
    );
  });

  it('splits a fractional delta into equal parts that sum to it', () => {
    const parts = [0, 1, 2].map((k) => sliceSize(0.5, 3, k));
    expect(parts[0]).toBeCloseTo(1 / 6, 15);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(0.5);
  });
});

describe('TWAPExecutionModel', () => {
  it('sends N equal children over N bars that sum to the delta', () => {
    const result = runPipeline(
      { portfolio: new ScriptedPortfolio({ 1: [{ symbol: A, quantity: 10 }], 6: [{ symbol: A, quantity: -5 }] }), execution: new TWAPExecutionModel({ slices: 4 }) },
      makeBars({ 'A.X': flat(12) }),
    );
    expect(orderPlan(result, 'A.X')).toEqual([
      [1, 3],
      [2, 3],
      [3, 2],
      [4, 2],
      [6, -4],
      [7, -4],
      [8, -4],
      [9, -3],
    ]);
    expect(finalQuantity(result, 'A.X')).toBe(-5);
  });

  it('restarts the plan from the holdings when a new target arrives mid-way', () => {
    const result = runPipeline(
      { portfolio: new ScriptedPortfolio({ 1: [{ symbol: A, quantity: 12 }], 3: [{ symbol: A, quantity: 0 }] }), execution: new TWAPExecutionModel({ slices: 3 }) },
      makeBars({ 'A.X': flat(8) }),
    );
    // 4, 4, then at bar 3 the holdings are 8: −8 in three children −3, −3, −2.
    expect(orderPlan(result, 'A.X')).toEqual([
      [1, 4],
      [2, 4],
      [3, -3],
      [4, -3],
      [5, -2],
    ]);
  });

  it('makes up a rejected child with the last one', () => {
    class RejectBar2 implements PreTradeControl {
      readonly name = 'RejectBar2';
      check(ctx: AlgorithmContext): PreTradeVerdict {
        return ctx.time === T0 + 2 * DAY ? { accepted: false, rule: 'test', reason: 'no trading on bar 2' } : ACCEPTED;
      }
    }
    const result = runPipeline(
      { portfolio: new ScriptedPortfolio({ 1: [{ symbol: A, quantity: 10 }] }), execution: new TWAPExecutionModel({ slices: 4 }), preTradeControls: [new RejectBar2()] },
      makeBars({ 'A.X': flat(8) }),
    );
    expect(orderPlan(result, 'A.X')).toEqual([
      [1, 3],
      [3, 2],
      [4, 5],
    ]);
    expect(finalQuantity(result, 'A.X')).toBe(10);
  });

  it('counts only bars of the symbol', () => {
    // A trades at indices 0, 1, 3, 5 only.
    const ctx = new TestContext(makeBars({ 'A.X': { close: [10, 10, 10, 10], at: [0, 1, 3, 5] }, 'B.X': flat(6) })).stepTo(1);
    const model = new TWAPExecutionModel({ slices: 2 });
    expect(model.execute(ctx, [{ symbol: A, quantity: 4 }])).toEqual([{ symbol: A, quantity: 2 }]);
    ctx.step();
    ctx.hold(A, 2);
    expect(model.execute(ctx, [])).toEqual([]);
    ctx.step();
    expect(model.execute(ctx, [])).toEqual([{ symbol: A, quantity: 2 }]);
  });

  it('names bad slices', () => {
    expect(() => new TWAPExecutionModel({ slices: 0 })).toThrow(/slices/);
    expect(() => new TWAPExecutionModel({ slices: 2.5 })).toThrow(/slices/);
  });

  it('runs end to end: each target is worked in N children within one unit of each other', () => {
    const bars = randomBars(5, ['A.X'], 80);
    const alpha = new ScriptedAlpha({ 5: [{ symbol: A, direction: 'up' }], 40: [{ symbol: A, direction: 'flat' }] });
    const result = runPipeline({ alpha, portfolio: new EqualWeightPortfolio(), execution: new TWAPExecutionModel({ slices: 5 }) }, bars);
    const plan = orderPlan(result, 'A.X');
    expect(plan.map(([day]) => day)).toEqual([5, 6, 7, 8, 9, 40, 41, 42, 43, 44]);
    const buys = plan.slice(0, 5).map(([, q]) => q);
    const sells = plan.slice(5).map(([, q]) => q);
    expect(Math.max(...buys) - Math.min(...buys)).toBeLessThanOrEqual(1);
    expect(Math.max(...sells) - Math.min(...sells)).toBeLessThanOrEqual(1);
    expect(sells.reduce((a, b) => a + b, 0)).toBe(-buys.reduce((a, b) => a + b, 0));
    expect(finalQuantity(result, 'A.X')).toBe(0);
  });
});

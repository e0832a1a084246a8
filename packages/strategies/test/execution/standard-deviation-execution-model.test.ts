import { SymbolId } from '@alphaswarm/core';
import { mean, standardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { StandardDeviationExecutionModel } from '../../src/execution/standard-deviation-execution-model.js';
import { EqualWeightPortfolio } from '../../src/portfolio/equal-weight-portfolio.js';
import { DAY, ScriptedAlpha, ScriptedPortfolio, T0, TestContext, makeBars, runPipeline } from '../portfolio/fixtures.js';
import { dayOf, orderPlan, randomBars } from './fixtures.js';

const A = SymbolId.parse('A.X');

describe('StandardDeviationExecutionModel', () => {
  // period 3, k = 1, population sd of the last 3 closes (current included):
  //  3: [100, 100, 100] mean 100, sd 0       close 100: not below 100
  //  4: [100, 100, 94]  mean 98, sd √8≈2.83   close 94 < 95.17: buy
  //  5: [100, 94, 96]   mean 96.67, sd 2.49   close 96 < upper 99.16: no sell
  //  6: [94, 96, 101]   mean 97, sd 2.94      close 101 > upper 99.94: sell
  const closes = [100, 100, 100, 100, 94, 96, 101, 102];
  const data = makeBars({ 'A.X': closes });

  it('buys only below mean − k·sd and sells only above mean + k·sd', () => {
    const result = runPipeline(
      {
        portfolio: new ScriptedPortfolio({ 3: [{ symbol: A, quantity: 100 }], 5: [{ symbol: A, quantity: 0 }] }),
        execution: new StandardDeviationExecutionModel({ period: 3, deviations: 1 }),
      },
      data,
    );
    expect(orderPlan(result, 'A.X')).toEqual([
      [4, 100],
      [6, -100],
    ]);
    // The bands by a second method.
    const band = (i: number): [number, number] => {
      const w = closes.slice(i - 2, i + 1);
      return [mean(w) - standardDeviation(w), mean(w) + standardDeviation(w)];
    };
    expect(closes[4]!).toBeLessThan(band(4)[0]);
    expect(closes[3]!).not.toBeLessThan(band(3)[0]);
    expect(closes[5]!).not.toBeGreaterThan(band(5)[1]);
    expect(closes[6]!).toBeGreaterThan(band(6)[1]);
  });

  it('fills its window from history when a target arrives', () => {
    const ctx = new TestContext(data).stepTo(4);
    expect(new StandardDeviationExecutionModel({ period: 3, deviations: 1 }).execute(ctx, [{ symbol: A, quantity: 10 }])).toEqual([{ symbol: A, quantity: 10 }]);
  });

  it('waits until the window is full', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [100, 90, 80] })).stepTo(1);
    const model = new StandardDeviationExecutionModel({ period: 3, deviations: 0.1 });
    expect(model.execute(ctx, [{ symbol: A, quantity: 10 }])).toEqual([]);
    ctx.step();
    // [100, 90, 80]: mean 90, sd 8.16: 80 < 89.18.
    expect(model.execute(ctx, [])).toEqual([{ symbol: A, quantity: 10 }]);
  });

  it('names bad options', () => {
    expect(() => new StandardDeviationExecutionModel({ period: 1 })).toThrow(/period/);
    expect(() => new StandardDeviationExecutionModel({ deviations: 0 })).toThrow(/deviations/);
  });

  it('runs end to end: every buy is below and every sell above its band', () => {
    const bars = randomBars(3, ['A.X'], 150);
    const alpha = new ScriptedAlpha({ 10: [{ symbol: A, direction: 'up' }], 60: [{ symbol: A, direction: 'down' }], 110: [{ symbol: A, direction: 'flat' }] });
    const period = 10;
    const k = 1;
    const result = runPipeline({ alpha, portfolio: new EqualWeightPortfolio(), execution: new StandardDeviationExecutionModel({ period, deviations: k }) }, bars);
    const close = Array.from(bars.series(A).close);
    expect(result.orders.length).toBeGreaterThanOrEqual(3);
    for (const o of result.orders) {
      const i = dayOf(o);
      const w = close.slice(i - period + 1, i + 1);
      if (o.quantity > 0) expect(close[i]!).toBeLessThan(mean(w) - k * standardDeviation(w));
      else expect(close[i]!).toBeGreaterThan(mean(w) + k * standardDeviation(w));
      expect(o.type).toBe('market');
    }
    expect(result.fills.every((f) => f.time > T0 + 10 * DAY)).toBe(true);
  });
});

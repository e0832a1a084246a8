import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { VWAPExecutionModel } from '../../src/execution/vwap-execution-model.js';
import { EqualWeightPortfolio } from '../../src/portfolio/equal-weight-portfolio.js';
import { DAY, ScriptedAlpha, ScriptedPortfolio, T0, TestContext, makeBars, runPipeline } from '../portfolio/fixtures.js';
import { finalQuantity, randomBars } from './fixtures.js';

const A = SymbolId.parse('A.X');
const MINUTE = 60_000;

// One UTC day of minute bars. Typical prices tp = (h + l + c)/3 and the running VWAP:
//  0: h101 l99  c100 v1000  tp 100  vwap 100
//  1: h102 l100 c101 v1000  tp 101  vwap 100.5        close > vwap: no buy
//  2: h100 l98  c99  v2000  tp 99   vwap 99.75        close < vwap: buy ≤ 0.1 × 2000 = 200
//  3: h99  l97  c98  v500   tp 98   vwap 99.5556      close < vwap: buy ≤ 50
//  4: h103 l101 c102 v3000  tp 102  vwap 100.5333     close > vwap: no buy
//  5: h99  l97  c98  v1000  tp 98   vwap 100.2353     buy ≤ 100 (50 left)
//  6: h104 l102 c103 v1000  tp 103  vwap 100.5263     close > vwap: sell ≤ 100
//  7: h96  l94  c95  v10000 tp 95   vwap 97.6923      close < vwap: no sell
const high = [101, 102, 100, 99, 103, 99, 104, 96];
const low = [99, 100, 98, 97, 101, 97, 102, 94];
const close = [100, 101, 99, 98, 102, 98, 103, 95];
const volume = [1000, 1000, 2000, 500, 3000, 1000, 1000, 10000];
const intraday = makeBars({ 'A.X': { close, high, low, volume } }, T0, MINUTE);

/** Bar index of an order in the minute data. */
const minuteOf = (t: number): number => Math.round((t - T0) / MINUTE);

describe('VWAPExecutionModel', () => {
  it('buys only below the running VWAP, at most participation × bar volume, until the target', () => {
    const result = runPipeline(
      { portfolio: new ScriptedPortfolio({ 1: [{ symbol: A, quantity: 300 }], 6: [{ symbol: A, quantity: 0 }] }), execution: new VWAPExecutionModel({ participation: 0.1 }) },
      intraday,
    );
    const plan = result.orders.map((o) => [minuteOf(o.createdAt), o.quantity]);
    expect(plan).toEqual([
      [2, 200],
      [3, 50],
      [5, 50],
      [6, -100],
    ]);
    for (const o of result.orders) expect(Math.abs(o.quantity)).toBeLessThanOrEqual(0.1 * volume[minuteOf(o.createdAt)]!);
  });

  it('rebuilds the intraday VWAP from history when a target arrives', () => {
    // Arriving at bar 3 with the VWAP of bars 0–3 (99.56) > close 98: buys at once.
    const ctx = new TestContext(intraday).stepTo(3);
    expect(new VWAPExecutionModel().execute(ctx, [{ symbol: A, quantity: 30 }])).toEqual([{ symbol: A, quantity: 30 }]);
    // Arriving at bar 4 (close 102 > VWAP 100.53): waits.
    const later = new TestContext(intraday).stepTo(4);
    expect(new VWAPExecutionModel().execute(later, [{ symbol: A, quantity: 30 }])).toEqual([]);
  });

  it('restarts the VWAP each UTC day: on daily bars it trades days that close below (h + l + c)/3', () => {
    // Day 1 closes at 100 in a 99–110 range: tp = 103 > 100 ⇒ buy. Day 2 closes at its high: no buy.
    const daily = makeBars({ 'A.X': { close: [100, 100, 110, 100], high: [101, 110, 110, 101], low: [99, 99, 100, 90], volume: [1000, 1000, 1000, 1000] } });
    const ctx = new TestContext(daily).stepTo(1);
    const model = new VWAPExecutionModel({ participation: 0.05 });
    expect(model.execute(ctx, [{ symbol: A, quantity: 120 }])).toEqual([{ symbol: A, quantity: 50 }]);
    ctx.step();
    ctx.hold(A, 50);
    expect(model.execute(ctx, [])).toEqual([]);
    ctx.step();
    // Day 3: close 100, tp = (101 + 90 + 100)/3 = 97 < 100: not favourable for a buy. (A VWAP
    // carried over from days 1–3 would be (103 + 106.33 + 97)/3 ≈ 102.1 > 100 and would buy.)
    expect(model.execute(ctx, [])).toEqual([]);
  });

  it('names a participation outside (0, 1]', () => {
    expect(() => new VWAPExecutionModel({ participation: 0 })).toThrow(/participation/);
    expect(() => new VWAPExecutionModel({ participation: 1.5 })).toThrow(/participation/);
  });

  it('runs end to end on daily bars: every order respects participation and the VWAP side', () => {
    const bars = randomBars(11, ['A.X'], 120, 2_000);
    const alpha = new ScriptedAlpha({ 5: [{ symbol: A, direction: 'up' }], 70: [{ symbol: A, direction: 'flat' }] });
    const result = runPipeline({ alpha, portfolio: new EqualWeightPortfolio(), execution: new VWAPExecutionModel({ participation: 0.1 }) }, bars);
    const cols = bars.series(A);
    expect(result.orders.length).toBeGreaterThan(5);
    let bought = 0;
    for (const o of result.orders) {
      const i = Math.round((o.createdAt - T0) / DAY);
      const tp = (cols.high[i]! + cols.low[i]! + cols.close[i]!) / 3;
      expect(Math.abs(o.quantity)).toBeLessThanOrEqual(Math.floor(0.1 * cols.volume[i]!));
      if (o.quantity > 0) {
        expect(cols.close[i]!).toBeLessThan(tp);
        if (i < 70) bought += o.quantity;
      } else expect(cols.close[i]!).toBeGreaterThan(tp);
    }
    // The whole target is far above one bar's cap: it took many bars to build.
    expect(bought).toBeGreaterThan(3 * 0.1 * 2_000);
    expect(finalQuantity(result, 'A.X')).toBeGreaterThanOrEqual(0);
  });
});

import { EventDrivenBacktester, SymbolId } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TrailingStopRiskManagementModel } from '../src/index.js';
import { DAY, StubContext, T0, algorithm, barsFromCloses, barsFromOhlc, ScriptedAlpha, type Ohlc } from './risk-fixtures.js';

const AAA = SymbolId.parse('AAA.X');
const backtester = new EventDrivenBacktester({ initialCash: 100_000, freePortfolioValuePct: 0 });

describe('TrailingStopRiskManagementModel: percent stop in a backtest', () => {
  // Bar 1: an 'up' insight of weight 0.5 → order for trunc(0.5 × 100,000 / 100) = 500, filled at bar 2's open (100).
  // Closes rise 20 % to a peak of 120 (bar 6). Bar 7 closes at 114: exactly 5 % below the peak, which does not pass
  // a 5 % stop. Bar 8 closes at 112.8: 6 % below, so the exit order is created on bar 8 and fills at bar 9's open
  // (= bar 8's close, 112.8, by the fixture's open = previous close).
  const longCloses = [100, 100, 100, 105, 110, 115, 120, 114, 112.8, 113, 113];
  const up = new ScriptedAlpha({ 1: [{ symbol: AAA, direction: 'up', weight: 0.5 }] });

  it('exits a long at the first close more than 5 % below the peak: order on that bar, fill at the next open', () => {
    const result = backtester.run(algorithm({ alpha: up, risk: new TrailingStopRiskManagementModel({ threshold: 0.05 }) }), barsFromCloses({ 'AAA.X': longCloses }));
    expect(result.orders.map((o) => [o.createdAt, o.quantity])).toEqual([
      [T0 + 1 * DAY, 500],
      [T0 + 8 * DAY, -500],
    ]);
    expect(result.fills.map((f) => [f.time, f.quantity, f.price])).toEqual([
      [T0 + 2 * DAY, 500, 100],
      [T0 + 9 * DAY, -500, 112.8],
    ]);
    expect(result.riskEvents).toHaveLength(1);
    const event = result.riskEvents[0]!;
    expect(event).toMatchObject({ time: T0 + 8 * DAY, model: 'TrailingStopRiskManagementModel', symbol: 'AAA.X', action: 'liquidate' });
    expect(event.details).toMatchObject({ side: 'long', peak: 120, price: 112.8, threshold: 0.05, quantity: 500 });
    expect(event.details['retracement']).toBeCloseTo((120 - 112.8) / 120, 12); // 0.06
    // The insight was cancelled, so the position is not re-entered.
    expect(result.portfolio.positions.every((p) => p.quantity === 0)).toBe(true);
  });

  it('mirrors for a short: exits at the first close more than 5 % above the trough', () => {
    // Short 500 at 100; trough 80 at bar 6 (20 % down); bar 7 at 84 is exactly 5 % above; bar 8 at 84.8 is 6 % above.
    const shortCloses = [100, 100, 100, 95, 90, 85, 80, 84, 84.8, 84, 84];
    const down = new ScriptedAlpha({ 1: [{ symbol: AAA, direction: 'down', weight: -0.5 }] });
    const result = backtester.run(algorithm({ alpha: down, risk: new TrailingStopRiskManagementModel({ threshold: 0.05 }) }), barsFromCloses({ 'AAA.X': shortCloses }));
    expect(result.orders.map((o) => [o.createdAt, o.quantity])).toEqual([
      [T0 + 1 * DAY, -500],
      [T0 + 8 * DAY, 500],
    ]);
    expect(result.fills.map((f) => [f.time, f.quantity, f.price])).toEqual([
      [T0 + 2 * DAY, -500, 100],
      [T0 + 9 * DAY, 500, 84.8],
    ]);
    const event = result.riskEvents[0]!;
    expect(event.time).toBe(T0 + 8 * DAY);
    expect(event.details).toMatchObject({ side: 'short', peak: 80, price: 84.8 });
    expect(event.details['retracement']).toBeCloseTo((84.8 - 80) / 80, 12); // 0.06
  });
});

describe('TrailingStopRiskManagementModel: ATR stop on a crafted series', () => {
  // Every bar: open = previous close, high = close + 1, low = close − 1, and closes move by at most 1,
  // so every true range is exactly 2 (high − low; the gaps to the previous close are ≤ 2) and ATR(3) = 2.
  // With atrMultiple 1.5 the stop distance is 3 price units.
  const closes = [100, 100, 100, 101, 102, 103, 104, 105, 104, 103, 102, 101.5, 101.5, 101.5];
  const rows: Ohlc[] = closes.map((close, i) => ({ open: i === 0 ? close : closes[i - 1]!, high: close + 1, low: close - 1, close }));
  const up = new ScriptedAlpha({ 1: [{ symbol: AAA, direction: 'up', weight: 0.5 }] });

  it('fires when the close is more than 1.5 ATR below the peak close (bar 11), not at exactly 1.5 ATR (bar 10)', () => {
    const stop = new TrailingStopRiskManagementModel({ mode: 'atr', atrMultiple: 1.5, atrPeriod: 3 });
    const result = backtester.run(algorithm({ alpha: up, risk: stop }), barsFromOhlc({ 'AAA.X': rows }));
    expect(result.riskEvents).toHaveLength(1);
    const event = result.riskEvents[0]!;
    expect(event.time).toBe(T0 + 11 * DAY); // 105 − 101.5 = 3.5 > 3; at bar 10, 105 − 102 = 3 is not beyond
    expect(event.details).toMatchObject({ mode: 'atr', peak: 105, price: 101.5, retracement: 3.5, atr: 2, threshold: 3 });
    expect(result.fills.at(-1)).toMatchObject({ time: T0 + 12 * DAY, quantity: -500, price: 101.5 });
  });

  it('with the high/low watermark, trails the bar high (106) and fires one bar earlier', () => {
    const stop = new TrailingStopRiskManagementModel({ mode: 'atr', atrMultiple: 1.5, atrPeriod: 3, watermark: 'high_low' });
    const result = backtester.run(algorithm({ alpha: up, risk: stop }), barsFromOhlc({ 'AAA.X': rows }));
    const event = result.riskEvents[0]!;
    expect(event.time).toBe(T0 + 10 * DAY); // 106 − 102 = 4 > 3
    expect(event.details).toMatchObject({ peak: 106, price: 102, retracement: 4 });
  });
});

describe('TrailingStopRiskManagementModel: state', () => {
  it('resets when the position flips: a short after a long trails its own trough', () => {
    const ctx = new StubContext(100_000, [AAA]);
    const stop = new TrailingStopRiskManagementModel({ threshold: 0.05 });
    ctx.fill(AAA, 100, 100);
    stop.manageRisk(ctx, []);
    ctx.price(AAA, 120);
    stop.manageRisk(ctx, []); // long peak 120
    ctx.fill(AAA, -200, 118); // flip to short 100 at 118
    stop.manageRisk(ctx, []);
    ctx.price(AAA, 113);
    // A long still trailing 120 would see (120 − 113) / 120 = 5.8 % and fire; the new short's trough is 113.
    expect(stop.manageRisk(ctx, [])).toEqual([]);
    expect(ctx.decisions).toHaveLength(0);
    ctx.price(AAA, 119); // (119 − 113) / 113 = 5.3 % above the trough
    expect(stop.manageRisk(ctx, [])).toEqual([{ symbol: AAA, quantity: 0, tag: 'TrailingStopRiskManagementModel' }]);
    expect(ctx.decisions[0]!.details).toMatchObject({ side: 'short', peak: 113, price: 119 });
  });

  it('resets when the position closes: a new entry trails from its own entry price', () => {
    const ctx = new StubContext(100_000, [AAA]);
    const stop = new TrailingStopRiskManagementModel({ threshold: 0.05 });
    ctx.fill(AAA, 100, 100);
    ctx.price(AAA, 120);
    stop.manageRisk(ctx, []);
    ctx.fill(AAA, -100, 119);
    stop.manageRisk(ctx, []);
    ctx.fill(AAA, 100, 100);
    ctx.price(AAA, 96); // 4 % below the new entry at 100 (20 % below the old peak)
    expect(stop.manageRisk(ctx, [])).toEqual([]);
    expect(ctx.decisions).toHaveLength(0);
  });

  it('with dailyReset, restarts the peak at the first bar of each UTC day', () => {
    const run = (dailyReset: boolean): number => {
      const ctx = new StubContext(100_000, [AAA]);
      const stop = new TrailingStopRiskManagementModel({ threshold: 0.03, dailyReset });
      ctx.time = T0 + 10 * 3_600_000;
      ctx.fill(AAA, 100, 100);
      ctx.price(AAA, 110);
      stop.manageRisk(ctx, []);
      ctx.time = T0 + DAY + 10 * 3_600_000; // next UTC day: 106 is 3.6 % below 110
      ctx.price(AAA, 106);
      stop.manageRisk(ctx, []);
      ctx.time += 3_600_000; // same day: 102.8 is 3.02 % below the day's peak of 106
      ctx.price(AAA, 102.8);
      stop.manageRisk(ctx, []);
      return ctx.decisions.length === 0 ? -1 : ctx.decisions[0]!.details!['price'] as number;
    };
    expect(run(false)).toBe(106);
    expect(run(true)).toBe(102.8);
  });

  it('on the unrealized-PnL basis, measures the give-back against the entry price', () => {
    const ctx = new StubContext(100_000, [AAA]);
    const byPnl = new TrailingStopRiskManagementModel({ threshold: 0.05, basis: 'unrealized_pnl' });
    const byPrice = new TrailingStopRiskManagementModel({ threshold: 0.05, basis: 'price' });
    ctx.fill(AAA, 100, 100);
    ctx.price(AAA, 120);
    byPnl.manageRisk(ctx, []);
    byPrice.manageRisk(ctx, []);
    ctx.price(AAA, 114); // gave back 6 per share: 6 / 100 = 6 % of the entry, but 6 / 120 = 5 % of the peak
    expect(byPnl.manageRisk(ctx, [])).toHaveLength(1);
    expect(byPrice.manageRisk(ctx, [])).toHaveLength(0);
    expect(ctx.decisions[0]!.details).toMatchObject({ basis: 'unrealized_pnl', peak: 20, price: 114 });
    expect(ctx.decisions[0]!.details!['retracement']).toBeCloseTo(0.06, 12);
  });

  it('decides once while the exit order is working, and again if the exit disappears unfilled', () => {
    const ctx = new StubContext(100_000, [AAA]);
    const stop = new TrailingStopRiskManagementModel({ threshold: 0.05 });
    ctx.fill(AAA, 100, 100);
    ctx.price(AAA, 90);
    const proposed = [{ symbol: AAA, quantity: 300 }];
    expect(stop.manageRisk(ctx, proposed)).toEqual([{ symbol: AAA, quantity: 0, tag: 'TrailingStopRiskManagementModel' }]);
    const exit = ctx.order({ symbol: AAA, quantity: -100 });
    expect(stop.manageRisk(ctx, [])).toEqual([]);
    expect(ctx.decisions).toHaveLength(1);
    exit.reject('test: the broker refused');
    expect(stop.manageRisk(ctx, [])).toHaveLength(1);
    expect(ctx.decisions).toHaveLength(2);
  });

  it('cancels the insights of the symbol it stops out', () => {
    const ctx = new StubContext(100_000, [AAA]);
    const insight = ctx.insight({ symbol: AAA, direction: 'up' });
    const stop = new TrailingStopRiskManagementModel({ threshold: 0.05 });
    ctx.fill(AAA, 100, 100);
    ctx.price(AAA, 94);
    stop.manageRisk(ctx, []);
    expect(insight.cancelled).toBe(true);
    expect(ctx.insights.size).toBe(0);
  });

  it('returns the same array when nothing fires', () => {
    const ctx = new StubContext(100_000, [AAA]);
    const stop = new TrailingStopRiskManagementModel();
    const targets = [{ symbol: AAA, quantity: 10 }];
    expect(stop.manageRisk(ctx, targets)).toBe(targets);
    ctx.fill(AAA, 100, 100);
    expect(stop.manageRisk(ctx, targets)).toBe(targets);
  });

  it('fires on a long exactly at the first close more than the threshold below the running peak (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.04, max: 0.04, noNaN: true }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0.01, max: 0.1, noNaN: true }), (steps, threshold) => {
        const ctx = new StubContext(1_000_000, [AAA]);
        const stop = new TrailingStopRiskManagementModel({ threshold });
        ctx.fill(AAA, 10, 100);
        let price = 100;
        let peak = 100;
        let expected = -1;
        let fired = -1;
        steps.forEach((step, i) => {
          price *= 1 + step;
          peak = Math.max(peak, price);
          if (expected < 0 && (peak - price) / peak > threshold) expected = i;
          ctx.price(AAA, price);
          if (stop.manageRisk(ctx, []).length > 0 && fired < 0) fired = i;
        });
        expect(fired).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('TrailingStopRiskManagementModel: options', () => {
  it('names the offending option', () => {
    expect(() => new TrailingStopRiskManagementModel({ threshold: 0 })).toThrow(/threshold/);
    expect(() => new TrailingStopRiskManagementModel({ threshold: 1.5 })).toThrow(/threshold/);
    expect(() => new TrailingStopRiskManagementModel({ mode: 'atr', threshold: 0.05 })).toThrow(/threshold/);
    expect(() => new TrailingStopRiskManagementModel({ atrMultiple: 2 })).toThrow(/atrMultiple/);
    expect(() => new TrailingStopRiskManagementModel({ mode: 'atr', atrPeriod: 0 })).toThrow(/atrPeriod/);
    expect(() => new TrailingStopRiskManagementModel({ basis: 'equity' as 'price' })).toThrow(/basis/);
  });

  it('defaults to a 5 % percent stop on the close price, named after its class', () => {
    const stop = new TrailingStopRiskManagementModel();
    expect([stop.name, stop.mode, stop.threshold, stop.basis, stop.watermark, stop.dailyReset]).toEqual(['TrailingStopRiskManagementModel', 'percent', 0.05, 'price', 'close', false]);
    expect(new TrailingStopRiskManagementModel({ name: 'Stop2' }).name).toBe('Stop2');
  });
});

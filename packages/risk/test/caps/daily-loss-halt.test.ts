import { EventDrivenBacktester, SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { DailyLossHalt } from '../../src/index.js';
import { ScriptedAlpha, StubContext, T0, algorithm, barsFromCloses } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');
const HOUR = 3_600_000;

describe('DailyLossHalt', () => {
  // Hourly bars from midnight UTC: bars 0–23 are day 1, 24–29 day 2.
  // Bar 1: weight 0.5 → 500 at 100 (fills bar 2). Bar 5 at 96.5: equity 98,250 (−1.75 %). Bar 6 at 95.8: equity 97,900,
  // −2.1 % of the day's start (100,000) → halt. Bar 8: weight 0.8 (an increase) → blocked. Bar 10: weight 0.2 (a
  // reduction to trunc(0.2 × 97,900 / 95.8) = 204) → passes, −296 filled at bar 11. Day 2, bar 24: weight 0.8 → passes:
  // equity = 50,000 + 296 × 95.8 + 204 × 96 = 97,940.8, target trunc(0.8 × 97,940.8 / 96) = 816, +612 at bar 25.
  const closes = [100, 100, 100, 100, 98, 96.5, ...Array<number>(18).fill(95.8), ...Array<number>(6).fill(96)];
  const data = barsFromCloses({ 'AAA.X': closes }, HOUR);
  const alpha = new ScriptedAlpha(
    {
      1: [{ symbol: A, direction: 'up', weight: 0.5 }],
      8: [{ symbol: A, direction: 'up', weight: 0.8 }],
      10: [{ symbol: A, direction: 'up', weight: 0.2 }],
      24: [{ symbol: A, direction: 'up', weight: 0.8 }],
    },
    HOUR,
  );

  it('halts at the first bar more than 2 % below the day start, blocks entries that day, passes reductions, lifts the next day', () => {
    const result = new EventDrivenBacktester({ freePortfolioValuePct: 0 }).run(algorithm({ alpha, risk: new DailyLossHalt({ maxDailyLoss: 0.02 }) }), data);
    expect(result.riskEvents.map((e) => [Math.round((e.time - T0) / HOUR), e.action])).toEqual([
      [6, 'halt'],
      [8, 'block'],
    ]);
    expect(result.riskEvents[0]!.details).toMatchObject({ day: '2020-01-01', startEquity: 100_000, equity: 97_900 });
    expect(result.riskEvents[0]!.details['loss']).toBeCloseTo(0.021, 12);
    expect(result.riskEvents[1]).toMatchObject({ symbol: 'AAA.X', details: { target: 817, position: 500, after: 500 } });
    expect(result.fills.map((f) => [Math.round((f.time - T0) / HOUR), f.quantity, f.price])).toEqual([
      [2, 500, 100],
      [11, -296, 95.8],
      [25, 612, 96],
    ]);
  });

  it('does not halt at exactly the limit, and turns a flip into a close while halted', () => {
    const ctx = new StubContext(100_000, [A]);
    const model = new DailyLossHalt({ maxDailyLoss: 0.25 });
    ctx.fill(A, 1000, 100);
    model.manageRisk(ctx, []);
    ctx.time += HOUR;
    ctx.price(A, 75); // equity 75,000: exactly −25 %
    model.manageRisk(ctx, []);
    expect(model.halted).toBe(false);
    ctx.time += HOUR;
    ctx.price(A, 74.9);
    const out = model.manageRisk(ctx, [{ symbol: A, quantity: -500, tag: 'flip' }]);
    expect(model.halted).toBe(true);
    expect(out).toEqual([{ symbol: A, quantity: 0, tag: 'flip' }]);
    expect(ctx.decisions.map((d) => d.action)).toEqual(['halt', 'block']);
    expect(model.dayStartEquity).toBe(100_000);
  });

  it('takes the next day’s start from the last equity of the previous day', () => {
    const ctx = new StubContext(100_000, [A]);
    const model = new DailyLossHalt({ maxDailyLoss: 0.1 });
    ctx.fill(A, 1000, 100);
    model.manageRisk(ctx, []);
    ctx.time += 23 * HOUR;
    ctx.price(A, 80);
    model.manageRisk(ctx, []); // day 1 ends at 80,000, halted (−20 %)
    expect(model.halted).toBe(true);
    ctx.time += 2 * HOUR;
    ctx.price(A, 79);
    model.manageRisk(ctx, []);
    expect(model.dayStartEquity).toBe(80_000);
    expect(model.halted).toBe(false);
  });

  it('names the offending option', () => {
    expect(() => new DailyLossHalt({ maxDailyLoss: 0 })).toThrow(/maxDailyLoss/);
  });
});

import { EventDrivenBacktester, SeededRandom, SymbolId, type PortfolioTarget, type RiskManagementModel } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cornishFisherVaR, NoOpRiskModel, TVaRInterceptor } from '../../src/index.js';
import { DAY, StubContext, T0, algorithm, barsFromCloses, ScriptedAlpha } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');

/** φ(Φ⁻¹(0.95)) / 0.05, the normal TVaR factor at 95 % (tabulated: z = 1.6448536269514722). */
const TVAR_FACTOR_95 = Math.exp(-(1.6448536269514722 ** 2) / 2) / Math.sqrt(2 * Math.PI) / 0.05;

/** Closes from a start price and simple returns. */
function closesFrom(start: number, returns: readonly number[]): number[] {
  const out = [start];
  for (const r of returns) out.push(out[out.length - 1]! * (1 + r));
  return out;
}

/** Sample mean and sd (n − 1), computed here by hand. */
function meanSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
  return { mean, sd };
}

/** Normal TVaR at 95 % of a return series, by hand. */
function handTVaR(xs: readonly number[]): number {
  const { mean, sd } = meanSd(xs);
  return -mean + sd * TVAR_FACTOR_95;
}

const rA = [0.02, -0.03, 0.01, -0.04, 0.05, -0.02, 0.015, -0.025, 0.03, -0.01];
const rB = [-0.01, 0.02, -0.015, 0.03, -0.02, 0.01, -0.005, 0.02, -0.03, 0.025];

function crafted(): { ctx: StubContext; pa: number; pb: number } {
  const ctx = new StubContext(100_000, [A, B]);
  const ca = closesFrom(100, rA);
  const cb = closesFrom(50, rB);
  ctx.setHistory(A, 'close', ca).setHistory(B, 'close', cb);
  const pa = ca.at(-1)!;
  const pb = cb.at(-1)!;
  ctx.price(A, pa).price(B, pb);
  return { ctx, pa, pb };
}

describe('TVaRInterceptor: the numbers on a crafted return history', () => {
  it('estimates the parametric TVaR of the proposed book and scales it to the limit', () => {
    const { ctx, pa, pb } = crafted();
    const qa = 400;
    const qb = 900;
    const wa = (qa * pa) / 100_000;
    const wb = (qb * pb) / 100_000;
    const book = rA.map((r, t) => wa * r + wb * rB[t]!);
    const expected = handTVaR(book);
    const limit = expected / 2.5;
    const interceptor = new TVaRInterceptor({ limit, lookback: 10 });
    const out = interceptor.manageRisk(ctx, [
      { symbol: A, quantity: qa },
      { symbol: B, quantity: qb },
    ]);
    const decision = ctx.decisions[0]!;
    expect(decision).toMatchObject({ model: 'TVaRInterceptor', action: 'scale' });
    expect(decision.details!['estimate']).toBeCloseTo(expected, 12);
    expect(decision.details).toMatchObject({ method: 'parametric', alpha: 0.95, limit, lookback: 10, policy: 'scale', reached: true });
    expect(decision.details!['factor']).toBeCloseTo(0.4, 12);
    expect(decision.details!['after']).toBeCloseTo(limit, 12);
    // Shares scaled by 0.4, truncated toward zero: 400 → 160, 900 → 360.
    expect(out).toEqual([
      { symbol: A, quantity: 160 },
      { symbol: B, quantity: 360 },
    ]);
  });

  it('sees the co-movement: two legs that offset each other pass, the same gross in one direction does not', () => {
    const ctx = new StubContext(100_000, [A, B]);
    const same = closesFrom(100, rA);
    ctx.setHistory(A, 'close', same).setHistory(B, 'close', same).price(A, same.at(-1)!).price(B, same.at(-1)!);
    const limit = 0.01;
    const hedged = [
      { symbol: A, quantity: 400 },
      { symbol: B, quantity: -400 },
    ];
    const interceptor = new TVaRInterceptor({ limit, lookback: 10 });
    expect(interceptor.manageRisk(ctx, hedged)).toBe(hedged);
    expect(ctx.decisions).toHaveLength(0);
    const outright = [
      { symbol: A, quantity: 400 },
      { symbol: B, quantity: 400 },
    ];
    expect(interceptor.manageRisk(ctx, outright)).not.toBe(outright);
    expect(ctx.decisions).toHaveLength(1);
  });

  it('uses the historical expected shortfall: the mean of the losses at or beyond the 95 % quantile', () => {
    // 21 returns of one asset held at weight 1 (quantity × price = equity): h = (21 − 1) × 0.95 = 19, so the
    // historical VaR is the 2nd largest loss (0.06) and the ES the mean of the two largest losses, (0.06 + 0.09) / 2.
    const returns = [0.01, -0.02, 0.015, -0.06, 0.02, 0.005, -0.01, 0.03, -0.09, 0.01, 0.0, 0.012, -0.015, 0.02, -0.005, 0.01, 0.025, -0.03, 0.004, 0.006, -0.02];
    const ctx = new StubContext(100_000, [A]);
    const closes = closesFrom(100, returns);
    ctx.setHistory(A, 'close', closes).price(A, 100_000 / 1000);
    const interceptor = new TVaRInterceptor({ method: 'historical', limit: 0.05, lookback: 21 });
    interceptor.manageRisk(ctx, [{ symbol: A, quantity: 1000 }]);
    const details = ctx.decisions[0]!.details!;
    expect(details['estimate']).toBeCloseTo(0.075, 12);
    expect(details['factor']).toBeCloseTo(0.05 / 0.075, 12);
  });

  it('uses the Cornish-Fisher VaR of the book returns as the estimate for cornish_fisher', () => {
    const { ctx, pa, pb } = crafted();
    const wa = (300 * pa) / 100_000;
    const wb = (-200 * pb) / 100_000;
    const book = rA.map((r, t) => wa * r + wb * rB[t]!);
    const interceptor = new TVaRInterceptor({ method: 'cornish_fisher', limit: 0.001, lookback: 10, alpha: 0.99 });
    interceptor.manageRisk(ctx, [
      { symbol: A, quantity: 300 },
      { symbol: B, quantity: -200 },
    ]);
    expect(ctx.decisions[0]!.details!['estimate']).toBeCloseTo(cornishFisherVaR(book, 0.99), 12);
  });

  it('with holdings it does not target, finds the largest scale that meets the limit', () => {
    const { ctx, pa, pb } = crafted();
    ctx.fill(B, 300, pb); // held, not targeted
    ctx.price(A, pa);
    const equity = ctx.portfolio.equity;
    const wb = (300 * pb) / equity;
    const wa = (600 * pa) / equity;
    const at = (f: number): number => handTVaR(rA.map((r, t) => wb * rB[t]! + f * wa * r));
    const limit = (at(0) + at(1)) / 2;
    new TVaRInterceptor({ limit, lookback: 10 }).manageRisk(ctx, [{ symbol: A, quantity: 600 }]);
    const { factor, after, reached } = ctx.decisions[0]!.details! as { factor: number; after: number; reached: boolean };
    expect(reached).toBe(true);
    expect(at(factor)).toBeLessThanOrEqual(limit * (1 + 1e-12));
    expect(at(factor + 1e-6)).toBeGreaterThan(limit);
    expect(after).toBeCloseTo(limit, 9);
  });

  it('scales proposed targets to zero when the untouched holdings alone breach the limit', () => {
    const { ctx, pa, pb } = crafted();
    ctx.fill(B, 1500, pb);
    ctx.price(A, pa);
    const out = new TVaRInterceptor({ limit: 0.001, lookback: 10 }).manageRisk(ctx, [{ symbol: A, quantity: 100 }]);
    expect(out).toEqual([{ symbol: A, quantity: 0 }]);
    expect(ctx.decisions[0]!.details).toMatchObject({ factor: 0, reached: false });
  });

  it('cancel drops the targets that add exposure, keeps those that reduce, and cancels the dropped insights', () => {
    const { ctx, pa, pb } = crafted();
    ctx.fill(B, 1000, pb);
    ctx.price(A, pa);
    const ia = ctx.insight({ symbol: A, direction: 'up' });
    const ib = ctx.insight({ symbol: B, direction: 'up' });
    const interceptor = new TVaRInterceptor({ limit: 0.001, lookback: 10, policy: 'cancel' });
    const out = interceptor.manageRisk(ctx, [
      { symbol: A, quantity: 500 },
      { symbol: B, quantity: 400 },
    ]);
    expect(out).toEqual([{ symbol: B, quantity: 400 }]);
    expect([ia.cancelled, ib.cancelled]).toEqual([true, false]);
    expect(ctx.decisions[0]).toMatchObject({ action: 'cancel', details: { dropped: 1, kept: 1, method: 'parametric', limit: 0.001 } });
  });

  it('does nothing without proposed targets, under the limit, or with too short a history', () => {
    const { ctx } = crafted();
    ctx.fill(A, 900, 100);
    const none: PortfolioTarget[] = [];
    const interceptor = new TVaRInterceptor({ limit: 0.0001, lookback: 10 });
    expect(interceptor.manageRisk(ctx, none)).toBe(none);
    const small = [{ symbol: B, quantity: 1 }];
    expect(new TVaRInterceptor({ limit: 0.5, lookback: 10 }).manageRisk(ctx, small)).toBe(small);
    const fresh = new StubContext(100_000, [A]);
    fresh.setHistory(A, 'close', [100, 101]).price(A, 101);
    const one = [{ symbol: A, quantity: 500 }];
    expect(new TVaRInterceptor({ limit: 0.0001 }).manageRisk(fresh, one)).toBe(one);
    expect(ctx.decisions).toHaveLength(0);
    expect(fresh.decisions).toHaveLength(0);
  });

  it('checks the output of its inner model, and forwards universe changes to it', () => {
    const { ctx } = crafted();
    const changes: unknown[] = [];
    const inner: RiskManagementModel = {
      name: 'Doubler',
      manageRisk: (_c, targets) => targets.map((t) => ({ symbol: t.symbol, quantity: (t.quantity ?? 0) * 2 })),
      onSecuritiesChanged: (_c, change) => changes.push(change),
    };
    const interceptor = new TVaRInterceptor({ inner, limit: 0.5, lookback: 10 });
    expect(interceptor.manageRisk(ctx, [{ symbol: A, quantity: 5 }])).toEqual([{ symbol: A, quantity: 10 }]);
    interceptor.onSecuritiesChanged(ctx, { added: [A], removed: [] });
    expect(changes).toHaveLength(1);
    expect(new TVaRInterceptor({ limit: 0.1 }).inner).toBeInstanceOf(NoOpRiskModel);
  });

  it('meets the limit after scaling, for any book of two legs (property)', () => {
    // The guarantee holds for the scaled book before the shares are truncated; truncation can only
    // move each leg toward zero by less than one share.
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2000, max: 2000 }), fc.double({ min: 0.0005, max: 0.02, noNaN: true }), (qa, qb, limit) => {
        const { ctx, pa, pb } = crafted();
        const interceptor = new TVaRInterceptor({ limit, lookback: 10 });
        const out = interceptor.manageRisk(ctx, [
          { symbol: A, quantity: qa },
          { symbol: B, quantity: qb },
        ]);
        const book = rA.map((r, t) => ((qa * pa) / 100_000) * r + ((qb * pb) / 100_000) * rB[t]!);
        const before = handTVaR(book);
        if (!(before > limit)) {
          expect(ctx.decisions).toHaveLength(0);
          return;
        }
        const factor = ctx.decisions[0]!.details!['factor'] as number;
        expect(factor).toBeGreaterThanOrEqual(0);
        expect(factor).toBeLessThan(1);
        expect(handTVaR(book.map((x) => x * factor))).toBeLessThanOrEqual(limit * (1 + 1e-9));
        for (const [i, q] of [qa, qb].entries()) {
          const scaled = out[i]!.quantity!;
          expect(Math.abs(scaled)).toBeLessThanOrEqual(Math.abs(q));
          expect(Math.abs(scaled - q * factor)).toBeLessThan(1);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('names the offending option', () => {
    expect(() => new TVaRInterceptor({ limit: 0 })).toThrow(/limit/);
    expect(() => new TVaRInterceptor({ limit: 0.02, alpha: 1 })).toThrow(/alpha/);
    expect(() => new TVaRInterceptor({ limit: 0.02, lookback: 3, method: 'cornish_fisher' })).toThrow(/lookback/);
    expect(() => new TVaRInterceptor({ limit: 0.02, policy: 'halve' as 'scale' })).toThrow(/policy/);
    expect(() => new TVaRInterceptor({ limit: 0.02, inner: {} as RiskManagementModel })).toThrow(/inner/);
  });
});

describe('TVaRInterceptor in a backtest', () => {
  function walk(seed: number, n: number, start: number, vol: number): number[] {
    const rng = new SeededRandom(seed);
    const out = [start];
    for (let i = 1; i < n; i += 1) out.push(Math.round(out[i - 1]! * (1 + vol * rng.normal()) * 100) / 100);
    return out;
  }
  const ca = walk(1, 60, 100, 0.02);
  const cb = walk(2, 60, 50, 0.03);
  const data = barsFromCloses({ 'AAA.X': ca, 'BBB.X': cb });
  const alpha = (): ScriptedAlpha =>
    new ScriptedAlpha({
      40: [
        { symbol: A, direction: 'up', weight: 0.5 },
        { symbol: B, direction: 'up', weight: 0.5 },
      ],
    });
  const backtester = new EventDrivenBacktester({ initialCash: 100_000, freePortfolioValuePct: 0 });
  // What the portfolio model asks for at bar 40: trunc(0.5 × 100,000 / close_40) shares of each.
  const qa = Math.trunc(50_000 / ca[40]!);
  const qb = Math.trunc(50_000 / cb[40]!);
  // The book's daily returns over the 30 bars up to bar 40, and its normal TVaR, by hand.
  const wa = (qa * ca[40]!) / 100_000;
  const wb = (qb * cb[40]!) / 100_000;
  const book: number[] = [];
  for (let t = 11; t <= 40; t += 1) book.push(wa * (ca[t]! / ca[t - 1]! - 1) + wb * (cb[t]! / cb[t - 1]! - 1));
  const estimate = handTVaR(book);
  const limit = 0.01;

  it('scales the alpha’s entries: the fills are the scaled quantities, and the decision is logged', () => {
    expect(estimate).toBeGreaterThan(limit);
    const risk = new TVaRInterceptor({ limit, lookback: 30 });
    const result = backtester.run(algorithm({ alpha: alpha(), risk }), data);
    const events = result.riskEvents.filter((e) => e.model === 'TVaRInterceptor');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ time: T0 + 40 * DAY, action: 'scale', symbol: null });
    expect(events[0]!.details['estimate']).toBeCloseTo(estimate, 12);
    const factor = limit / estimate;
    expect(result.fills.map((f) => [f.time, f.symbol.value, f.quantity])).toEqual([
      [T0 + 41 * DAY, 'AAA.X', Math.trunc(qa * factor)],
      [T0 + 41 * DAY, 'BBB.X', Math.trunc(qb * factor)],
    ]);
  });

  it('cancels the alpha’s entries: no order, no fill, the insights cancelled, the decision logged', () => {
    const risk = new TVaRInterceptor({ limit, lookback: 30, policy: 'cancel' });
    const result = backtester.run(algorithm({ alpha: alpha(), risk }), data);
    expect(result.orders).toHaveLength(0);
    expect(result.fills).toHaveLength(0);
    expect(result.riskEvents).toHaveLength(1);
    expect(result.riskEvents[0]).toMatchObject({ time: T0 + 40 * DAY, action: 'cancel', details: { dropped: 2, kept: 0, method: 'parametric', limit } });
    expect(result.riskEvents[0]!.details['estimate']).toBeCloseTo(estimate, 12);
  });

  it('lets the entries through unchanged under the limit', () => {
    const result = backtester.run(algorithm({ alpha: alpha(), risk: new TVaRInterceptor({ limit: 0.5, lookback: 30 }) }), data);
    expect(result.riskEvents).toHaveLength(0);
    expect(result.fills.map((f) => f.quantity)).toEqual([qa, qb]);
  });
});

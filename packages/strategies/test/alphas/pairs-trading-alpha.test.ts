import { SeededRandom, SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { PairsTradingAlpha } from '../../src/alphas/pairs-trading-alpha.js';
import { ScheduledUniverse } from '../../src/universe/scheduled-universe.js';
import { brief, DAY, emitted, expectFillsAtNextOpen, makeBars, runAlpha, T0, tradeAlpha } from './fixtures.js';

const A = 'AAA.X';
const B = 'BBB.X';
const C = 'CCC.X';
const N = 60;
const LOOKBACK = 20;

/**
 * log b: a random walk (1% steps); log a = 0.5 + 1.5 log b + small noise, with a
 * +4% shock on bars 40–43; c: an independent random walk.
 */
function panel(): { a: number[]; b: number[]; c: number[] } {
  const rng = new SeededRandom(7);
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  let lb = Math.log(50);
  let lc = Math.log(80);
  for (let i = 0; i < N; i += 1) {
    lb += 0.01 * rng.normal();
    lc += 0.01 * rng.normal();
    const shock = i >= 40 && i <= 43 ? 0.04 : 0;
    a.push(Math.exp(0.5 + 1.5 * lb + 0.002 * rng.normal() + shock));
    b.push(Math.exp(lb));
    c.push(Math.exp(lc));
  }
  return { a, b, c };
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
function corr(x: number[], y: number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i]! - my);
    sxx += (xi - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}
const diff = (xs: number[]): number[] => xs.slice(1).map((x, i) => x - xs[i]!);

/**
 * Reference: select at bar LOOKBACK on the window of LOOKBACK + 1 log prices, then
 * trade the spread with a z-score recomputed from scratch over the last LOOKBACK spreads.
 */
function reference(p: { a: number[]; b: number[]; c: number[] }, entry: number, exit: number): { pair: [string, string]; beta: number; insights: [number, string, string][] } {
  const logs: Record<string, number[]> = { [A]: p.a.map(Math.log), [B]: p.b.map(Math.log), [C]: p.c.map(Math.log) };
  const w = (s: string): number[] => logs[s]!.slice(0, LOOKBACK + 1);
  const candidates = [
    [A, B],
    [A, C],
    [B, C],
  ]
    .map(([x, y]) => ({ x: x!, y: y!, r: corr(diff(w(x!)), diff(w(y!))) }))
    .filter((c) => c.r >= 0.8)
    .sort((u, v) => v.r - u.r);
  const best = candidates[0]!;
  const la = w(best.x);
  const lb = w(best.y);
  const beta = corr(la, lb) * Math.sqrt(mean(la.map((v) => (v - mean(la)) ** 2)) / mean(lb.map((v) => (v - mean(lb)) ** 2)));
  const spread = logs[best.x]!.map((v, i) => v - beta * logs[best.y]![i]!);
  const insights: [number, string, string][] = [];
  let held = 0;
  for (let t = LOOKBACK; t < N; t += 1) {
    const win = spread.slice(t - LOOKBACK + 1, t + 1);
    const m = mean(win);
    const sd = Math.sqrt(win.reduce((s, v) => s + (v - m) ** 2, 0) / (LOOKBACK - 1));
    const z = (spread[t]! - m) / sd;
    const wanted = z > entry ? -1 : z < -entry ? 1 : Math.abs(z) < exit ? 0 : held;
    if (wanted === held) continue;
    const da = wanted > 0 ? 'up' : wanted < 0 ? 'down' : 'flat';
    const db = wanted > 0 ? 'down' : wanted < 0 ? 'up' : 'flat';
    insights.push([t, best.x, da], [t, best.y, db]);
    held = wanted;
  }
  return { pair: [best.x, best.y], beta, insights };
}

const options = { lookback: LOOKBACK, minCorrelation: 0.8, entry: 2, exit: 0.5, reselect: { kind: 'bars', every: 1000 } as const };

describe('PairsTradingAlpha', () => {
  const p = panel();
  const data = makeBars({ [A]: p.a, [B]: p.b, [C]: p.c });
  const ref = reference(p, 2, 0.5);

  it('selects the correlated pair with its OLS hedge ratio, as recomputed from scratch', () => {
    const alpha = new PairsTradingAlpha(options);
    runAlpha(alpha, data);
    const [pair] = alpha.selectedPairs;
    expect(alpha.selectedPairs).toHaveLength(1);
    expect([pair!.a.value, pair!.b.value]).toEqual(ref.pair);
    expect(ref.pair).toEqual([A, B]);
    expect(pair!.beta).toBeCloseTo(ref.beta, 10);
    expect(pair!.beta).toBeGreaterThan(1.3); // the generating ratio is 1.5
    expect(pair!.beta).toBeLessThan(1.7);
  });

  it('emits opposite insights on the legs at the bars where |z| crosses entry and exit', () => {
    const list = emitted(runAlpha(new PairsTradingAlpha(options), data));
    expect(brief(list)).toEqual(ref.insights);
    // The +4% shock on AAA at bar 40 makes the spread rich: short AAA, long BBB there.
    expect(brief(list).filter(([i]) => i === 40)).toEqual([
      [40, A, 'down'],
      [40, B, 'up'],
    ]);
    for (let i = 0; i < list.length; i += 2) {
      expect(list[i]!.index).toBe(list[i + 1]!.index);
      const dirs = [list[i]!.direction, list[i + 1]!.direction].sort();
      expect(dirs).toEqual(dirs[0] === 'flat' ? ['flat', 'flat'] : ['down', 'up']);
    }
  });

  it('trades nothing when no candidate pair is correlated enough', () => {
    const list = emitted(runAlpha(new PairsTradingAlpha({ ...options, pairs: [[A, C]] }), data));
    expect(list).toEqual([]);
  });

  it('puts period, weight and confidence on both legs', () => {
    const list = emitted(runAlpha(new PairsTradingAlpha({ ...options, period: 30, weight: 0.5, confidence: 0.9 }), data));
    expect(list.length).toBeGreaterThan(0);
    for (const e of list) expect([e.period, e.weight, e.confidence, e.magnitude]).toEqual([30 * DAY, 0.5, 0.9, null]);
  });

  it('flattens the remaining leg when the other leaves the universe with a position open', () => {
    // BBB leaves at bar 41, while the short-spread position of bar 40 is open.
    const a = SymbolId.parse(A);
    const b = SymbolId.parse(B);
    const c = SymbolId.parse(C);
    const universe = new ScheduledUniverse({
      schedule: { kind: 'bars', every: 1 },
      selector: (ctx) => (ctx.time >= T0 + 41 * DAY ? [a, c] : [a, b, c]),
    });
    const list = emitted(runAlpha(new PairsTradingAlpha(options), data, { universe }));
    const after = brief(list).filter(([i]) => i >= 40);
    expect(after).toEqual([
      [40, A, 'down'],
      [40, B, 'up'],
      [41, A, 'flat'],
    ]);
  });

  it('fills both legs at the open of the bar after the insight bar (end to end)', () => {
    const result = tradeAlpha(new PairsTradingAlpha(options), data);
    const filled = expectFillsAtNextOpen(result, data);
    expect(filled).toContain(41);
    expect(result.fills.filter((f) => f.time === T0 + 41 * DAY).map((f) => [f.symbol.value, Math.sign(f.quantity)])).toEqual(
      expect.arrayContaining([
        [A, -1],
        [B, 1],
      ]),
    );
  });

  it('validates its options', () => {
    expect(() => new PairsTradingAlpha({ lookback: 1 })).toThrow(/lookback/);
    expect(() => new PairsTradingAlpha({ minCorrelation: 2 })).toThrow(/minCorrelation/);
    expect(() => new PairsTradingAlpha({ entry: 1, exit: 2 })).toThrow(/exit/);
    expect(() => new PairsTradingAlpha({ pairs: [[A, A]] })).toThrow(/pairs\.0/);
    expect(() => new PairsTradingAlpha({ pairs: [[A, 'not a symbol']] })).toThrow(/pairs\.0\.1/);
  });
});

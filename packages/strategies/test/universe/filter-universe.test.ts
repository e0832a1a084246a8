import { describe, expect, it } from 'vitest';
import { FilterUniverse } from '../../src/universe/filter-universe.js';
import { DAY, makeBars, T0 } from '../alphas/fixtures.js';
import { changesByStage, runWithSpies } from './spies.js';

// Constant closes; dollar volume = close × volume per bar:
//   AAA  close 10,  volume 1,000                  → 10,000
//   BBB  close 50,  volume 100 (bars 0–4), 1,000 (bars 5–8) → 5,000 then 50,000
//   CCC  close 200, volume 100                    → 20,000
//   DDD  close 5,   volume 8,000                  → 40,000
const N = 9;
const flat = (v: number): number[] => Array.from({ length: N }, () => v);
const DATA = makeBars({
  'AAA.X': { close: flat(10), volume: flat(1_000) },
  'BBB.X': { close: flat(50), volume: Array.from({ length: N }, (_, i) => (i < 5 ? 100 : 1_000)) },
  'CCC.X': { close: flat(200), volume: flat(100) },
  'DDD.X': { close: flat(5), volume: flat(8_000) },
});
const firstBar = (universe: FilterUniverse): string[] => runWithSpies(universe, DATA).active[0]!;

describe('FilterUniverse', () => {
  it('keeps the top N by average dollar volume, most liquid first', () => {
    expect(firstBar(new FilterUniverse({ topN: 2 }))).toEqual(['CCC.X', 'DDD.X']); // DDD 40k, CCC 20k (spies sort names)
    expect(firstBar(new FilterUniverse({}))).toEqual(['AAA.X', 'BBB.X', 'CCC.X', 'DDD.X']);
  });

  it('applies the price range and the predicate before ranking', () => {
    // minPrice 8 drops DDD (5): CCC 20k, AAA 10k.
    expect(firstBar(new FilterUniverse({ topN: 2, minPrice: 8 }))).toEqual(['AAA.X', 'CCC.X']);
    // maxPrice 100 drops CCC (200): DDD 40k, AAA 10k.
    expect(firstBar(new FilterUniverse({ topN: 2, maxPrice: 100 }))).toEqual(['AAA.X', 'DDD.X']);
    // Both bounds are inclusive.
    expect(firstBar(new FilterUniverse({ minPrice: 10, maxPrice: 50 }))).toEqual(['AAA.X', 'BBB.X']);
    expect(firstBar(new FilterUniverse({ topN: 2, predicate: (s) => s.value !== 'DDD.X' }))).toEqual(['AAA.X', 'CCC.X']);
  });

  it('re-screens only when refresh is due, and changes reach every stage (end to end)', () => {
    // topN 2, lookback 2, every 3 bars → screens at bars 0, 3, 6.
    // bar 0, 3: DDD 40k, CCC 20k, AAA 10k, BBB 5k → {DDD, CCC}.
    // bar 6: BBB's last two bars (5, 6) average 50k → {BBB, DDD}: BBB added, CCC removed.
    const universe = new FilterUniverse({ topN: 2, lookback: 2, refresh: { kind: 'bars', every: 3 } });
    const { log, active } = runWithSpies(universe, DATA);
    const expected = [
      { time: T0, added: ['CCC.X', 'DDD.X'], removed: [] },
      { time: T0 + 6 * DAY, added: ['BBB.X'], removed: ['CCC.X'] },
    ];
    expect(changesByStage(log)).toEqual({ alpha: expected, portfolio: expected, risk: expected, execution: expected });
    // BBB's jump at bar 5 is not seen before the refresh at bar 6.
    expect(active.map((a) => a.join(','))).toEqual([...Array(6).fill('CCC.X,DDD.X'), ...Array(3).fill('BBB.X,DDD.X')]);
  });

  it('averages over the lookback: a longer window smooths out a recent spike', () => {
    // lookback 4 at bar 6 (bars 3–6): BBB = (2 × 5k + 2 × 50k) / 4 = 27,500 > CCC 20k → {DDD, BBB}.
    // lookback 8 at bar 6 (7 bars known): BBB = (5 × 5k + 2 × 50k) / 7 = 17,857 < CCC 20k → {DDD, CCC}: no change.
    const four = runWithSpies(new FilterUniverse({ topN: 2, lookback: 4, refresh: { kind: 'bars', every: 3 } }), DATA).active;
    expect(four[6]).toEqual(['BBB.X', 'DDD.X']);
    const eight = runWithSpies(new FilterUniverse({ topN: 2, lookback: 8, refresh: { kind: 'bars', every: 3 } }), DATA);
    expect(eight.active[8]).toEqual(['CCC.X', 'DDD.X']);
    expect(eight.log.filter((r) => r.stage === 'alpha')).toHaveLength(1);
  });

  it('computes the average dollar volume over the available bars', () => {
    const universe = new FilterUniverse({ lookback: 3 });
    let seen: number[] = [];
    runWithSpies(universe, DATA, (ctx) => {
      if (ctx.time === T0 + 6 * DAY) seen = ctx.securities.available.map((s) => universe.dollarVolume(ctx, s));
      if (ctx.time === T0) expect(universe.dollarVolume(ctx, ctx.securities.available[1]!)).toBe(5_000);
    });
    // bar 6, last 3 bars (4, 5, 6): BBB = (5k + 50k + 50k) / 3 = 35k.
    expect(seen).toEqual([10_000, 35_000, 20_000, 40_000]);
  });

  it('validates its options', () => {
    expect(() => new FilterUniverse({ topN: 0 })).toThrow(/topN/);
    expect(() => new FilterUniverse({ lookback: 0 })).toThrow(/lookback/);
    expect(() => new FilterUniverse({ minPrice: -1 })).toThrow(/minPrice/);
    expect(() => new FilterUniverse({ minPrice: 10, maxPrice: 5 })).toThrow(/maxPrice/);
    expect(() => new FilterUniverse({ refresh: { kind: 'bars', every: -1 } })).toThrow(/every/);
  });
});

import { CompositeAlphaModel, InvalidArgumentError, SymbolId } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DualMACrossoverAlpha } from '../../src/alphas/dual-ma-crossover-alpha.js';
import { sma } from '../../src/indicators/sma.js';
import { ScheduledUniverse } from '../../src/universe/scheduled-universe.js';
import { brief, DAY, emitted, expectFillsAtNextOpen, makeBars, RecordingAlpha, runAlpha, T0, tradeAlpha } from './fixtures.js';

// fast = SMA(2), slow = SMA(4):
//  i  close  SMA2   SMA4                    side
//  0  10     –      –
//  1   9     9.5    –
//  2   8     8.5    –
//  3   7     7.5    (10+9+8+7)/4 = 8.5      below (first ready bar: recorded, no insight)
//  4   8     7.5    (9+8+7+8)/4  = 8        below
//  5  10     9      (8+7+8+10)/4 = 8.25     above  → golden cross: up
//  6  12    11      (7+8+10+12)/4 = 9.25    above
//  7  11    11.5    (8+10+12+11)/4 = 10.25  above
//  8   9    10      (10+12+11+9)/4 = 10.5   below  → death cross: down
//  9   7     8      (12+11+9+7)/4 = 9.75    below
// 10   8     7.5    (11+9+7+8)/4 = 8.75     below
// 11  10     9      (9+7+8+10)/4 = 8.5      above  → golden cross: up
// 12  10    10      (7+8+10+10)/4 = 8.75    above
// 13  10    10      (8+10+10+10)/4 = 9.5    above
// 14  10    10      10                      equal  → no cross, side stays above
// 15  11    10.5    (10+10+10+11)/4 = 10.25 above  → no insight (it never left "above")
const CLOSES = [10, 9, 8, 7, 8, 10, 12, 11, 9, 7, 8, 10, 10, 10, 10, 11];
const A = 'AAA.X';

describe('DualMACrossoverAlpha: crosses on a hand-computed series', () => {
  it('emits up on golden crosses and down on death crosses, at the exact bars', () => {
    const result = runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4 }), makeBars({ [A]: CLOSES }));
    expect(brief(emitted(result))).toEqual([
      [5, A, 'up'],
      [8, A, 'down'],
      [11, A, 'up'],
    ]);
  });

  it('emits flat instead of down when longOnly', () => {
    const result = runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4, longOnly: true }), makeBars({ [A]: CLOSES }));
    expect(brief(emitted(result))).toEqual([
      [5, A, 'up'],
      [8, A, 'flat'],
      [11, A, 'up'],
    ]);
  });

  it('keeps each symbol on its own state when slices alternate between all symbols and some', () => {
    // B has no bar at a third of the timestamps, so the slice's symbols array changes
    // between the full list and [A] (B comes first in data order, so [A] is not a prefix
    // of the full list): each symbol's crosses must be those it has alone.
    const b = [5, 6, 7, 8, 7, 6, 5, 6, 8, 9, 8, 6, 5, 4, 6, 8, 9, 7, 5, 6];
    const at = b.map((_, i) => Math.floor((i * 3) / 2));
    const closesA = Array.from({ length: at.at(-1)! + 1 }, (_, i) => 10 + 3 * Math.sin(i / 2));
    const B = 'BBB.X';
    const both = emitted(runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4 }), makeBars({ [B]: { close: b, at }, [A]: closesA })));
    const aloneA = emitted(runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4 }), makeBars({ [A]: closesA })));
    const aloneB = emitted(runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4 }), makeBars({ [B]: { close: b, at } })));
    // Compared by time: bar indices differ between the runs (B alone has fewer timestamps).
    const timed = (list: typeof both) => list.map((e) => [e.generatedTime, e.symbol, e.direction]);
    const of = (list: typeof both, symbol: string) => timed(list.filter((e) => e.symbol === symbol));
    expect(of(both, A)).toEqual(timed(aloneA));
    expect(of(both, B)).toEqual(timed(aloneB));
    expect(aloneA.length).toBeGreaterThan(2);
    expect(aloneB.length).toBeGreaterThan(1);
  });

  it('treats equal averages as no cross and keeps the side: above → equal → below is one death cross', () => {
    //  i  close SMA2  SMA4
    //  3  13    12.5  11.5   above (recorded)
    //  4  13    13    12.25  above
    //  5  13    13    12.75  above
    //  6  13    13    13     equal
    //  7  13    13    13     equal
    //  8  12    12.5  12.75  below → death cross at 8
    const result = runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4 }), makeBars({ [A]: [10, 11, 12, 13, 13, 13, 13, 13, 12] }));
    expect(brief(emitted(result))).toEqual([[8, A, 'down']]);
  });

  it('ignores a difference of floating-point rounding and does not reset the side on it', () => {
    //  i  close  SMA2                  SMA4
    //  3  0.2    (0.1+0.2)/2 = 0.15    (0.1+0.3+0.1+0.2)/4 = 0.175  below (recorded)
    //  4  0.1    0.15                  0.175                        below
    //  5  0.2    0.15000000000000002   0.15                         mathematically equal: no cross
    //  6  0.1    ≈0.15                 ≈0.15                        mathematically equal
    //  7  0.5    0.3                   (0.1+0.2+0.1+0.5)/4 = 0.225  above → golden cross at 7
    // An exact comparison would call bar 5 a golden cross (and then bar 6 or 7 noise).
    const closes = [0.1, 0.3, 0.1, 0.2, 0.1, 0.2, 0.1, 0.5];
    const result = runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4 }), makeBars({ [A]: closes }));
    // The rounding this test is about: the streaming averages differ at bar 5 by ~3e-17.
    const fast = sma(closes, 2);
    const slow = sma(closes, 4);
    expect(fast[5]! - slow[5]!).toBeGreaterThan(0);
    expect(fast[5]! - slow[5]!).toBeLessThan(1e-12 * 0.15);
    expect(brief(emitted(result))).toEqual([[7, A, 'up']]);
  });

  it('leaves insights open-ended without period, and sets closeTime = generated + period × bar interval with it', () => {
    const open = emitted(runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4 }), makeBars({ [A]: CLOSES })));
    expect(open.map((e) => [e.period, e.closeTime])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    const timed = emitted(runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4, period: 3 }), makeBars({ [A]: CLOSES })));
    expect(timed.map((e) => [e.index, e.period, e.closeTime])).toEqual([
      [5, 3 * DAY, T0 + 8 * DAY],
      [8, 3 * DAY, T0 + 11 * DAY],
      [11, 3 * DAY, T0 + 14 * DAY],
    ]);
  });

  it('uses the smallest bar spacing (not a weekend gap) and honours an explicit barInterval', () => {
    // Bars on days 0,1,2,3,4 then 7,8,… (a weekend after bar 4): the insight at bar 5 (day 7)
    // still gets 2 × 1 day.
    const at = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 21];
    const data = makeBars({ [A]: { close: CLOSES, at } });
    const first = emitted(runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4, period: 2 }), data))[0]!;
    expect([first.index, first.period]).toEqual([5, 2 * DAY]);
    const fixed = emitted(runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4, period: 2, barInterval: 3_600_000 }), data))[0]!;
    expect(fixed.period).toBe(2 * 3_600_000);
  });

  it('puts weight and confidence on every insight, and no magnitude', () => {
    const list = emitted(runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4, weight: 0.25, confidence: 0.6 }), makeBars({ [A]: CLOSES })));
    expect(list).toHaveLength(3);
    for (const e of list) expect([e.weight, e.confidence, e.magnitude]).toEqual([0.25, 0.6, null]);
  });

  it('uses the model name as the insight source', () => {
    const list = emitted(runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4, name: 'fast-cross' }), makeBars({ [A]: CLOSES })));
    expect(new Set(list.map((e) => e.sourceModel))).toEqual(new Set(['fast-cross']));
  });

  it('composes with a second instance under another name: each insight keeps its source', () => {
    const composite = new CompositeAlphaModel([
      new DualMACrossoverAlpha({ fast: 2, slow: 4, name: 'sma-2-4' }),
      new DualMACrossoverAlpha({ fast: 2, slow: 4, name: 'sma-2-4-long', longOnly: true }),
    ]);
    const list = emitted(runAlpha(composite, makeBars({ [A]: CLOSES })));
    expect(list.filter((e) => e.index === 8).map((e) => [e.sourceModel, e.direction])).toEqual([
      ['sma-2-4', 'down'],
      ['sma-2-4-long', 'flat'],
    ]);
  });

  it('returns one shared frozen empty array on every bar without a cross', () => {
    const spy = new RecordingAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4 }));
    runAlpha(spy, makeBars({ [A]: CLOSES, 'BBB.X': CLOSES.map((c) => c * 2) }));
    const empties = spy.results.filter((r) => r.length === 0);
    expect(empties).toHaveLength(CLOSES.length - 3);
    expect(new Set(empties).size).toBe(1);
    expect(Object.isFrozen(empties[0])).toBe(true);
  });

  it('crosses on exponential averages when maType is ema', () => {
    // EMA(2): α = 2/3, seeded with the mean of the first 2; EMA(3): α = 1/2, seeded with the mean of the first 3.
    //  i  close  EMA2                      EMA3
    //  0  10
    //  1  10     10
    //  2  10     10                        10          equal (no side yet)
    //  3   7     10 + 2/3·(7−10) = 8       10 + ½·(7−10) = 8.5     below (recorded)
    //  4   9     8 + 2/3·(9−8) = 8.6667    8.5 + ½·(9−8.5) = 8.75  below
    //  5  10     8.6667 + 2/3·1.3333 = 9.5556   8.75 + ½·1.25 = 9.375   above → up at 5
    const result = runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 3, maType: 'ema' }), makeBars({ [A]: [10, 10, 10, 7, 9, 10] }));
    expect(brief(emitted(result))).toEqual([[5, A, 'up']]);
  });

  it('keeps per-symbol state: two symbols cross independently', () => {
    const mirrored = CLOSES.map((c) => 30 - c); // every cross is reversed
    const result = runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4 }), makeBars({ [A]: CLOSES, 'BBB.X': mirrored }));
    expect(brief(emitted(result))).toEqual([
      [5, A, 'up'],
      [5, 'BBB.X', 'down'],
      [8, A, 'down'],
      [8, 'BBB.X', 'up'],
      [11, A, 'up'],
      [11, 'BBB.X', 'down'],
    ]);
  });

  it('warms a symbol that joins mid-run up from history, so its first cross after joining is emitted', () => {
    // BBB.X joins the universe at bar 7 (AAA.X is always in). Its averages are warmed from
    // bars 3–6 (side "above" at bar 7); the death cross at bar 8 is emitted. Without warm-up
    // SMA(4) would be ready only at bar 10, and the next cross (bar 11) would be missed too.
    const b = SymbolId.parse('BBB.X');
    const a = SymbolId.parse(A);
    const universe = new ScheduledUniverse({
      schedule: { kind: 'bars', every: 1 },
      selector: (ctx) => (ctx.time >= T0 + 7 * DAY ? [a, b] : [a]),
    });
    const result = runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4 }), makeBars({ [A]: CLOSES.map(() => 10), 'BBB.X': CLOSES }), { universe });
    expect(brief(emitted(result))).toEqual([
      [8, 'BBB.X', 'down'],
      [11, 'BBB.X', 'up'],
    ]);
  });

  it('fills at the open of the bar after the insight bar (end to end)', () => {
    const data = makeBars({ [A]: CLOSES });
    const result = tradeAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4 }), data);
    // up at 5 → buy fills at bar 6; down at 8 → sell (reverse) fills at bar 9; up at 11 → fills at 12.
    expect(expectFillsAtNextOpen(result, data)).toEqual([6, 9, 12]);
    // Bar 6's open is bar 5's close (10): trunc(100,000 / 10) = 10,000 shares.
    expect(result.fills[0]!.quantity).toBe(10_000);
  });

  it('validates its options, naming the field', () => {
    expect(() => new DualMACrossoverAlpha({ fast: 0 })).toThrow(InvalidArgumentError);
    expect(() => new DualMACrossoverAlpha({ fast: 5, slow: 5 })).toThrow(/slow/);
    expect(() => new DualMACrossoverAlpha({ maType: 'wma' as 'sma' })).toThrow(/maType/);
    expect(() => new DualMACrossoverAlpha({ period: 1.5 })).toThrow(/period/);
    expect(() => new DualMACrossoverAlpha({ confidence: 2 })).toThrow(/confidence/);
    expect(() => new DualMACrossoverAlpha({ weight: Number.NaN })).toThrow(/weight/);
    expect(() => new DualMACrossoverAlpha({ barInterval: 0 })).toThrow(/barInterval/);
  });
});

/** Reference: SMA crosses recomputed from scratch at every bar (exact on integer prices). */
function referenceCrosses(closes: readonly number[], fast: number, slow: number): [number, string][] {
  const mean = (i: number, n: number): number => closes.slice(i - n + 1, i + 1).reduce((a, b) => a + b, 0) / n;
  const out: [number, string][] = [];
  let side = 0;
  for (let i = slow - 1; i < closes.length; i += 1) {
    const d = mean(i, fast) - mean(i, slow);
    if (d === 0) continue;
    const s = Math.sign(d);
    if (side !== 0 && s !== side) out.push([i, s > 0 ? 'up' : 'down']);
    side = s;
  }
  return out;
}

describe('DualMACrossoverAlpha: properties', () => {
  it('matches a from-scratch recomputation on random integer series, and directions alternate', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 5, maxLength: 40 }), (closes) => {
        const list = emitted(runAlpha(new DualMACrossoverAlpha({ fast: 2, slow: 4 }), makeBars({ [A]: closes })));
        const got = list.map((e) => [e.index, e.direction]);
        expect(got).toEqual(referenceCrosses(closes, 2, 4));
        for (let i = 1; i < got.length; i += 1) expect(got[i]![1]).not.toBe(got[i - 1]![1]);
      }),
      { numRuns: 60 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BreakoutAlpha } from '../../src/alphas/breakout-alpha.js';
import { brief, DAY, emitted, expectFillsAtNextOpen, makeBars, runAlpha, T0, tradeAlpha } from './fixtures.js';

// Donchian channel of the 3 bars BEFORE the current one:
//  i  high  low   close  prior high  prior low   breakout
//  0  11    9     10     –           –
//  1  11    9     10     –           –
//  2  11    9     10     –           –
//  3  12    10    11.5   11          9           up (11.5 > 11; with bar 3 itself the high would be 12: no breakout)
//  4  13    11    12.5   12          9           up again: already up → no insight
//  5  12.5  10.5  11     13          9           –
//  6  12    8     8.5    13          10          down (8.5 < 10)
//  7  9     7     7.5    13          8           down again: already down → no insight
//  8  9     7.5   8.8    12.5        7           –
//  9  12    8.5   11.8   12.5        7           –
// 10  13    11    12.6   12          7           up (12.6 > 12)
const HIGH = [11, 11, 11, 12, 13, 12.5, 12, 9, 9, 12, 13];
const LOW = [9, 9, 9, 10, 11, 10.5, 8, 7, 7.5, 8.5, 11];
const CLOSE = [10, 10, 10, 11.5, 12.5, 11, 8.5, 7.5, 8.8, 11.8, 12.6];
const A = 'AAA.X';
const data = (): ReturnType<typeof makeBars> => makeBars({ [A]: { close: CLOSE, high: HIGH, low: LOW, open: CLOSE.map((c, i) => (i === 0 ? c : CLOSE[i - 1]!)) } });

describe('BreakoutAlpha on a hand-built channel', () => {
  it('emits on closes beyond the prior channel, excluding the current bar, once per direction', () => {
    expect(brief(emitted(runAlpha(new BreakoutAlpha({ lookback: 3 }), data())))).toEqual([
      [3, A, 'up'],
      [6, A, 'down'],
      [10, A, 'up'],
    ]);
  });

  it('emits flat instead of down when longOnly', () => {
    expect(brief(emitted(runAlpha(new BreakoutAlpha({ lookback: 3, longOnly: true }), data())))).toEqual([
      [3, A, 'up'],
      [6, A, 'flat'],
      [10, A, 'up'],
    ]);
  });

  it('re-emits a repeated breakout only once the previous insight expired', () => {
    // period 1: the up of bar 3 closes at bar 4, so bar 4's new high emits again; same for 6 → 7.
    const one = emitted(runAlpha(new BreakoutAlpha({ lookback: 3, period: 1 }), data()));
    expect(brief(one)).toEqual([
      [3, A, 'up'],
      [4, A, 'up'],
      [6, A, 'down'],
      [7, A, 'down'],
      [10, A, 'up'],
    ]);
    expect(one.map((e) => e.closeTime! - e.generatedTime)).toEqual([DAY, DAY, DAY, DAY, DAY]);
    // period 2: the insights of bars 3 and 6 are still active at bars 4 and 7.
    const two = emitted(runAlpha(new BreakoutAlpha({ lookback: 3, period: 2 }), data()));
    expect(two.map((e) => [e.index, e.direction, e.closeTime])).toEqual([
      [3, 'up', T0 + 5 * DAY],
      [6, 'down', T0 + 8 * DAY],
      [10, 'up', T0 + 12 * DAY],
    ]);
  });

  it('puts weight and confidence on its insights', () => {
    const list = emitted(runAlpha(new BreakoutAlpha({ lookback: 3, weight: 0.3, confidence: 0.9 }), data()));
    expect(list.map((e) => [e.weight, e.confidence, e.magnitude])).toEqual([
      [0.3, 0.9, null],
      [0.3, 0.9, null],
      [0.3, 0.9, null],
    ]);
  });

  it('fills at the open of the bar after the insight bar (end to end)', () => {
    const bars = data();
    const result = tradeAlpha(new BreakoutAlpha({ lookback: 3 }), bars);
    // up at 3 → bar 4; down at 6 → bar 7; the up of bar 10 (the last bar) has no next bar to fill on.
    expect(expectFillsAtNextOpen(result, bars)).toEqual([4, 7]);
    // Sized at bar 3's close 11.5, filled at bar 4's open (= 11.5): trunc(100,000 / 11.5) = 8,695.
    expect(result.fills[0]!.quantity).toBe(8_695);
  });

  it('validates its options', () => {
    expect(() => new BreakoutAlpha({ lookback: 0 })).toThrow(/lookback/);
    expect(() => new BreakoutAlpha({ period: -1 })).toThrow(/period/);
  });
});

/** Reference: the channel recomputed from the raw arrays at each bar. */
function reference(high: number[], low: number[], close: number[], n: number): [number, string][] {
  const out: [number, string][] = [];
  let last = 0;
  for (let i = n; i < close.length; i += 1) {
    const hi = Math.max(...high.slice(i - n, i));
    const lo = Math.min(...low.slice(i - n, i));
    const b = close[i]! > hi ? 1 : close[i]! < lo ? -1 : 0;
    if (b !== 0 && b !== last) {
      out.push([i, b > 0 ? 'up' : 'down']);
      last = b;
    }
  }
  return out;
}

describe('BreakoutAlpha: properties', () => {
  it('agrees with a channel recomputed from scratch on random bars', () => {
    const bar = fc.record({ c: fc.integer({ min: 1, max: 30 }), up: fc.integer({ min: 0, max: 3 }), down: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(bar, { minLength: 3, maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (bars, n) => {
        const close = bars.map((b) => b.c);
        const high = bars.map((b) => b.c + b.up);
        const low = bars.map((b) => b.c - b.down);
        const got = emitted(runAlpha(new BreakoutAlpha({ lookback: n }), makeBars({ [A]: { close, high, low } }))).map((e) => [e.index, e.direction]);
        expect(got).toEqual(reference(high, low, close, n));
      }),
      { numRuns: 50 },
    );
  });
});

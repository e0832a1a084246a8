import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RsiReversalAlpha } from '../../src/alphas/rsi-reversal-alpha.js';
import { rsi } from '../../src/indicators/rsi.js';
import { brief, DAY, emitted, expectFillsAtNextOpen, makeBars, runAlpha, T0, tradeAlpha } from './fixtures.js';

// Wilder RSI(2): g, l seeded with the mean of the first two gains/losses, then
// g ← g + (gain − g)/2, l ← l + (loss − l)/2, RSI = 100·g/(g + l).
//  i  close  change  g            l            RSI     zone (oversold 30, overbought 70, hysteresis 5)
//  2  10     −1      0.5          0.5          50      armed
//  3   9     −1      0.25         0.75         25      trips oversold → up
//  4   8     −1      0.125        0.875        12.5    (still tripped)
//  5   8.5   +0.5    0.3125       0.4375       41.67   > 35: re-armed
//  6   9     +0.5    0.40625      0.21875      65
//  7   8     −1      0.203125     0.609375     25      trips oversold → up
//  8   9     +1      0.6015625    0.3046875    66.38   re-armed
//  9  10     +1      0.80078125   0.15234375   84.02   trips overbought → down
// 10  11     +1      0.900390625  0.076171875  92.20   (still tripped)
// 11  10.5   −0.5    0.4501953    0.2880859    60.98   < 65: re-armed
// 12  10     −0.5    0.2250977    0.3940430    36.36
// 13  11     +1      0.6125488    0.1970215    75.66   trips overbought → down
// 14  12     +1                                89.11
// 15  11     −1                                42.33
const CLOSES = [10, 11, 10, 9, 8, 8.5, 9, 8, 9, 10, 11, 10.5, 10, 11, 12, 11];
const A = 'AAA.X';

describe('RsiReversalAlpha on a hand-computed RSI(2) path', () => {
  it('emits up when the RSI trips oversold and down when it trips overbought, at the exact bars', () => {
    const result = runAlpha(new RsiReversalAlpha({ period: 2 }), makeBars({ [A]: CLOSES }));
    expect(brief(emitted(result))).toEqual([
      [3, A, 'up'],
      [7, A, 'up'],
      [9, A, 'down'],
      [13, A, 'down'],
    ]);
  });

  it('emits flat instead of down when longOnly', () => {
    const result = runAlpha(new RsiReversalAlpha({ period: 2, longOnly: true }), makeBars({ [A]: CLOSES }));
    expect(brief(emitted(result)).map(([i, , d]) => [i, d])).toEqual([
      [3, 'up'],
      [7, 'up'],
      [9, 'flat'],
      [13, 'flat'],
    ]);
  });

  it('does not re-emit a side until the RSI has come back hysteresis points inside the band', () => {
    //  i  close  change  g          l         RSI
    //  3  9      −1      0.25       0.75      25     trips oversold → up
    //  4  9.125  +0.125  0.1875     0.375     33.33  not above 30 + 5: still tripped
    //  5  8.875  −0.25   0.09375    0.3125    23.08  no new up (with hysteresis 0 it would re-arm at 4 and emit here)
    //  6  9.875  +1      0.546875   0.15625   77.78  trips overbought → down
    const closes = [10, 11, 10, 9, 9.125, 8.875, 9.875];
    expect(brief(emitted(runAlpha(new RsiReversalAlpha({ period: 2 }), makeBars({ [A]: closes }))))).toEqual([
      [3, A, 'up'],
      [6, A, 'down'],
    ]);
    expect(brief(emitted(runAlpha(new RsiReversalAlpha({ period: 2, hysteresis: 0 }), makeBars({ [A]: closes }))))).toEqual([
      [3, A, 'up'],
      [5, A, 'up'],
      [6, A, 'down'],
    ]);
  });

  it('honours custom levels', () => {
    // With oversold 20 / overbought 90 only bars 4 (12.5) and 10 (92.2) trip.
    const result = runAlpha(new RsiReversalAlpha({ period: 2, oversold: 20, overbought: 90 }), makeBars({ [A]: CLOSES }));
    expect(brief(emitted(result))).toEqual([
      [4, A, 'up'],
      [10, A, 'down'],
    ]);
  });

  it('reads period as the RSI period and insightPeriod as the insight duration in bars', () => {
    const list = emitted(runAlpha(new RsiReversalAlpha({ period: 2, insightPeriod: 4, weight: 0.5, confidence: 0.7 }), makeBars({ [A]: CLOSES })));
    expect(list.map((e) => [e.index, e.period, e.closeTime, e.weight, e.confidence, e.magnitude])).toEqual([
      [3, 4 * DAY, T0 + 7 * DAY, 0.5, 0.7, null],
      [7, 4 * DAY, T0 + 11 * DAY, 0.5, 0.7, null],
      [9, 4 * DAY, T0 + 13 * DAY, 0.5, 0.7, null],
      [13, 4 * DAY, T0 + 17 * DAY, 0.5, 0.7, null],
    ]);
    const open = emitted(runAlpha(new RsiReversalAlpha({ period: 2 }), makeBars({ [A]: CLOSES })));
    expect(open.every((e) => e.closeTime === null)).toBe(true);
  });

  it('fills at the open of the bar after the insight bar (end to end)', () => {
    const data = makeBars({ [A]: CLOSES });
    const result = tradeAlpha(new RsiReversalAlpha({ period: 2 }), data);
    // up at 3 → buy trunc(100,000 / 9) = 11,111 at bar 4's open (9); cash 1.
    // up at 7 (close 8): equity 1 + 11,111 × 8 = 88,889 → target trunc(88,889 / 8) = 11,111: no order.
    // down at 9 (close 10): equity 111,111 → target −11,111 → sell 22,222 at bar 10's open (10).
    // down at 13 (close 11): cash 222,221, equity 222,221 − 11,111 × 11 = 100,000 → target
    // −trunc(100,000 / 11) = −9,090 → buy back 2,021 at bar 14's open.
    expect(expectFillsAtNextOpen(result, data)).toEqual([4, 10, 14]);
    expect(result.fills.map((f) => f.quantity)).toEqual([11_111, -22_222, 2_021]);
  });

  it('validates its options, naming the field', () => {
    expect(() => new RsiReversalAlpha({ period: 0 })).toThrow(/period/);
    expect(() => new RsiReversalAlpha({ oversold: 80 })).toThrow(/overbought/);
    expect(() => new RsiReversalAlpha({ overbought: 101 })).toThrow(/overbought/);
    expect(() => new RsiReversalAlpha({ hysteresis: -1 })).toThrow(/hysteresis/);
    expect(() => new RsiReversalAlpha({ insightPeriod: 0 })).toThrow(/insightPeriod/);
  });
});

/** Reference state machine over the batch RSI series. */
function reference(closes: readonly number[], n: number, lo: number, hi: number, h: number): [number, string][] {
  const values = rsi(closes, n);
  const out: [number, string][] = [];
  let zone = 0;
  values.forEach((r, i) => {
    if (Number.isNaN(r)) return;
    if (r < lo) {
      if (zone !== -1) out.push([i, 'up']);
      zone = -1;
    } else if (r > hi) {
      if (zone !== 1) out.push([i, 'down']);
      zone = 1;
    } else if ((zone === -1 && r > lo + h) || (zone === 1 && r < hi - h)) zone = 0;
  });
  return out;
}

describe('RsiReversalAlpha: properties', () => {
  it('agrees with a state machine over the batch RSI on random walks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 5, maxLength: 50 }), (steps) => {
        const closes: number[] = [];
        let p = 50;
        for (const s of steps) closes.push((p += s));
        const got = emitted(runAlpha(new RsiReversalAlpha({ period: 3 }), makeBars({ [A]: closes }))).map((e) => [e.index, e.direction]);
        expect(got).toEqual(reference(closes, 3, 30, 70, 5));
      }),
      { numRuns: 50 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MeanReversionZScoreAlpha } from '../../src/alphas/mean-reversion-z-score-alpha.js';
import { brief, DAY, emitted, expectFillsAtNextOpen, makeBars, runAlpha, T0, tradeAlpha } from './fixtures.js';

// z over the last 3 closes (current included), sample sd (divisor 2); entry 1.1, exit 0.5.
//  i  close  window          mean     Σ(x−mean)²  sd      z        action
//  2  10     10 10 10        10       0           0       0        |z| < exit but nothing held: no insight
//  4  13     10 10 13        11       6           1.7321  +1.1547  > entry → down (magnitude 11/13 − 1)
//  5  13     10 13 13        12       6           1.7321  +0.5774  hold
//  6  12     13 13 12        12.6667  0.6667      0.5774  −1.1547  < −entry → up (flip; magnitude 12.6667/12 − 1)
//  7  12     13 12 12        12.3333  0.6667      0.5774  −0.5774  hold
//  8  12     12 12 12        12       0           0       0        < exit → flat
//  9   9     12 12 9         11       6           1.7321  −1.1547  up (magnitude 11/9 − 1)
// 10   9.5   12 9 9.5        10.1667  5.1667      1.6073  −0.4148  < exit → flat
const CLOSES = [10, 10, 10, 10, 13, 13, 12, 12, 12, 9, 9.5];
const A = 'AAA.X';
const opts = { lookback: 3, entry: 1.1, exit: 0.5 };

describe('MeanReversionZScoreAlpha on a hand-computed z-score path', () => {
  it('goes down above +entry, up below −entry and flat inside ±exit, at the exact bars', () => {
    expect(brief(emitted(runAlpha(new MeanReversionZScoreAlpha(opts), makeBars({ [A]: CLOSES }))))).toEqual([
      [4, A, 'down'],
      [6, A, 'up'],
      [8, A, 'flat'],
      [9, A, 'up'],
      [10, A, 'flat'],
    ]);
  });

  it('sets magnitude to the expected return to the mean on entries', () => {
    const list = emitted(runAlpha(new MeanReversionZScoreAlpha(opts), makeBars({ [A]: CLOSES })));
    const expected = [11 / 13 - 1, 38 / 3 / 12 - 1, null, 11 / 9 - 1, null];
    list.forEach((e, i) => (expected[i] === null ? expect(e.magnitude).toBeNull() : expect(e.magnitude).toBeCloseTo(expected[i]!, 12)));
  });

  it('emits flat instead of down when longOnly (nothing at bar 4, where nothing is held)', () => {
    expect(brief(emitted(runAlpha(new MeanReversionZScoreAlpha({ ...opts, longOnly: true }), makeBars({ [A]: CLOSES }))))).toEqual([
      [6, A, 'up'],
      [8, A, 'flat'],
      [9, A, 'up'],
      [10, A, 'flat'],
    ]);
  });

  it('sets closeTime from period and puts weight and confidence on every insight', () => {
    const list = emitted(runAlpha(new MeanReversionZScoreAlpha({ ...opts, period: 5, weight: 0.2, confidence: 0.8 }), makeBars({ [A]: CLOSES })));
    expect(list[0]!.closeTime).toBe(T0 + 9 * DAY);
    for (const e of list) expect([e.period, e.weight, e.confidence]).toEqual([5 * DAY, 0.2, 0.8]);
  });

  it('fills at the open of the bar after the insight bar (end to end)', () => {
    const data = makeBars({ [A]: CLOSES });
    const result = tradeAlpha(new MeanReversionZScoreAlpha(opts), data);
    expect(expectFillsAtNextOpen(result, data)).toEqual([5, 7, 9, 10]);
  });

  it('validates its options', () => {
    expect(() => new MeanReversionZScoreAlpha({ lookback: 1 })).toThrow(/lookback/);
    expect(() => new MeanReversionZScoreAlpha({ entry: 0 })).toThrow(/entry/);
    expect(() => new MeanReversionZScoreAlpha({ entry: 1, exit: 1 })).toThrow(/exit/);
  });
});

describe('MeanReversionZScoreAlpha: properties', () => {
  it('never emits the same direction twice in a row without a period, and every entry has |z| > entry', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 4, maxLength: 40 }), (closes) => {
        const list = emitted(runAlpha(new MeanReversionZScoreAlpha({ lookback: 4, entry: 1, exit: 0.3 }), makeBars({ [A]: closes })));
        for (let i = 1; i < list.length; i += 1) expect(list[i]!.direction).not.toBe(list[i - 1]!.direction);
        for (const e of list) {
          const w = closes.slice(e.index - 3, e.index + 1);
          const m = w.reduce((a, b) => a + b, 0) / 4;
          const sd = Math.sqrt(w.reduce((a, b) => a + (b - m) ** 2, 0) / 3);
          const z = sd === 0 ? 0 : (closes[e.index]! - m) / sd;
          if (e.direction === 'up') expect(z).toBeLessThan(-1);
          else if (e.direction === 'down') expect(z).toBeGreaterThan(1);
          else expect(Math.abs(z)).toBeLessThan(0.3 + 1e-9);
        }
      }),
      { numRuns: 50 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MacdAlpha } from '../../src/alphas/macd-alpha.js';
import { brief, DAY, emitted, expectFillsAtNextOpen, makeBars, runAlpha, tradeAlpha } from './fixtures.js';

// MACD(2, 3, 2), TTR conventions: EMA(2) α = 2/3 seeded with the mean of the first 2
// closes; EMA(3) α = 1/2 seeded with the mean of the first 3; signal = EMA(2) of the MACD
// line seeded with the mean of its first 2 values (indices 2 and 3).
//  i  close  EMA2     EMA3     MACD     signal   hist     hist/close
//  2  10     10       10       0        –
//  3  10     10       10       0        0        0        0
//  4  11     10.6667  10.5     0.1667   0.1111   0.0556   +0.00505
//  5  12     11.5556  11.25    0.3056   0.2407   0.0648   +0.00540
//  6  13     12.5185  12.125   0.3935   0.3426   0.0509   +0.00392
//  7  13     12.8395  12.5625  0.2770   0.2989  −0.0219   −0.00168
//  8  12     12.2798  12.2813 −0.0014   0.0987  −0.1001   −0.00834
//  9  11     11.4266  11.6406 −0.2140  −0.1098  −0.1042   −0.00948
// 10  10     10.4755  10.8203 −0.3448  −0.2664  −0.0783   −0.00783
// 11  10     10.1585  10.4102 −0.2516  −0.2566  +0.0049   +0.00049
// 12  10     10.0528  10.2051 −0.1522  −0.1870  +0.0348   +0.00348
// 13  10     10.0176  10.1025 −0.0849  −0.1190  +0.0340   +0.00340
const CLOSES = [10, 10, 10, 10, 11, 12, 13, 13, 12, 11, 10, 10, 10, 10];
const A = 'AAA.X';
const opts = { fast: 2, slow: 3, signal: 2 };

describe('MacdAlpha on a hand-computed MACD(2, 3, 2)', () => {
  it('emits the regime on each change: band ±0.3% of the close', () => {
    // 3: 0 (flat, nothing held: no insight); 4: up; 7: inside the band → flat; 8: down;
    // 11: inside → flat; 12: up.
    expect(brief(emitted(runAlpha(new MacdAlpha({ ...opts, bounceThreshold: 0.003 }), makeBars({ [A]: CLOSES }))))).toEqual([
      [4, A, 'up'],
      [7, A, 'flat'],
      [8, A, 'down'],
      [11, A, 'flat'],
      [12, A, 'up'],
    ]);
  });

  it('is a pure signal-line cross with a zero threshold', () => {
    expect(brief(emitted(runAlpha(new MacdAlpha({ ...opts, bounceThreshold: 0 }), makeBars({ [A]: CLOSES }))))).toEqual([
      [4, A, 'up'],
      [7, A, 'down'],
      [11, A, 'up'],
    ]);
  });

  it('uses a 0.1% band by default', () => {
    // 7: −0.00168 < −0.001 → down; 11: +0.00049 inside → flat; 12: up.
    expect(brief(emitted(runAlpha(new MacdAlpha(opts), makeBars({ [A]: CLOSES }))))).toEqual([
      [4, A, 'up'],
      [7, A, 'down'],
      [11, A, 'flat'],
      [12, A, 'up'],
    ]);
  });

  it('emits flat instead of down when longOnly (and no second flat)', () => {
    expect(brief(emitted(runAlpha(new MacdAlpha({ ...opts, bounceThreshold: 0.003, longOnly: true }), makeBars({ [A]: CLOSES }))))).toEqual([
      [4, A, 'up'],
      [7, A, 'flat'],
      [12, A, 'up'],
    ]);
  });

  it('re-emits a lasting regime after its insight expired', () => {
    // period 2 (band ±0.3%): the up of bar 4 expires at bar 6, where the regime is still
    // up → up again at 6; 7 is in the band → flat; down at 8 expires at 10, still down →
    // down again at 10; 11 in the band → flat; 12 up.
    const list = emitted(runAlpha(new MacdAlpha({ ...opts, bounceThreshold: 0.003, period: 2, weight: 2 }), makeBars({ [A]: CLOSES })));
    expect(list.map((e) => [e.index, e.direction, e.period, e.weight])).toEqual([
      [4, 'up', 2 * DAY, 2],
      [6, 'up', 2 * DAY, 2],
      [7, 'flat', 2 * DAY, 2],
      [8, 'down', 2 * DAY, 2],
      [10, 'down', 2 * DAY, 2],
      [11, 'flat', 2 * DAY, 2],
      [12, 'up', 2 * DAY, 2],
    ]);
  });

  it('fills at the open of the bar after the insight bar (end to end)', () => {
    const data = makeBars({ [A]: CLOSES });
    const result = tradeAlpha(new MacdAlpha({ ...opts, bounceThreshold: 0 }), data);
    expect(expectFillsAtNextOpen(result, data)).toEqual([5, 8, 12]);
  });

  it('validates its options', () => {
    expect(() => new MacdAlpha({ fast: 5, slow: 3 })).toThrow(/slow/);
    expect(() => new MacdAlpha({ signal: 0 })).toThrow(/signal/);
    expect(() => new MacdAlpha({ bounceThreshold: -0.1 })).toThrow(/bounceThreshold/);
  });
});

/** Reference: TTR EMAs recomputed naively, then the regime machine. */
function reference(closes: number[], threshold: number): [number, string][] {
  const ema = (xs: number[], n: number): number[] => {
    const out: number[] = [];
    let e = Number.NaN;
    let k = 0;
    for (const x of xs) {
      if (Number.isNaN(x)) {
        out.push(Number.NaN);
        continue;
      }
      k += 1;
      if (k < n) out.push(Number.NaN);
      else if (k === n) out.push((e = xs.slice(out.length - n + 1, out.length + 1).reduce((a, b) => a + b, 0) / n));
      else out.push((e = e + (2 / (n + 1)) * (x - e)));
    }
    return out;
  };
  const f = ema(closes, 2);
  const s = ema(closes, 3);
  const m = closes.map((_, i) => f[i]! - s[i]!);
  const sig = ema(m, 2);
  const out: [number, string][] = [];
  let held = 0;
  closes.forEach((c, i) => {
    const h = m[i]! - sig[i]!;
    if (Number.isNaN(h)) return;
    const regime = h > threshold * Math.abs(c) ? 1 : h < -threshold * Math.abs(c) ? -1 : 0;
    if (regime === held) return;
    out.push([i, regime > 0 ? 'up' : regime < 0 ? 'down' : 'flat']);
    held = regime;
  });
  return out;
}

describe('MacdAlpha: properties', () => {
  it('agrees with a naive recomputation on random walks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 4, maxLength: 40 }), (steps) => {
        const closes: number[] = [];
        let p = 100;
        for (const s of steps) closes.push((p += s));
        const got = emitted(runAlpha(new MacdAlpha({ ...opts, bounceThreshold: 0.002 }), makeBars({ [A]: closes }))).map((e) => [e.index, e.direction]);
        expect(got).toEqual(reference(closes, 0.002));
      }),
      { numRuns: 50 },
    );
  });
});

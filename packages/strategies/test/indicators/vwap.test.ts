import { InvalidArgumentError } from '@alphaswarm/core';
import { VWAP } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { VwapIndicator, vwap } from '../../src/indicators/vwap.js';
import {
  BARS,
  GAP_POSITIONS,
  expectClose,
  expectGapTransparent,
  expectIdentical,
  insertBarGaps,
  leadingNaNs,
  pricePath,
} from './helpers.js';

// Bars (high, low, close, volume) and typical prices (h + l + c)/3:
//   i0: 3, 1, 2, 10   tp 2
//   i1: 6, 3, 3, 30   tp 4
//   i2: 5, 5, 5, 0    tp 5 (no volume)
//   i3: 9, 6, 6, 20   tp 7
const HIGH = [3, 6, 5, 9];
const LOW = [1, 3, 5, 6];
const CLOSE = [2, 3, 5, 6];
const VOLUME = [10, 30, 0, 20];

describe('vwap', () => {
  it('is cumulative Σ tp·v / Σ v by default', () => {
    // i0 20/10 = 2; i1 (20 + 120)/40 = 3.5; i2 unchanged 3.5; i3 (140 + 140)/60 = 14/3
    expectClose(vwap(HIGH, LOW, CLOSE, VOLUME), [2, 3.5, 3.5, 14 / 3], 1e-15);
  });

  it('rolls over the last n bars when n is given', () => {
    // n = 2: i1 140/40 = 3.5; i2 (120 + 0)/30 = 4; i3 (0 + 140)/20 = 7
    expectClose(vwap(HIGH, LOW, CLOSE, VOLUME, 2), [NaN, 3.5, 4, 7], 1e-15);
    expect(leadingNaNs(vwap(HIGH, LOW, CLOSE, VOLUME, 3))).toBe(2);
    expect(new VwapIndicator(3).lookback).toBe(2);
    expect(new VwapIndicator().lookback).toBe(0);
  });

  it('is NaN while no volume has traded', () => {
    expectIdentical(vwap([2, 2], [1, 1], [1.5, 1.5], [0, 0]), [NaN, NaN]);
    expectIdentical(vwap([2, 2, 2], [1, 1, 1], [1.5, 1.5, 1.5], [5, 0, 0], 2), [NaN, 1.5, NaN]);
  });

  it('matches technicalindicators VWAP (cumulative) on 2,500 bars', () => {
    const { high, low, close, volume } = pricePath(BARS);
    expectClose(vwap(high, low, close, volume), VWAP.calculate({ high, low, close, volume }), 1e-12);
  });

  it('matches a direct windowed ratio when rolling, on 2,500 bars', () => {
    const { high, low, close, volume } = pricePath(BARS);
    const n = 30;
    const expected = close.map((_, t) => {
      if (t < n - 1) return NaN;
      let pv = 0;
      let v = 0;
      for (let j = t - n + 1; j <= t; j++) {
        pv += (((high[j] as number) + (low[j] as number) + (close[j] as number)) / 3) * (volume[j] as number);
        v += volume[j] as number;
      }
      return pv / v;
    });
    expectClose(vwap(high, low, close, volume, n), expected, 1e-12);
  });

  it('starts a new session on reset', () => {
    const indicator = new VwapIndicator();
    indicator.update(3, 1, 2, 10);
    indicator.reset();
    expect(indicator.ready).toBe(false);
    expect(indicator.update(6, 3, 3, 30)).toBe(4);
  });

  it('agrees bit for bit between streaming and batch, cumulative and rolling', () => {
    const { high, low, close, volume } = pricePath(BARS);
    for (const n of [undefined, 25]) {
      const indicator = new VwapIndicator(n);
      const streamed = close.map((c, i) =>
        indicator.update(high[i] as number, low[i] as number, c, volume[i] as number)
      );
      expectIdentical(vwap(high, low, close, volume, n), streamed);
      indicator.reset();
      expectIdentical(
        close.map((c, i) => indicator.update(high[i] as number, low[i] as number, c, volume[i] as number)),
        streamed
      );
    }
  });

  it('treats a bar with any non-finite field as a gap', () => {
    const { high, low, close, volume } = pricePath(300);
    const { columns, gap } = insertBarGaps([high, low, close, volume], GAP_POSITIONS);
    const [h, l, c, v] = columns as [number[], number[], number[], number[]];
    expectGapTransparent(vwap(h, l, c, v), gap, vwap(high, low, close, volume));
    expectGapTransparent(vwap(h, l, c, v, 10), gap, vwap(high, low, close, volume, 10));
  });

  it('treats an infinite volume as a gap, not as a negative one', () => {
    expectIdentical(vwap([3, 3, 6], [1, 1, 3], [2, 2, 3], [10, -Infinity, 30]), [2, NaN, 3.5]);
  });

  it('rejects a negative volume, a bad window and mismatched lengths', () => {
    expect(() => vwap([2, 2], [1, 1], [1, 1], [5, -1])).toThrow(
      /^volume\[1\]: expected a non-negative number, got -1$/
    );
    expect(() => new VwapIndicator().update(2, 1, 1, -3)).toThrow(InvalidArgumentError);
    expect(() => vwap([1], [1], [1], [1], 0)).toThrow(/^n: /);
    expect(() => vwap([1], [1], [1], [1, 2])).toThrow(/^volume\.length: /);
  });
});

import { InvalidArgumentError } from '@alphaswarm/core';
import { ATR } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { AtrIndicator, atr } from '../../src/indicators/atr.js';
import {
  BARS,
  GAP_POSITIONS,
  alignRight,
  expectClose,
  expectGapTransparent,
  expectIdentical,
  insertBarGaps,
  leadingNaNs,
  pricePath,
} from './helpers.js';

// Bars used by the hand-worked examples (high, low, close) and their true ranges:
//   i0: 10,   8,    9     TR undefined (no previous close)
//   i1: 11,   9,    10    max(2, |11 − 9|, |9 − 9|)         = 2
//   i2: 12,   10.5, 11    max(1.5, |12 − 10|, |10.5 − 10|)  = 2    (gap up: from the close)
//   i3: 11.5, 9,    9.5   max(2.5, |11.5 − 11|, |9 − 11|)   = 2.5
//   i4: 10,   9.5,  9.75  max(0.5, |10 − 9.5|, |9.5 − 9.5|) = 0.5
const HIGH = [10, 11, 12, 11.5, 10];
const LOW = [8, 9, 10.5, 9, 9.5];
const CLOSE = [9, 10, 11, 9.5, 9.75];

describe('atr', () => {
  it('Wilder-smooths true ranges from index 1, first value at index n: ATR(2) by hand', () => {
    // index 2: mean of TR[1], TR[2] = (2 + 2)/2 = 2
    // index 3: 2 + (2.5 − 2)/2 = 2.25
    // index 4: 2.25 + (0.5 − 2.25)/2 = 1.375
    expectIdentical(atr(HIGH, LOW, CLOSE, 2), [NaN, NaN, 2, 2.25, 1.375]);
  });

  it('exposes the true range of each bar, undefined on the first', () => {
    const indicator = new AtrIndicator(2);
    const ranges = HIGH.map((h, i) => {
      indicator.update(h, LOW[i] as number, CLOSE[i] as number);
      return indicator.trueRange;
    });
    expectIdentical(ranges, [NaN, 2, 2, 2.5, 0.5]);
  });

  it('has n leading NaNs (n true ranges need n + 1 bars)', () => {
    const { high, low, close } = pricePath(60);
    expect(leadingNaNs(atr(high, low, close))).toBe(14);
    expect(new AtrIndicator().lookback).toBe(14);
  });

  it('matches technicalindicators ATR (same Wilder seeding and offsets) on 2,500 bars', () => {
    const { high, low, close } = pricePath(BARS);
    for (const n of [1, 5, 14, 50]) {
      const reference = alignRight(ATR.calculate({ high, low, close, period: n }), close.length);
      expectClose(atr(high, low, close, n), reference, 1e-12);
    }
  });

  it('agrees bit for bit between streaming and batch, and after reset', () => {
    const { high, low, close } = pricePath(BARS);
    const indicator = new AtrIndicator(14);
    const streamed = close.map((c, i) => indicator.update(high[i] as number, low[i] as number, c));
    expectIdentical(atr(high, low, close, 14), streamed);
    indicator.reset();
    expect(indicator.ready).toBe(false);
    expect(indicator.trueRange).toBeNaN();
    expectIdentical(
      close.map((c, i) => indicator.update(high[i] as number, low[i] as number, c)),
      streamed
    );
  });

  it('treats a bar with any non-finite field as a gap', () => {
    const { high, low, close } = pricePath(300);
    const { columns, gap } = insertBarGaps([high, low, close], GAP_POSITIONS);
    const [h, l, c] = columns as [number[], number[], number[]];
    expectGapTransparent(atr(h, l, c, 14), gap, atr(high, low, close, 14));
  });

  it('rejects mismatched lengths and bad periods, naming them', () => {
    expect(() => atr([1, 2], [1], [1, 2])).toThrow(/^low\.length: expected 2 \(the length of high\), got 1$/);
    expect(() => atr([1], [1], [1, 2])).toThrow(InvalidArgumentError);
    expect(() => atr([1], [1], [1], 0)).toThrow(/^n: /);
  });
});

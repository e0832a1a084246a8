import { InvalidArgumentError } from '@alphaswarm/core';
import { OBV } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { ObvIndicator, obv } from '../../src/indicators/obv.js';
import { BARS, GAP_POSITIONS, expectGapTransparent, expectIdentical, insertBarGaps, pricePath } from './helpers.js';

describe('obv', () => {
  it('starts at the first volume and adds, subtracts or holds with the close', () => {
    // closes 10, 11, 11, 10, 12 with volumes 100..500:
    //   100; up +200 = 300; flat 300; down −400 = −100; up +500 = 400
    expectIdentical(obv([10, 11, 11, 10, 12], [100, 200, 300, 400, 500]), [100, 300, 300, -100, 400]);
  });

  it('has no warm-up', () => {
    const indicator = new ObvIndicator();
    expect(indicator.lookback).toBe(0);
    expect(indicator.ready).toBe(false);
    expect(indicator.update(5, 10)).toBe(10);
    expect(indicator.ready).toBe(true);
  });

  it('matches technicalindicators OBV shifted by the first volume on 2,500 bars', () => {
    // technicalindicators starts at 0 on the second bar (no output for the first one);
    // TTR, followed here, starts at volume[0] on the first bar. So ours[t] = theirs[t − 1] + volume[0].
    const { close, volume } = pricePath(BARS);
    const reference = OBV.calculate({ close, volume });
    expect(reference.length).toBe(close.length - 1);
    const out = obv(close, volume);
    const v0 = volume[0] as number;
    expect(out[0]).toBe(v0);
    expectIdentical(
      out.subarray(1),
      reference.map((x) => x + v0)
    );
  });

  it('agrees bit for bit between streaming and batch, and after reset', () => {
    const { close, volume } = pricePath(BARS);
    const indicator = new ObvIndicator();
    const streamed = close.map((c, i) => indicator.update(c, volume[i] as number));
    expectIdentical(obv(close, volume), streamed);
    indicator.reset();
    expect(indicator.value).toBeNaN();
    expectIdentical(
      close.map((c, i) => indicator.update(c, volume[i] as number)),
      streamed
    );
  });

  it('treats a bar with a non-finite close or volume as a gap', () => {
    const { close, volume } = pricePath(300);
    const { columns, gap } = insertBarGaps([close, volume], GAP_POSITIONS);
    const [c, v] = columns as [number[], number[]];
    expectGapTransparent(obv(c, v), gap, obv(close, volume));
  });

  it('rejects mismatched lengths', () => {
    expect(() => obv([1, 2], [1])).toThrow(InvalidArgumentError);
    expect(() => obv([1, 2], [1])).toThrow(/^volume\.length: /);
  });
});

import { InvalidArgumentError } from '@alphaswarm/core';
import { StochasticRSI } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { StochRsiIndicator, stochRsi } from '../../src/indicators/stoch-rsi.js';
import {
  BARS,
  GAP_POSITIONS,
  expectClose,
  expectGapTransparent,
  expectIdentical,
  expectWithin,
  insertGaps,
  leadingNaNs,
  pricePath,
  referenceRsi,
} from './helpers.js';

/** StochRSI by composition of the reference RSI, window scans and plain means. */
function referenceStochRsi(
  values: readonly number[],
  rsiPeriod: number,
  stochPeriod: number,
  smoothing: number,
  dPeriod: number
): { k: number[]; d: number[] } {
  const r = referenceRsi(values, rsiPeriod);
  const mean = (xs: number[], t: number, n: number): number => {
    const window = xs.slice(Math.max(0, t - n + 1), t + 1);
    return window.length < n || window.some(Number.isNaN) ? NaN : window.reduce((a, b) => a + b, 0) / n;
  };
  const raw = r.map((x, t) => {
    const window = r.slice(Math.max(0, t - stochPeriod + 1), t + 1);
    if (window.length < stochPeriod || window.some(Number.isNaN)) return NaN;
    const hi = Math.max(...window);
    const lo = Math.min(...window);
    return hi === lo ? 50 : (100 * (x - lo)) / (hi - lo);
  });
  const k = raw.map((_, t) => mean(raw, t, smoothing));
  return { k, d: k.map((_, t) => mean(k, t, dPeriod)) };
}

describe('stochRsi', () => {
  it('is the stochastic of the RSI: StochRSI(2, 2, 1, 1) by hand', () => {
    // values 1, 2, 1, 3, 2 → changes +1, −1, +2, −1
    // RSI(2): idx2 gains/losses seed 0.5/0.5 → 50; idx3 1.25/0.25 → 83.3…; idx4 0.625/0.625 → 50
    // stochastic over 2 RSI values: idx3 (83.3 − 50)/(83.3 − 50) = 100; idx4 (50 − 50)/33.3 = 0
    const out = stochRsi([1, 2, 1, 3, 2], 2, 2, 1, 1);
    expectClose(out.k, [NaN, NaN, NaN, 100, 0], 1e-12);
    expectClose(out.d, [NaN, NaN, NaN, 100, 0], 1e-12);
  });

  it('has the documented warm-up lengths with (14, 14, 3, 3)', () => {
    const out = stochRsi(pricePath(80).close);
    expect(leadingNaNs(out.k)).toBe(14 + 14 + 3 - 2);
    expect(leadingNaNs(out.d)).toBe(14 + 14 + 3 + 3 - 3);
    const indicator = new StochRsiIndicator();
    expect([
      indicator.rsiPeriod,
      indicator.stochPeriod,
      indicator.kSmoothing,
      indicator.dPeriod,
      indicator.lookback,
    ]).toEqual([14, 14, 3, 3, 31]);
  });

  it('matches a composition of independent RSI, range scan and means on 2,500 bars', () => {
    const { close } = pricePath(BARS);
    const expected = referenceStochRsi(close, 14, 14, 3, 3);
    const out = stochRsi(close, 14, 14, 3, 3);
    expectClose(out.k, expected.k, 1e-7);
    expectClose(out.d, expected.d, 1e-7);
  });

  it('lines up with technicalindicators StochasticRSI on 2,500 bars, within its RSI rounding', () => {
    // technicalindicators rounds each RSI to 2 decimals before taking its stochastic, so
    // values differ by up to about 100·0.01/(RSI range); the offsets (first %D at index
    // 31) and the structure (%K = SMA(3) of raw, %D = SMA(3) of %K) are the same.
    const { close } = pricePath(BARS);
    const reference = StochasticRSI.calculate({
      values: close,
      rsiPeriod: 14,
      stochasticPeriod: 14,
      kPeriod: 3,
      dPeriod: 3,
    });
    const pad = close.length - reference.length;
    expect(pad).toBe(31);
    const out = stochRsi(close);
    expectWithin(
      out.k.subarray(pad),
      reference.map((r) => r.k),
      0.5
    );
    expectWithin(
      out.d.subarray(pad),
      reference.map((r) => r.d),
      0.5
    );
  });

  it('agrees bit for bit between streaming and batch, and after reset', () => {
    const { close } = pricePath(BARS);
    const indicator = new StochRsiIndicator();
    const k: number[] = [];
    const d: number[] = [];
    const run = (): void => {
      k.length = d.length = 0;
      for (const x of close) {
        k.push(indicator.update(x));
        d.push(indicator.d);
      }
    };
    run();
    const out = stochRsi(close);
    expectIdentical(out.k, k);
    expectIdentical(out.d, d);
    expect(indicator.ready).toBe(true);
    indicator.reset();
    expect(indicator.ready).toBe(false);
    expect(indicator.value).toBeNaN();
    run();
    expectIdentical(out.k, k);
  });

  it('treats non-finite values as gaps', () => {
    const { close } = pricePath(300);
    const { series, gap } = insertGaps(close, GAP_POSITIONS);
    const gapped = stochRsi(series, 5, 5, 2, 2);
    const clean = stochRsi(close, 5, 5, 2, 2);
    expectGapTransparent(gapped.k, gap, clean.k);
    expectGapTransparent(gapped.d, gap, clean.d);
  });

  it('rejects bad periods, naming them', () => {
    expect(() => stochRsi([1], 0)).toThrow(/^rsiPeriod: /);
    expect(() => stochRsi([1], 14, 0)).toThrow(/^stochPeriod: /);
    expect(() => stochRsi([1], 14, 14, 0)).toThrow(/^kSmoothing: /);
    expect(() => new StochRsiIndicator(14, 14, 3, -2)).toThrow(InvalidArgumentError);
    expect(() => new StochRsiIndicator(14, 14, 3, -2)).toThrow(/^dPeriod: /);
  });
});

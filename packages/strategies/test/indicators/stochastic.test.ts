import { InvalidArgumentError } from '@alphaswarm/core';
import { Stochastic } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { StochasticIndicator, stochastic } from '../../src/indicators/stochastic.js';
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

// Bars (high, low, close):
//   i0: 10, 8, 9
//   i1: 11, 9, 10
//   i2: 12, 10, 11   HH(3) 12, LL(3) 8 → raw %K = (11 − 8)/4 ·100 = 75
//   i3: 11, 7, 8     HH 12, LL 7       → (8 − 7)/5 ·100 = 20
//   i4: 10, 9, 10    HH 12, LL 7       → (10 − 7)/5 ·100 = 60
const HIGH = [10, 11, 12, 11, 10];
const LOW = [8, 9, 10, 7, 9];
const CLOSE = [9, 10, 11, 8, 10];

/** Stochastic by direct window scans, then plain moving averages. */
function referenceStochastic(
  high: readonly number[],
  low: readonly number[],
  close: readonly number[],
  kPeriod: number,
  dPeriod: number,
  smoothing: number
): { k: number[]; d: number[] } {
  const mean = (xs: number[], t: number, n: number): number => {
    const window = xs.slice(Math.max(0, t - n + 1), t + 1);
    return window.length < n || window.some(Number.isNaN) ? NaN : window.reduce((a, b) => a + b, 0) / n;
  };
  const raw = close.map((c, t) => {
    if (t < kPeriod - 1) return NaN;
    const hh = Math.max(...high.slice(t - kPeriod + 1, t + 1));
    const ll = Math.min(...low.slice(t - kPeriod + 1, t + 1));
    return hh === ll ? 50 : (100 * (c - ll)) / (hh - ll);
  });
  const k = raw.map((_, t) => mean(raw, t, smoothing));
  return { k, d: k.map((_, t) => mean(k, t, dPeriod)) };
}

describe('stochastic', () => {
  it('computes %K over the high/low range and %D as its SMA: (3, 2) by hand', () => {
    // %D(2): idx3 (75 + 20)/2 = 47.5, idx4 (20 + 60)/2 = 40
    const out = stochastic(HIGH, LOW, CLOSE, 3, 2);
    expectIdentical(out.k, [NaN, NaN, 75, 20, 60]);
    expectIdentical(out.d, [NaN, NaN, NaN, 47.5, 40]);
  });

  it('smooths %K first for a slow stochastic: (3, 2, 2) by hand', () => {
    // slow %K(2): idx3 (75 + 20)/2 = 47.5, idx4 (20 + 60)/2 = 40; %D(2): idx4 (47.5 + 40)/2 = 43.75
    const out = stochastic(HIGH, LOW, CLOSE, 3, 2, 2);
    expectIdentical(out.k, [NaN, NaN, NaN, 47.5, 40]);
    expectIdentical(out.d, [NaN, NaN, NaN, NaN, 43.75]);
  });

  it('puts %K at 50 when the highest high equals the lowest low', () => {
    const flat = [3, 3, 3, 3];
    expectIdentical(stochastic(flat, flat, flat, 2, 2).k, [NaN, 50, 50, 50]);
  });

  it('has the documented warm-up lengths', () => {
    const { high, low, close } = pricePath(60);
    const fast = stochastic(high, low, close, 14, 3);
    expect([leadingNaNs(fast.k), leadingNaNs(fast.d)]).toEqual([13, 15]);
    const slow = stochastic(high, low, close, 14, 3, 3);
    expect([leadingNaNs(slow.k), leadingNaNs(slow.d)]).toEqual([15, 17]);
    expect(new StochasticIndicator(14, 3, 3).lookback).toBe(17);
  });

  it('matches technicalindicators Stochastic (fast %K, %D = SMA) on 2,500 bars', () => {
    const { high, low, close } = pricePath(BARS);
    const reference = Stochastic.calculate({ high, low, close, period: 14, signalPeriod: 3 });
    const pad = close.length - reference.length;
    expect(pad).toBe(13);
    const out = stochastic(high, low, close, 14, 3);
    expectClose(
      out.k,
      close.map((_, i) => (i < pad ? NaN : reference[i - pad]?.k ?? NaN)),
      1e-9
    );
    expectClose(
      out.d,
      close.map((_, i) => (i < pad ? NaN : reference[i - pad]?.d ?? NaN)),
      1e-9
    );
  });

  it('matches direct window scans for a slow stochastic on 2,500 bars', () => {
    const { high, low, close } = pricePath(BARS, 3);
    const expected = referenceStochastic(high, low, close, 14, 3, 3);
    const out = stochastic(high, low, close, 14, 3, 3);
    expectClose(out.k, expected.k, 1e-9);
    expectClose(out.d, expected.d, 1e-9);
  });

  it('agrees bit for bit between streaming and batch, and after reset', () => {
    const { high, low, close } = pricePath(BARS);
    const indicator = new StochasticIndicator(14, 3, 3);
    const k: number[] = [];
    const d: number[] = [];
    const run = (): void => {
      k.length = d.length = 0;
      close.forEach((c, i) => {
        k.push(indicator.update(high[i] as number, low[i] as number, c));
        d.push(indicator.d);
      });
    };
    run();
    const out = stochastic(high, low, close, 14, 3, 3);
    expectIdentical(out.k, k);
    expectIdentical(out.d, d);
    indicator.reset();
    expect(indicator.ready).toBe(false);
    run();
    expectIdentical(out.d, d);
  });

  it('treats a bar with any non-finite field as a gap', () => {
    const { high, low, close } = pricePath(300);
    const { columns, gap } = insertBarGaps([high, low, close], GAP_POSITIONS);
    const [h, l, c] = columns as [number[], number[], number[]];
    const gapped = stochastic(h, l, c, 5, 3, 2);
    const clean = stochastic(high, low, close, 5, 3, 2);
    expectGapTransparent(gapped.k, gap, clean.k);
    expectGapTransparent(gapped.d, gap, clean.d);
  });

  it('rejects bad periods and mismatched lengths, naming them', () => {
    expect(() => stochastic([1], [1], [1], 0)).toThrow(/^kPeriod: /);
    expect(() => stochastic([1], [1], [1], 14, 0)).toThrow(/^dPeriod: /);
    expect(() => stochastic([1], [1], [1], 14, 3, 1.5)).toThrow(/^kSmoothing: /);
    expect(() => stochastic([1], [1, 2], [1])).toThrow(InvalidArgumentError);
  });
});

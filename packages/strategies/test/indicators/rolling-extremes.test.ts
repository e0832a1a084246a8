import { InvalidArgumentError } from '@alphaswarm/core';
import fc from 'fast-check';
import { Highest, Lowest } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import {
  RollingMaxIndicator,
  RollingMinIndicator,
  rollingMax,
  rollingMin,
} from '../../src/indicators/rolling-extremes.js';
import {
  BARS,
  GAP_POSITIONS,
  alignRight,
  expectGapTransparent,
  expectIdentical,
  insertGaps,
  pricePath,
} from './helpers.js';

const scanMax = (xs: readonly number[], n: number): number[] =>
  xs.map((_, t) => (t < n - 1 ? NaN : Math.max(...xs.slice(t - n + 1, t + 1))));
const scanMin = (xs: readonly number[], n: number): number[] =>
  xs.map((_, t) => (t < n - 1 ? NaN : Math.min(...xs.slice(t - n + 1, t + 1))));

describe('rollingMax and rollingMin', () => {
  it('take the extreme of the last n values: n = 3 on 3, 1, 4, 1, 5, 9, 2, 6', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6];
    expectIdentical(rollingMax(values, 3), [NaN, NaN, 4, 4, 5, 9, 9, 9]);
    expectIdentical(rollingMin(values, 3), [NaN, NaN, 1, 1, 1, 1, 2, 2]);
  });

  it('handle strictly rising, strictly falling and constant runs (deque full and empty)', () => {
    const rising = Array.from({ length: 20 }, (_, i) => i);
    const falling = rising.map((x) => -x);
    const flat = rising.map(() => 7);
    for (const xs of [rising, falling, flat]) {
      expectIdentical(rollingMax(xs, 5), scanMax(xs, 5));
      expectIdentical(rollingMin(xs, 5), scanMin(xs, 5));
    }
  });

  it('agree with direct window scans on arbitrary series with ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 100 }),
        fc.integer({ min: 1, max: 12 }),
        (values, n) => {
          expectIdentical(rollingMax(values, n), scanMax(values, n));
          expectIdentical(rollingMin(values, n), scanMin(values, n));
        }
      )
    );
  });

  it('match technicalindicators Highest and Lowest on 2,500 bars', () => {
    const { high, low } = pricePath(BARS);
    for (const n of [1, 14, 100]) {
      expectIdentical(rollingMax(high, n), alignRight(Highest.calculate({ values: high, period: n }), high.length));
      expectIdentical(rollingMin(low, n), alignRight(Lowest.calculate({ values: low, period: n }), low.length));
    }
  });

  it('agree bit for bit between streaming and batch, and after reset', () => {
    const { close } = pricePath(BARS);
    const max = new RollingMaxIndicator(20);
    const min = new RollingMinIndicator(20);
    expect([max.lookback, min.lookback]).toEqual([19, 19]);
    const streamedMax = close.map((x) => max.update(x));
    const streamedMin = close.map((x) => min.update(x));
    expectIdentical(rollingMax(close, 20), streamedMax);
    expectIdentical(rollingMin(close, 20), streamedMin);
    max.reset();
    min.reset();
    expect(max.ready || min.ready).toBe(false);
    expectIdentical(
      close.map((x) => max.update(x)),
      streamedMax
    );
    expectIdentical(
      close.map((x) => min.update(x)),
      streamedMin
    );
  });

  it('treat non-finite values as gaps', () => {
    const { close } = pricePath(300);
    const { series, gap } = insertGaps(close, GAP_POSITIONS);
    expectGapTransparent(rollingMax(series, 6), gap, rollingMax(close, 6));
    expectGapTransparent(rollingMin(series, 6), gap, rollingMin(close, 6));
  });

  it('reject a period that is not a positive integer, naming n', () => {
    expect(() => rollingMax([1], 0)).toThrow(/^n: /);
    expect(() => new RollingMinIndicator(-1)).toThrow(InvalidArgumentError);
  });
});

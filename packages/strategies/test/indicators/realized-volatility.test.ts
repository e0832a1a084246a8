import { InvalidArgumentError } from '@alphaswarm/core';
import { sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { RealizedVolatilityIndicator, realizedVolatility } from '../../src/indicators/realized-volatility.js';
import {
  BARS,
  GAP_POSITIONS,
  expectClose,
  expectGapTransparent,
  expectIdentical,
  insertGaps,
  leadingNaNs,
  pricePath,
} from './helpers.js';

describe('realizedVolatility', () => {
  it('is the sample sd of log returns times √periodsPerYear: n = 2 by hand', () => {
    // prices 100, 110, 99, 108.9 → log returns ln 1.1, ln 0.9, ln 1.1
    // a window of two returns a, b has sample sd |a − b|/√2
    const perBar = Math.abs(Math.log(1.1) - Math.log(0.9)) / Math.SQRT2;
    expectClose(realizedVolatility([100, 110, 99, 108.9], 2, 1), [NaN, NaN, perBar, perBar], 1e-12);
    expectClose(
      realizedVolatility([100, 110, 99, 108.9], 2),
      [NaN, NaN, perBar * Math.sqrt(252), perBar * Math.sqrt(252)],
      1e-12
    );
  });

  it('has n leading NaNs (n returns need n + 1 prices)', () => {
    expect(leadingNaNs(realizedVolatility(pricePath(40).close, 20))).toBe(20);
    const indicator = new RealizedVolatilityIndicator(20);
    expect([indicator.lookback, indicator.periodsPerYear]).toEqual([20, 252]);
  });

  it('matches simple-statistics on the log returns of 2,500 bars', () => {
    const { close } = pricePath(BARS);
    const returns = close.map((p, t) => (t === 0 ? NaN : Math.log(p / (close[t - 1] as number))));
    for (const [n, periodsPerYear] of [
      [2, 252],
      [21, 252],
      [63, 365],
    ] as const) {
      const expected = close.map((_, t) =>
        t < n ? NaN : sampleStandardDeviation(returns.slice(t - n + 1, t + 1)) * Math.sqrt(periodsPerYear)
      );
      expectClose(realizedVolatility(close, n, periodsPerYear), expected, 1e-9);
    }
  });

  it('agrees bit for bit between streaming and batch, and after reset', () => {
    const { close } = pricePath(BARS);
    const indicator = new RealizedVolatilityIndicator(21, 252);
    const streamed = close.map((x) => indicator.update(x));
    expectIdentical(realizedVolatility(close, 21), streamed);
    indicator.reset();
    expect(indicator.ready).toBe(false);
    expectIdentical(
      close.map((x) => indicator.update(x)),
      streamed
    );
  });

  it('treats non-finite values as gaps, taking the next return from the last valid price', () => {
    const { close } = pricePath(300);
    const { series, gap } = insertGaps(close, GAP_POSITIONS);
    expectGapTransparent(realizedVolatility(series, 10), gap, realizedVolatility(close, 10));
  });

  it('treats an infinite price as a gap, not as a non-positive one', () => {
    expectIdentical(realizedVolatility([100, -Infinity, 110, 99], 2, 1), realizedVolatility([100, NaN, 110, 99], 2, 1));
  });

  it('rejects non-positive prices and bad parameters, naming them', () => {
    expect(() => realizedVolatility([100, 0, 101], 2)).toThrow(/^values\[1\]: expected a positive price, got 0$/);
    expect(() => new RealizedVolatilityIndicator(2).update(-1)).toThrow(InvalidArgumentError);
    expect(() => realizedVolatility([1], 1)).toThrow(/^n: /);
    expect(() => realizedVolatility([1], 5, 0)).toThrow(/^periodsPerYear: /);
    expect(() => realizedVolatility([1], 5, Infinity)).toThrow(/^periodsPerYear: /);
  });
});

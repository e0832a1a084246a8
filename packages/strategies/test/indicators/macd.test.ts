import { InvalidArgumentError } from '@alphaswarm/core';
import { MACD } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { MacdIndicator, macd } from '../../src/indicators/macd.js';
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

describe('macd', () => {
  it('is EMA(fast) − EMA(slow) with an EMA signal seeded on the first MACD values: MACD(2, 3, 2) by hand', () => {
    // values 1, 3, 2, 6, 4, 8
    // EMA(2), α = 2/3:  idx1 (1+3)/2 = 2; idx2 2; idx3 2 + (2/3)·4 = 14/3;
    //                   idx4 14/3 + (2/3)(4 − 14/3) = 38/9; idx5 38/9 + (2/3)(8 − 38/9) = 182/27
    // EMA(3), α = 1/2:  idx2 (1+3+2)/3 = 2; idx3 4; idx4 4; idx5 6
    // macd:             idx2 0; idx3 2/3; idx4 2/9; idx5 20/27
    // signal EMA(2):    idx3 (0 + 2/3)/2 = 1/3; idx4 1/3 + (2/3)(2/9 − 1/3) = 7/27;
    //                   idx5 7/27 + (2/3)(20/27 − 7/27) = 47/81
    // histogram:        idx3 1/3; idx4 2/9 − 7/27 = −1/27; idx5 20/27 − 47/81 = 13/81
    const out = macd([1, 3, 2, 6, 4, 8], 2, 3, 2);
    expectClose(out.macd, [NaN, NaN, 0, 2 / 3, 2 / 9, 20 / 27], 1e-12);
    expectClose(out.signal, [NaN, NaN, NaN, 1 / 3, 7 / 27, 47 / 81], 1e-12);
    expectClose(out.histogram, [NaN, NaN, NaN, 1 / 3, -1 / 27, 13 / 81], 1e-12);
  });

  it('starts the MACD line at index 25 and the signal at index 33 with (12, 26, 9)', () => {
    const out = macd(pricePath(100).close);
    expect(leadingNaNs(out.macd)).toBe(25);
    expect(leadingNaNs(out.signal)).toBe(33);
    expect(leadingNaNs(out.histogram)).toBe(33);
    const indicator = new MacdIndicator();
    expect([indicator.fast, indicator.slow, indicator.signalPeriod, indicator.lookback]).toEqual([12, 26, 9, 33]);
  });

  it('matches technicalindicators MACD with EMA legs on 2,500 bars', () => {
    // technicalindicators' output starts at index slow − 1 with `signal` undefined until
    // the signal EMA has its 9 values: the same offsets as TTR's.
    const { close } = pricePath(BARS);
    const reference = MACD.calculate({
      values: close,
      fastPeriod: 12,
      slowPeriod: 26,
      signalPeriod: 9,
      SimpleMAOscillator: false,
      SimpleMASignal: false,
    });
    const pad = close.length - reference.length;
    expect(pad).toBe(25);
    const line = close.map((_, i) => (i < pad ? NaN : reference[i - pad]?.MACD ?? NaN));
    const signal = close.map((_, i) => (i < pad ? NaN : reference[i - pad]?.signal ?? NaN));
    const histogram = close.map((_, i) => (i < pad ? NaN : reference[i - pad]?.histogram ?? NaN));
    const out = macd(close);
    expectClose(out.macd, line, 1e-9);
    expectClose(out.signal, signal, 1e-9);
    expectClose(out.histogram, histogram, 1e-9);
  });

  it('agrees bit for bit between streaming and batch, and after reset', () => {
    const { close } = pricePath(BARS);
    const indicator = new MacdIndicator();
    const line: number[] = [];
    const signal: number[] = [];
    const histogram: number[] = [];
    const run = (): void => {
      line.length = signal.length = histogram.length = 0;
      for (const x of close) {
        line.push(indicator.update(x));
        signal.push(indicator.signal);
        histogram.push(indicator.histogram);
      }
    };
    run();
    const out = macd(close);
    expectIdentical(out.macd, line);
    expectIdentical(out.signal, signal);
    expectIdentical(out.histogram, histogram);
    expect(Object.is(indicator.value, indicator.macd)).toBe(true);
    indicator.reset();
    expect(indicator.ready).toBe(false);
    run();
    expectIdentical(out.signal, signal);
  });

  it('reports ready only once the signal line is defined', () => {
    const indicator = new MacdIndicator(3, 5, 4);
    const values = pricePath(20).close;
    for (let i = 0; i < 7; i++) {
      indicator.update(values[i] as number);
      expect(indicator.ready).toBe(false);
    }
    indicator.update(values[7] as number);
    expect(indicator.ready).toBe(true);
    expect(Number.isNaN(indicator.signal)).toBe(false);
  });

  it('treats non-finite values as gaps on all three lines', () => {
    const { close } = pricePath(300);
    const { series, gap } = insertGaps(close, GAP_POSITIONS);
    const gapped = macd(series, 5, 13, 4);
    const clean = macd(close, 5, 13, 4);
    expectGapTransparent(gapped.macd, gap, clean.macd);
    expectGapTransparent(gapped.signal, gap, clean.signal);
    expectGapTransparent(gapped.histogram, gap, clean.histogram);
  });

  it('rejects non-integer periods, naming the parameter', () => {
    expect(() => macd([1], 0)).toThrow(/^fast: /);
    expect(() => macd([1], 12, 2.5)).toThrow(/^slow: /);
    expect(() => new MacdIndicator(12, 26, -1)).toThrow(InvalidArgumentError);
    expect(() => new MacdIndicator(12, 26, -1)).toThrow(/^signal: /);
  });
});

import { InvalidArgumentError } from '@alphaswarm/core';
import fc from 'fast-check';
import { SMA } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { SmaIndicator, sma } from '../../src/indicators/sma.js';
import { BARS, alignRight, expectClose, expectIdentical, itRunsLikeItsBatchForm, leadingNaNs, pricePath } from './helpers.js';

describe('sma', () => {
  it('averages the last n values: SMA(3) of 1..6 is NaN, NaN, 2, 3, 4, 5', () => {
    // (1+2+3)/3 = 2, (2+3+4)/3 = 3, (3+4+5)/3 = 4, (4+5+6)/3 = 5
    expectIdentical(sma([1, 2, 3, 4, 5, 6], 3), [NaN, NaN, 2, 3, 4, 5]);
  });

  it('is NaN for the first n − 1 values and ready from the n-th', () => {
    const { close } = pricePath(100);
    expect(leadingNaNs(sma(close, 20))).toBe(19);
    const indicator = new SmaIndicator(20);
    expect(indicator.lookback).toBe(19);
    for (let i = 0; i < 19; i++) indicator.update(close[i] as number);
    expect(indicator.ready).toBe(false);
    indicator.update(close[19] as number);
    expect(indicator.ready).toBe(true);
  });

  it('matches technicalindicators SMA on 2,500 bars', () => {
    const { close } = pricePath(BARS);
    for (const n of [1, 2, 5, 20, 200]) {
      const reference = alignRight(SMA.calculate({ period: n, values: close }), close.length);
      expectClose(sma(close, n), reference, 1e-12);
    }
  });

  itRunsLikeItsBatchForm(() => new SmaIndicator(14), (values) => sma(values, 14));

  it('keeps running-sum drift bounded after a huge value leaves the window', () => {
    // A plain running sum would keep the rounding error of 1e15 + 0.1 − 1e15 forever.
    const values = [1e15, 1e15, 1e15, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
    const out = sma(values, 3);
    // Windows fully past the huge values: [0.1,0.2,0.3] → 0.2 … [0.5,0.6,0.7] → 0.6.
    expectClose(out.subarray(5), [0.2, 0.3, 0.4, 0.5, 0.6], 1e-15);
  });

  it('agrees with a direct window mean on arbitrary series', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 10 }),
        (values, n) => {
          const expected = values.map((_, t) => {
            if (t < n - 1) return NaN;
            let s = 0;
            for (let j = t - n + 1; j <= t; j++) s += values[j] as number;
            return s / n;
          });
          expectClose(sma(values, n), expected, 1e-6);
        }
      )
    );
  });

  it('rejects a period that is not a positive integer, naming n', () => {
    for (const bad of [0, -1, 2.5, NaN, Infinity]) {
      expect(() => sma([1, 2, 3], bad)).toThrow(InvalidArgumentError);
    }
    expect(() => new SmaIndicator(0)).toThrow(/^n: expected a positive integer, got 0$/);
  });
});

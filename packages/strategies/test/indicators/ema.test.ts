import { InvalidArgumentError } from '@alphaswarm/core';
import { EMA } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { EmaIndicator, ema } from '../../src/indicators/ema.js';
import { BARS, alignRight, expectClose, expectIdentical, itRunsLikeItsBatchForm, leadingNaNs, pricePath } from './helpers.js';

describe('ema', () => {
  it('seeds with the mean of the first n values, then smooths with 2/(n+1)', () => {
    // EMA(3), α = 2/4 = 0.5, on 2, 4, 6, 8, 12, 14:
    //   index 2: seed (2+4+6)/3 = 4
    //   index 3: 4 + 0.5·(8 − 4)  = 6
    //   index 4: 6 + 0.5·(12 − 6) = 9
    //   index 5: 9 + 0.5·(14 − 9) = 11.5
    expectIdentical(ema([2, 4, 6, 8, 12, 14], 3), [NaN, NaN, 4, 6, 9, 11.5]);
  });

  it('is NaN for the first n − 1 values and ready from the n-th', () => {
    const { close } = pricePath(100);
    expect(leadingNaNs(ema(close, 10))).toBe(9);
    const indicator = new EmaIndicator(10);
    expect(indicator.lookback).toBe(9);
    close.slice(0, 9).forEach((x) => indicator.update(x));
    expect(indicator.ready).toBe(false);
    indicator.update(close[9] as number);
    expect(indicator.ready).toBe(true);
  });

  it('matches technicalindicators EMA (also SMA-seeded, ratio 2/(n+1)) on 2,500 bars', () => {
    const { close } = pricePath(BARS);
    for (const n of [1, 3, 12, 26, 100]) {
      const reference = alignRight(EMA.calculate({ period: n, values: close }), close.length);
      expectClose(ema(close, n), reference, 1e-12);
    }
  });

  itRunsLikeItsBatchForm(() => new EmaIndicator(20), (values) => ema(values, 20));

  it('rejects a period that is not a positive integer, naming n', () => {
    expect(() => ema([1], 0)).toThrow(InvalidArgumentError);
    expect(() => new EmaIndicator(1.5)).toThrow(/^n: /);
  });
});

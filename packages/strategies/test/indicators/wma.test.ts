import { InvalidArgumentError } from '@alphaswarm/core';
import fc from 'fast-check';
import { WMA } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { WmaIndicator, wma } from '../../src/indicators/wma.js';
import { BARS, alignRight, expectClose, expectIdentical, itRunsLikeItsBatchForm, leadingNaNs, pricePath } from './helpers.js';

describe('wma', () => {
  it('weights the newest value n and the oldest 1: WMA(3) of 1..6', () => {
    // denominator 1+2+3 = 6
    //   index 2: (1·1 + 2·2 + 3·3)/6 = 14/6
    //   index 3: (1·2 + 2·3 + 3·4)/6 = 20/6
    //   index 4: (1·3 + 2·4 + 3·5)/6 = 26/6
    //   index 5: (1·4 + 2·5 + 3·6)/6 = 32/6
    expectIdentical(wma([1, 2, 3, 4, 5, 6], 3), [NaN, NaN, 14 / 6, 20 / 6, 26 / 6, 32 / 6]);
  });

  it('is NaN for the first n − 1 values', () => {
    expect(leadingNaNs(wma(pricePath(50).close, 9))).toBe(8);
    expect(new WmaIndicator(9).lookback).toBe(8);
  });

  it('matches technicalindicators WMA on 2,500 bars', () => {
    const { close } = pricePath(BARS);
    for (const n of [1, 2, 10, 50]) {
      const reference = alignRight(WMA.calculate({ period: n, values: close }), close.length);
      expectClose(wma(close, n), reference, 1e-12);
    }
  });

  it('agrees with a direct weighted sum on arbitrary series', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        (values, n) => {
          const expected = values.map((_, t) => {
            if (t < n - 1) return NaN;
            let s = 0;
            for (let j = 1; j <= n; j++) s += j * (values[t - n + j] as number);
            return s / ((n * (n + 1)) / 2);
          });
          expectClose(wma(values, n), expected, 1e-6);
        }
      )
    );
  });

  it('keeps drift bounded after a huge value leaves the window', () => {
    // n = 2: out[t] = (x[t−1] + 2·x[t])/3; from index 4 on the windows hold only small values.
    const out = wma([1e15, 1e15, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6], 2);
    expectClose(out.subarray(4), [(0.2 + 0.6) / 3, (0.3 + 0.8) / 3, (0.4 + 1.0) / 3, (0.5 + 1.2) / 3], 1e-15);
  });

  itRunsLikeItsBatchForm(() => new WmaIndicator(30), (values) => wma(values, 30));

  it('rejects a period that is not a positive integer, naming n', () => {
    expect(() => wma([1], -3)).toThrow(InvalidArgumentError);
    expect(() => new WmaIndicator(0)).toThrow(/^n: /);
  });
});

import { InvalidArgumentError } from '@alphaswarm/core';
import { ROC } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { RocIndicator, roc } from '../../src/indicators/roc.js';
import { BARS, alignRight, expectClose, expectIdentical, itRunsLikeItsBatchForm, leadingNaNs, pricePath } from './helpers.js';

describe('roc', () => {
  it('is the discrete return x[t]/x[t−n] − 1', () => {
    // n = 1: 110/100 − 1 = 0.1, 121/110 − 1 = 0.1, 99/121 − 1 = −2/11
    expectClose(roc([100, 110, 121, 99], 1), [NaN, 0.1, 0.1, -2 / 11], 1e-15);
    // n = 2: 121/100 − 1 = 0.21, 99/110 − 1 = −0.1
    expectClose(roc([100, 110, 121, 99], 2), [NaN, NaN, 0.21, -0.1], 1e-15);
  });

  it('has n leading NaNs', () => {
    expect(leadingNaNs(roc(pricePath(40).close, 12))).toBe(12);
    expect(new RocIndicator(12).lookback).toBe(12);
  });

  it('matches technicalindicators ROC (a percentage) divided by 100 on 2,500 bars', () => {
    const { close } = pricePath(BARS);
    for (const n of [1, 10, 63]) {
      const reference = alignRight(
        ROC.calculate({ period: n, values: close }).map((p) => p / 100),
        close.length
      );
      expectClose(roc(close, n), reference, 1e-12);
    }
  });

  itRunsLikeItsBatchForm(() => new RocIndicator(10), (values) => roc(values, 10));

  it('follows IEEE division on a zero base', () => {
    expectIdentical(roc([0, 5, 0], 1), [NaN, Infinity, -1]);
  });

  it('rejects a period that is not a positive integer, naming n', () => {
    expect(() => roc([1], 0)).toThrow(/^n: /);
    expect(() => new RocIndicator(Number.NaN)).toThrow(InvalidArgumentError);
  });
});

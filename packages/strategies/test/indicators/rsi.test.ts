import { InvalidArgumentError } from '@alphaswarm/core';
import fc from 'fast-check';
import { RSI } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { RsiIndicator, rsi } from '../../src/indicators/rsi.js';
import {
  BARS,
  GAP_POSITIONS,
  alignRight,
  expectClose,
  expectGapTransparent,
  expectIdentical,
  expectWithin,
  insertGaps,
  leadingNaNs,
  pricePath,
  referenceRsi,
} from './helpers.js';

describe('rsi', () => {
  it('Wilder-smooths gains and losses: RSI(3) worked by hand', () => {
    // values 10, 11, 10, 12, 12, 11 → changes +1, −1, +2, 0, −1
    //   gains 1, 0, 2, 0, 0   losses 0, 1, 0, 0, 1
    // index 3: seed avgGain = (1+0+2)/3 = 1, avgLoss = (0+1+0)/3 = 1/3 → 100·1/(4/3) = 75
    // index 4: avgGain = 1 + (0 − 1)/3 = 2/3, avgLoss = 1/3 + (0 − 1/3)/3 = 2/9
    //          → 100·(2/3)/(2/3 + 2/9) = 75
    // index 5: avgGain = 2/3 + (0 − 2/3)/3 = 4/9, avgLoss = 2/9 + (1 − 2/9)/3 = 13/27
    //          → 100·(12/27)/(25/27) = 48
    expectClose(rsi([10, 11, 10, 12, 12, 11], 3), [NaN, NaN, NaN, 75, 75, 48], 1e-12);
  });

  it('is 100 with no losses, 0 with no gains and 50 when flat', () => {
    expectIdentical(rsi([1, 2, 3, 4, 5], 2), [NaN, NaN, 100, 100, 100]);
    expectIdentical(rsi([5, 4, 3, 2, 1], 2), [NaN, NaN, 0, 0, 0]);
    expectIdentical(rsi([7, 7, 7, 7, 7], 2), [NaN, NaN, 50, 50, 50]);
  });

  it('starts at index n (n changes need n + 1 values)', () => {
    expect(leadingNaNs(rsi(pricePath(100).close, 14))).toBe(14);
    const indicator = new RsiIndicator();
    expect(indicator.n).toBe(14);
    expect(indicator.lookback).toBe(14);
  });

  it('matches an independent Wilder recurrence on 2,500 bars', () => {
    const { close } = pricePath(BARS);
    for (const n of [2, 14, 50]) expectClose(rsi(close, n), referenceRsi(close, n), 1e-9);
  });

  it('matches technicalindicators RSI, which rounds to 2 decimals, on 2,500 bars', () => {
    // technicalindicators' RSI uses the same Wilder seeding (first value at index n) but
    // returns Number(rsi.toFixed(2)); hence the 0.005 tolerance.
    const { close } = pricePath(BARS);
    const reference = alignRight(RSI.calculate({ period: 14, values: close }), close.length);
    expectWithin(rsi(close, 14), reference, 0.005 + 1e-9);
  });

  it('stays within 0–100', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 6 }),
        (values, n) => {
          for (const r of rsi(values, n)) if (!Number.isNaN(r)) expect(r >= 0 && r <= 100).toBe(true);
        }
      )
    );
  });

  it('agrees bit for bit between streaming and batch, and after reset', () => {
    const { close } = pricePath(BARS);
    const indicator = new RsiIndicator(14);
    const streamed = close.map((x) => indicator.update(x));
    expectIdentical(rsi(close, 14), streamed);
    indicator.reset();
    expect(indicator.ready).toBe(false);
    expectIdentical(
      close.map((x) => indicator.update(x)),
      streamed
    );
  });

  it('treats non-finite values as gaps, taking the next change from the last valid value', () => {
    const { close } = pricePath(300);
    const { series, gap } = insertGaps(close, GAP_POSITIONS);
    expectGapTransparent(rsi(series, 14), gap, rsi(close, 14));
  });

  it('rejects a period that is not a positive integer, naming n', () => {
    expect(() => rsi([1, 2], 0)).toThrow(InvalidArgumentError);
    expect(() => new RsiIndicator(2.2)).toThrow(/^n: /);
  });
});

import { InvalidArgumentError } from '@alphaswarm/core';
import fc from 'fast-check';
import { standardDeviation } from 'simple-statistics';
import { BollingerBands } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { BollingerIndicator, bollinger } from '../../src/indicators/bollinger.js';
import { sma } from '../../src/indicators/sma.js';
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

describe('bollinger', () => {
  it('uses the population standard deviation: Bollinger(3, 2) by hand', () => {
    // window 1,2,3:  mean 2, population variance (1 + 0 + 1)/3 = 2/3
    // window 2,3,4:  mean 3, variance 2/3
    // window 3,4,10: mean 17/3, deviations −8/3, −5/3, 13/3 → variance (64 + 25 + 169)/27 = 258/27
    // %B = (x − lower)/(upper − lower) = 1/2 + (x − mean)/(4·sd)
    const sd1 = Math.sqrt(2 / 3);
    const sd3 = Math.sqrt(258 / 27);
    const out = bollinger([1, 2, 3, 4, 10], 3, 2);
    expectClose(out.middle, [NaN, NaN, 2, 3, 17 / 3], 1e-12);
    expectClose(out.upper, [NaN, NaN, 2 + 2 * sd1, 3 + 2 * sd1, 17 / 3 + 2 * sd3], 1e-12);
    expectClose(out.lower, [NaN, NaN, 2 - 2 * sd1, 3 - 2 * sd1, 17 / 3 - 2 * sd3], 1e-12);
    expectClose(out.percentB, [NaN, NaN, 0.5 + 1 / (4 * sd1), 0.5 + 1 / (4 * sd1), 0.5 + 13 / 3 / (4 * sd3)], 1e-12);
  });

  it('collapses the bands on a flat window and puts %B at 0.5', () => {
    const out = bollinger([4, 4, 4, 4], 3, 2);
    expectIdentical(out.upper, [NaN, NaN, 4, 4]);
    expectIdentical(out.lower, [NaN, NaN, 4, 4]);
    expectIdentical(out.percentB, [NaN, NaN, 0.5, 0.5]);
  });

  it('has a middle band that is the SMA bit for bit', () => {
    const { close } = pricePath(BARS);
    expectIdentical(bollinger(close, 20, 2).middle, sma(close, 20));
  });

  it('is NaN for the first n − 1 values', () => {
    const out = bollinger(pricePath(50).close);
    for (const line of [out.upper, out.middle, out.lower, out.percentB]) expect(leadingNaNs(line)).toBe(19);
    expect(new BollingerIndicator().lookback).toBe(19);
  });

  it('matches technicalindicators BollingerBands (population sd) on 2,500 bars', () => {
    const { close } = pricePath(BARS);
    const reference = BollingerBands.calculate({ period: 20, stdDev: 2, values: close });
    const pad = close.length - reference.length;
    expect(pad).toBe(19);
    const pick = (key: 'upper' | 'middle' | 'lower' | 'pb'): number[] =>
      close.map((_, i) => (i < pad ? NaN : reference[i - pad]?.[key] ?? NaN));
    const out = bollinger(close, 20, 2);
    expectClose(out.upper, pick('upper'), 1e-9);
    expectClose(out.middle, pick('middle'), 1e-12);
    expectClose(out.lower, pick('lower'), 1e-9);
    expectClose(out.percentB, pick('pb'), 1e-7);
  });

  it('matches a two-pass population deviation on series with a large level and a small spread', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom(0, 1e3, 1e7),
        (noise, n, level) => {
          const values = noise.map((x) => level + x);
          const out = bollinger(values, n, 1);
          const expected = values.map((_, t) => {
            if (t < n - 1) return NaN;
            const window = values.slice(t - n + 1, t + 1);
            return window.reduce((a, b) => a + b, 0) / n + standardDeviation(window);
          });
          // Absolute error of the bands scales with the level (rounding of the mean).
          expectClose(out.upper, expected, 1e-12 * Math.max(1, level) + 1e-9);
        }
      )
    );
  });

  it('agrees bit for bit between streaming and batch, and after reset', () => {
    const { close } = pricePath(BARS);
    const indicator = new BollingerIndicator(20, 2.5);
    const lines: [number[], number[], number[], number[]] = [[], [], [], []];
    const run = (): void => {
      lines.forEach((line) => (line.length = 0));
      for (const x of close) {
        lines[1].push(indicator.update(x));
        lines[0].push(indicator.upper);
        lines[2].push(indicator.lower);
        lines[3].push(indicator.percentB);
      }
    };
    run();
    const out = bollinger(close, 20, 2.5);
    expectIdentical(out.upper, lines[0]);
    expectIdentical(out.middle, lines[1]);
    expectIdentical(out.lower, lines[2]);
    expectIdentical(out.percentB, lines[3]);
    indicator.reset();
    expect(indicator.ready).toBe(false);
    run();
    expectIdentical(out.percentB, lines[3]);
  });

  it('treats non-finite values as gaps', () => {
    const { close } = pricePath(300);
    const { series, gap } = insertGaps(close, GAP_POSITIONS);
    const gapped = bollinger(series, 10, 2);
    const clean = bollinger(close, 10, 2);
    expectGapTransparent(gapped.upper, gap, clean.upper);
    expectGapTransparent(gapped.percentB, gap, clean.percentB);
  });

  it('rejects a bad period or width, naming it', () => {
    expect(() => bollinger([1], 0)).toThrow(/^n: /);
    expect(() => bollinger([1], 20, 0)).toThrow(/^k: expected a finite positive number, got 0$/);
    expect(() => new BollingerIndicator(20, NaN)).toThrow(InvalidArgumentError);
  });
});

import { InvalidArgumentError } from '@alphaswarm/core';
import { ADX } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { AdxIndicator, adx } from '../../src/indicators/adx.js';
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

// Bars (high, low, close) with their moves, true range and directional movement:
//   i0: 10,   8,    9
//   i1: 11,   9,    10    up  1,   down −1    → +DM 1,   −DM 0    TR 2
//   i2: 12,   10.5, 11    up  1,   down −1.5  → +DM 1,   −DM 0    TR 2
//   i3: 11.5, 9,    9.5   up −0.5, down 1.5   → +DM 0,   −DM 1.5  TR 2.5
//   i4: 10,   9.5,  9.75  up −1.5, down −0.5  → +DM 0,   −DM 0    TR 0.5
//   i5: 10.5, 9.6,  10.2  up  0.5, down −0.1  → +DM 0.5, −DM 0    TR max(0.9, 0.75, 0.15) = 0.9
const HIGH = [10, 11, 12, 11.5, 10, 10.5];
const LOW = [8, 9, 10.5, 9, 9.5, 9.6];
const CLOSE = [9, 10, 11, 9.5, 9.75, 10.2];

describe('adx', () => {
  it('follows Wilder step by step: ADX(2) by hand', () => {
    // Wilder averages, ratio 1/2, seeded with the mean of indices 1..2:
    //   avg TR:  idx2 2,  idx3 2.25, idx4 1.375, idx5 1.375 + (0.9 − 1.375)/2 = 1.1375
    //   avg +DM: idx2 1,  idx3 0.5,  idx4 0.25,  idx5 0.375
    //   avg −DM: idx2 0,  idx3 0.75, idx4 0.375, idx5 0.1875
    //   +DI = 100·avg+DM/avgTR: 50, 22.2…, 18.18…, 32.96…
    //   −DI = 100·avg−DM/avgTR: 0,  33.3…, 27.27…, 16.48…
    //   DX = 100·|+DI − −DI|/(+DI + −DI): 100, 20, 20, 33.3… (the avgTR cancels:
    //        idx3 25/125, idx4 12.5/62.5, idx5 18.75/56.25)
    //   ADX: idx3 seed (100 + 20)/2 = 60; idx4 60 + (20 − 60)/2 = 40;
    //        idx5 40 + (100/3 − 40)/2 = 110/3
    const out = adx(HIGH, LOW, CLOSE, 2);
    expectClose(out.plusDI, [NaN, NaN, 50, 50 / 2.25, 25 / 1.375, 37.5 / 1.1375], 1e-12);
    expectClose(out.minusDI, [NaN, NaN, 0, 75 / 2.25, 37.5 / 1.375, 18.75 / 1.1375], 1e-12);
    expectClose(out.adx, [NaN, NaN, NaN, 60, 40, 110 / 3], 1e-12);
  });

  it('starts the DIs at index n and ADX at index 2n − 1', () => {
    const { high, low, close } = pricePath(80);
    const out = adx(high, low, close);
    expect(leadingNaNs(out.plusDI)).toBe(14);
    expect(leadingNaNs(out.minusDI)).toBe(14);
    expect(leadingNaNs(out.adx)).toBe(27);
    expect(new AdxIndicator().lookback).toBe(27);
  });

  it('is 0 on perfectly flat bars rather than 0/0', () => {
    const flat = [5, 5, 5, 5, 5, 5];
    const out = adx(flat, flat, flat, 2);
    expectIdentical(out.adx, [NaN, NaN, NaN, 0, 0, 0]);
    expectIdentical(out.plusDI, [NaN, NaN, 0, 0, 0, 0]);
  });

  it('matches technicalindicators ADX on 2,500 bars', () => {
    // technicalindicators smooths TR and ±DM with Wilder sums (seeded with the sum of the
    // first n) where this library uses Wilder averages (the same sums divided by n): the
    // ratios +DI, −DI are the same. Its ADX, like TTR's, is a Wilder average of DX seeded
    // with the mean of the first n DX values; its output starts at index 2n − 1, so only
    // the DIs from that index on are compared.
    const { high, low, close } = pricePath(BARS);
    for (const n of [2, 14, 30]) {
      const reference = ADX.calculate({ high, low, close, period: n });
      const pad = close.length - reference.length;
      expect(pad).toBe(2 * n - 1);
      const out = adx(high, low, close, n);
      const pick = (key: 'adx' | 'pdi' | 'mdi'): number[] =>
        close.map((_, i) => (i < pad ? NaN : reference[i - pad]?.[key] ?? NaN));
      expectClose(out.adx, pick('adx'), 1e-9);
      expectClose(
        out.plusDI.map((v, i) => (i < pad ? NaN : v)),
        pick('pdi'),
        1e-9
      );
      expectClose(
        out.minusDI.map((v, i) => (i < pad ? NaN : v)),
        pick('mdi'),
        1e-9
      );
    }
  });

  it('keeps every line within 0–100', () => {
    const { high, low, close } = pricePath(BARS, 7);
    const out = adx(high, low, close, 14);
    for (const line of [out.adx, out.plusDI, out.minusDI]) {
      for (const v of line) if (!Number.isNaN(v)) expect(v >= 0 && v <= 100).toBe(true);
    }
  });

  it('agrees bit for bit between streaming and batch, and after reset', () => {
    const { high, low, close } = pricePath(BARS);
    const indicator = new AdxIndicator(14);
    const lines: [number[], number[], number[]] = [[], [], []];
    const run = (): void => {
      lines.forEach((line) => (line.length = 0));
      close.forEach((c, i) => {
        lines[0].push(indicator.update(high[i] as number, low[i] as number, c));
        lines[1].push(indicator.plusDI);
        lines[2].push(indicator.minusDI);
      });
    };
    run();
    const out = adx(high, low, close, 14);
    expectIdentical(out.adx, lines[0]);
    expectIdentical(out.plusDI, lines[1]);
    expectIdentical(out.minusDI, lines[2]);
    expect(Object.is(indicator.value, indicator.adx)).toBe(true);
    indicator.reset();
    expect(indicator.ready).toBe(false);
    run();
    expectIdentical(out.adx, lines[0]);
  });

  it('treats a bar with any non-finite field as a gap', () => {
    const { high, low, close } = pricePath(300);
    const { columns, gap } = insertBarGaps([high, low, close], GAP_POSITIONS);
    const [h, l, c] = columns as [number[], number[], number[]];
    const gapped = adx(h, l, c, 5);
    const clean = adx(high, low, close, 5);
    expectGapTransparent(gapped.adx, gap, clean.adx);
    expectGapTransparent(gapped.plusDI, gap, clean.plusDI);
    expectGapTransparent(gapped.minusDI, gap, clean.minusDI);
  });

  it('rejects mismatched lengths and bad periods, naming them', () => {
    expect(() => adx([1, 2], [1, 2], [1])).toThrow(/^close\.length: /);
    expect(() => adx([1], [1], [1], 0.5)).toThrow(InvalidArgumentError);
  });
});

import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERIODS_PER_YEAR, computeStatistics, type Statistics } from '../../src/statistics/compute-statistics.js';
import type { TradeLike } from '../../src/statistics/trades.js';
import {
  HAND_EQUITY,
  HAND_MEAN,
  HAND_SUM_D2,
  HAND_SUM_D3,
  HAND_SUM_D4,
  equityFrom,
  expectClose,
  expectPath,
  phi,
  randomReturns,
} from './helpers.js';

const trade = (pnl: number): TradeLike => ({ pnl, fees: 1, quantity: 10, entryPrice: 10, entryTime: 0, exitTime: 60_000 });

/** True when `value` is made only of numbers, nulls and plain objects. */
function isPlain(value: unknown): boolean {
  if (value === null || typeof value === 'number') return true;
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value as Record<string, unknown>).every(isPlain);
}

describe('computeStatistics', () => {
  it('computes every figure of the hand example 100 → 110 → 99 → 120', () => {
    const s = computeStatistics({ equity: HAND_EQUITY });
    expect(s.periods).toBe(3);
    expect(s.periodsPerYear).toBe(252);
    expect(DEFAULT_PERIODS_PER_YEAR).toBe(252);
    expect(s.riskFree).toBe(0);
    expectClose(s.totalReturn, 0.2, 1e-15);
    expectClose(s.cagr, 1.2 ** 84 - 1, 1e-12); // (120/100)^(252/3) − 1
    const sd = Math.sqrt(24_501) / 990;
    expectClose(s.annualizedVolatility, sd * Math.sqrt(252), 1e-14);
    expectClose(s.sharpeRatio, (HAND_MEAN / sd) * Math.sqrt(252), 1e-13);
    expectClose(s.sortinoRatio, (HAND_MEAN / Math.sqrt(0.01 / 3)) * Math.sqrt(252), 1e-13);
    expect(s.maxDrawdown).toEqual({ depth: expect.closeTo(0.1, 15), peakIndex: 1, troughIndex: 2, recoveryIndex: 3 });
    expectClose(s.calmarRatio, (1.2 ** 84 - 1) / 0.1, 1e-12);
    expectClose(s.skewness, -3_087_630 / 24_501 ** 1.5, 1e-13);
    expect(s.excessKurtosis).toBeNaN(); // needs 4 returns
    const sr = HAND_MEAN / sd;
    const m2 = HAND_SUM_D2 / 3;
    const g3 = HAND_SUM_D3 / 3 / m2 ** 1.5;
    const g4 = HAND_SUM_D4 / 3 / m2 ** 2;
    expectClose(s.probabilisticSharpeRatio, phi((sr * Math.SQRT2) / Math.sqrt(1 - g3 * sr + ((g4 - 1) / 4) * sr * sr)), 2e-7);
  });

  it('reports null for every figure whose input was not supplied', () => {
    const s = computeStatistics({ equity: HAND_EQUITY });
    expect([s.startTime, s.endTime, s.alpha, s.beta, s.trackingError, s.informationRatio]).toEqual([null, null, null, null, null, null]);
    expect([s.trades, s.turnover, s.annualizedTurnover, s.exposure, s.averageGrossExposure]).toEqual([null, null, null, null, null]);
  });

  it('accepts the benchmark as an equity curve or as returns, with the same result', () => {
    // benchmark returns 0.01, 0.02, −0.01; β worked by hand in benchmark.test.ts: −1 347·300/(2·990·21)
    const beta = (-1347 * 300) / (2 * 990 * 21);
    const asReturns = computeStatistics({ equity: HAND_EQUITY, benchmark: [0.01, 0.02, -0.01] });
    const asCurve = computeStatistics({ equity: HAND_EQUITY, benchmark: [100, 101, 103.02, 101.9898] });
    expectClose(asReturns.beta!, beta, 1e-12);
    expectClose(asReturns.alpha!, (HAND_MEAN - beta * (2 / 300)) * 252, 1e-12);
    expectClose(asCurve.beta!, beta, 1e-9);
    expectClose(asCurve.alpha!, asReturns.alpha!, 1e-9);
    const active = [0.09, -0.12, 21 / 99 + 0.01];
    const te = sampleStandardDeviation(active) * Math.sqrt(252);
    expectClose(asReturns.trackingError!, te, 1e-13);
    expectClose(asReturns.informationRatio!, (mean(active) * 252) / te, 1e-12);
  });

  it('includes trades, turnover, exposure and the time span when given', () => {
    const s = computeStatistics({
      equity: [1000, 1100, 1050],
      timestamps: [1_000, 2_000, 3_000],
      periodsPerYear: 12,
      riskFree: 0.02,
      trades: [trade(60), trade(-10)],
      fills: [
        { quantity: 10, price: 100 },
        { quantity: -10, price: 110 },
      ],
      exposure: [0, 1000, 0],
    });
    expect([s.startTime, s.endTime]).toEqual([1_000, 3_000]);
    expect(s.periodsPerYear).toBe(12);
    expect(s.riskFree).toBe(0.02);
    expect(s.trades?.tradeCount).toBe(2);
    expect(s.trades?.totalPnl).toBe(50);
    expect(s.trades?.returnOnInitialEquity).toBe(0.05); // 50 / 1 000, the curve's first point
    expectClose(s.turnover!, 2, 1e-14); // 2 100 / 1 050
    expectClose(s.annualizedTurnover!, 12, 1e-13); // 2 × 12 / 2
    expectClose(s.exposure!, 1 / 3, 1e-15);
    expectClose(s.averageGrossExposure!, 1000 / 3, 1e-13);
    // r = 0.1, 1050/1100 − 1; e = r − 0.02/12
    const e = [0.1, 1050 / 1100 - 1].map((r) => r - 0.02 / 12);
    expectClose(s.sharpeRatio, (mean(e) / sampleStandardDeviation(e)) * Math.sqrt(12), 1e-12);
  });

  it('accepts exposure with one entry per period', () => {
    expect(computeStatistics({ equity: [100, 101, 102], exposure: [0, 5] }).exposure).toBe(0.5);
  });

  it('agrees with second computations on a seeded 1 000-period curve', () => {
    const r = randomReturns(41, 1000, 0.0004, 0.012);
    const s = computeStatistics({ equity: new Float64Array(equityFrom(r, 1_000_000)) });
    expect(s.periods).toBe(1000);
    expectClose(s.annualizedVolatility, sampleStandardDeviation(r) * Math.sqrt(252), 1e-9);
    expectClose(s.sharpeRatio, (mean(r) / sampleStandardDeviation(r)) * Math.sqrt(252), 1e-8);
    expect(s.maxDrawdown.depth).toBeGreaterThan(0);
    expect(s.probabilisticSharpeRatio).toBeGreaterThan(0);
    expect(s.probabilisticSharpeRatio).toBeLessThan(1);
  });

  it('gives NaN, not an error, when there are too few returns', () => {
    const s = computeStatistics({ equity: [100, 105] });
    expect(s.periods).toBe(1);
    for (const v of [s.annualizedVolatility, s.sharpeRatio, s.skewness, s.excessKurtosis, s.probabilisticSharpeRatio]) {
      expect(v).toBeNaN();
    }
    expectClose(s.totalReturn, 0.05, 1e-15);
  });

  it('returns a plain, JSON-friendly object without series', () => {
    const s: Statistics = computeStatistics({ equity: HAND_EQUITY, trades: [trade(1)], fills: [], exposure: [0, 1, 1, 0] });
    expect(isPlain(s)).toBe(true);
    const roundTrip = JSON.parse(JSON.stringify(s)) as Record<string, unknown>;
    expect(roundTrip.totalReturn).toBe(s.totalReturn);
    expect(roundTrip.maxDrawdown).toEqual(s.maxDrawdown);
  });

  it('rejects bad input by path', () => {
    expectPath(() => computeStatistics({ equity: [100, 101, 102, Number.NaN] }), 'equity[3]');
    expectPath(() => computeStatistics({ equity: [100] }), 'equity');
    expectPath(() => computeStatistics({ equity: HAND_EQUITY, periodsPerYear: 0 }), 'periodsPerYear');
    expectPath(() => computeStatistics({ equity: HAND_EQUITY, riskFree: Number.NaN }), 'riskFree');
    expectPath(() => computeStatistics({ equity: HAND_EQUITY, benchmark: [1, 2, 3, 4, 5, 6, 7] }), 'benchmark');
    expectPath(() => computeStatistics({ equity: HAND_EQUITY, benchmark: [100, 101, 0, 102] }), 'benchmark[2]');
    expectPath(() => computeStatistics({ equity: HAND_EQUITY, benchmark: [0.1, Number.NaN, 0.1] }), 'benchmark[1]');
    expectPath(() => computeStatistics({ equity: HAND_EQUITY, trades: [trade(1), trade(2), trade(Number.NaN)] }), 'trades[2].pnl');
    expectPath(() => computeStatistics({ equity: HAND_EQUITY, fills: [{ quantity: 1, price: Number.NaN }] }), 'fills[0].price');
    expectPath(() => computeStatistics({ equity: HAND_EQUITY, exposure: [1, 2] }), 'exposure');
    expectPath(() => computeStatistics({ equity: HAND_EQUITY, exposure: [1, 2, Number.NaN] }), 'exposure[2]');
    expectPath(() => computeStatistics({ equity: HAND_EQUITY, timestamps: [1, 2, 2, 3] }), 'timestamps[2]');
    expectPath(() => computeStatistics({ equity: HAND_EQUITY, timestamps: [1, 2, 3] }), 'timestamps');
    expectPath(() => computeStatistics(null as unknown as { equity: number[] }), 'input');
  });
});

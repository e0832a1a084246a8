import fc from 'fast-check';
import { mean, sampleSkewness, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { probabilisticSharpeRatio } from '../../src/statistics/probabilistic-sharpe.js';
import { HAND_RETURNS, HAND_SUM_D2, HAND_SUM_D3, HAND_SUM_D4, expectClose, expectPath, phi, randomReturns } from './helpers.js';

/** PSR by a second route: simple-statistics moments and Φ from its error function. */
function psrSecondRoute(r: readonly number[], benchmarkSharpe = 0): number {
  const n = r.length;
  const mu = mean(r);
  const sr = mu / sampleStandardDeviation(r);
  const g3 = sampleSkewness(r, true);
  const m2 = r.reduce((a, x) => a + (x - mu) ** 2, 0) / n;
  const m4 = r.reduce((a, x) => a + (x - mu) ** 4, 0) / n;
  const g4 = m4 / m2 ** 2;
  return phi(((sr - benchmarkSharpe) * Math.sqrt(n - 1)) / Math.sqrt(1 - g3 * sr + ((g4 - 1) / 4) * sr * sr));
}

describe('probabilisticSharpeRatio', () => {
  it('gives Φ(√2) for returns 0.03, 0.01', () => {
    // mean 0.02, sample sd 0.01·√2, so SR = √2; two points: γ3 = 0, γ4 = 1, so the root is 1
    // z = √2 · √(2 − 1) / 1 = √2; Φ(√2) = (1 + erf(1))/2 with erf(1) = 0.8427007929497149
    expect(probabilisticSharpeRatio([0.03, 0.01])).toBeCloseTo((1 + 0.8427007929497149) / 2, 14);
    expectClose(probabilisticSharpeRatio([0.03, 0.01]), phi(Math.SQRT2), 2e-7);
  });

  it('works the hand example: SR = 70/√24 501, biased γ3 and γ4 from Σd^k', () => {
    const sr = 70 / Math.sqrt(24_501); // (7/99) / (√24 501/990)
    const m2 = HAND_SUM_D2 / 3;
    const g3 = HAND_SUM_D3 / 3 / m2 ** 1.5;
    const g4 = HAND_SUM_D4 / 3 / m2 ** 2;
    const z = (sr * Math.sqrt(2)) / Math.sqrt(1 - g3 * sr + ((g4 - 1) / 4) * sr * sr);
    expectClose(probabilisticSharpeRatio(HAND_RETURNS), phi(z), 2e-7);
  });

  it('matches a second computation on seeded skewed returns, with and without a benchmark Sharpe', () => {
    const r = randomReturns(21, 500, 0.0008, 0.01).map((x) => x - 20 * Math.min(0, x) ** 2);
    expectClose(probabilisticSharpeRatio(r), psrSecondRoute(r), 5e-7);
    expectClose(probabilisticSharpeRatio(r, { benchmarkSharpe: 0.05 }), psrSecondRoute(r, 0.05), 5e-7);
  });

  it('is 1/2 when the benchmark Sharpe equals the sample Sharpe', () => {
    const r = randomReturns(22, 250);
    const sr = mean(r) / sampleStandardDeviation(r);
    expect(probabilisticSharpeRatio(r, { benchmarkSharpe: sr })).toBeCloseTo(0.5, 12);
  });

  it('subtracts riskFree / periodsPerYear like the Sharpe ratio', () => {
    const r = randomReturns(23, 300);
    const shifted = r.map((x) => x - 0.05 / 252);
    expectClose(probabilisticSharpeRatio(r, { riskFree: 0.05, periodsPerYear: 252 }), psrSecondRoute(shifted), 5e-7);
  });

  it('is NaN for fewer than 2 returns or a constant series', () => {
    expect(probabilisticSharpeRatio([0.01])).toBeNaN();
    expect(probabilisticSharpeRatio([0.01, 0.01, 0.01])).toBeNaN();
  });

  it('is a probability that falls as the benchmark Sharpe rises (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (ints, sr0, step) => {
          const r = ints.map((i) => i / 10_000);
          fc.pre(new Set(r).size > 1);
          const low = probabilisticSharpeRatio(r, { benchmarkSharpe: sr0 });
          const high = probabilisticSharpeRatio(r, { benchmarkSharpe: sr0 + step });
          expect(low).toBeGreaterThanOrEqual(0);
          expect(low).toBeLessThanOrEqual(1);
          expect(high).toBeLessThanOrEqual(low);
        },
      ),
    );
  });

  it('rejects bad input by path; a risk-free rate needs periodsPerYear', () => {
    expectPath(() => probabilisticSharpeRatio([0.01, 0.02], { riskFree: 0.02 }), 'periodsPerYear');
    expectPath(() => probabilisticSharpeRatio([0.01, 0.02], { periodsPerYear: -1 }), 'periodsPerYear');
    expectPath(() => probabilisticSharpeRatio([0.01, 0.02], { benchmarkSharpe: Number.NaN }), 'benchmarkSharpe');
    expectPath(() => probabilisticSharpeRatio([0.01, Number.NaN]), 'returns[1]');
  });
});

import fc from 'fast-check';
import { linearRegression, mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { alphaBeta, informationRatio, trackingError } from '../../src/statistics/benchmark.js';
import { HAND_MEAN, HAND_RETURNS, expectClose, expectPath, randomReturns } from './helpers.js';

// benchmark returns 0.01, 0.02, −0.01: mean 2/300; deviations 1/300, 4/300, −5/300
// Σ(db)² = 42/300², var(b) = 21/300²
// Σ dr·db = (29·1 − 169·4 − 140·5)/(990·300) = −1 347/(990·300), cov = −1 347/(2·990·300)
// β = cov/var = −1 347·300/(2·990·21)
const HAND_BENCH = [0.01, 0.02, -0.01];
const HAND_BETA = (-1347 * 300) / (2 * 990 * 21);

describe('alphaBeta', () => {
  it('gives the hand-worked β and α = (7/99 − β·2/300) × 252', () => {
    const { alpha, beta } = alphaBeta(HAND_RETURNS, HAND_BENCH, { periodsPerYear: 252 });
    expectClose(beta, HAND_BETA, 1e-12);
    expectClose(alpha, (HAND_MEAN - HAND_BETA * (2 / 300)) * 252, 1e-12);
  });

  it('matches the OLS slope and intercept of simple-statistics linearRegression on seeded returns', () => {
    const b = randomReturns(31, 500);
    const noise = randomReturns(32, 500, 0.0002, 0.005);
    const r = b.map((x, i) => 1.3 * x + noise[i]!);
    const { m, b: intercept } = linearRegression(b.map((x, i) => [x, r[i]!]));
    const { alpha, beta } = alphaBeta(new Float64Array(r), b, { periodsPerYear: 252 });
    expectClose(beta, m, 1e-10);
    expectClose(alpha, intercept * 252, 1e-10);
  });

  it('recovers β = k and α = c·p exactly when r = k·b + c (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 }),
        fc.integer({ min: -30, max: 30 }),
        fc.integer({ min: -10, max: 10 }),
        (ints, k10, c) => {
          const b = ints.map((i) => i / 10_000);
          fc.pre(new Set(b).size > 1);
          const k = k10 / 10;
          const r = b.map((x) => k * x + c / 10_000);
          const { alpha, beta } = alphaBeta(r, b, { periodsPerYear: 12 });
          expect(Math.abs(beta - k)).toBeLessThan(1e-9);
          expect(Math.abs(alpha - (c / 10_000) * 12)).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it('is NaN for a constant benchmark or a single period', () => {
    const flat = alphaBeta([0.01, 0.02, 0.03], [0.005, 0.005, 0.005], { periodsPerYear: 252 });
    expect(flat.alpha).toBeNaN();
    expect(flat.beta).toBeNaN();
    expect(alphaBeta([0.01], [0.02], { periodsPerYear: 252 }).beta).toBeNaN();
  });

  it('rejects mismatched lengths and bad values by path', () => {
    expectPath(() => alphaBeta([0.01, 0.02], [0.01], { periodsPerYear: 252 }), 'benchmark');
    expectPath(() => alphaBeta([0.01, 0.02], [0.01, Number.NaN], { periodsPerYear: 252 }), 'benchmark[1]');
    expectPath(() => alphaBeta([0.01, 0.02], [0.01, 0.02], { periodsPerYear: 0 }), 'periodsPerYear');
  });
});

describe('trackingError and informationRatio', () => {
  it('use the active returns r − b of the hand example: 0.09, −0.12, 21/99 + 0.01', () => {
    const active = [0.09, -0.12, 21 / 99 + 0.01];
    const te = sampleStandardDeviation(active) * Math.sqrt(252);
    expectClose(trackingError(HAND_RETURNS, HAND_BENCH, 252), te, 1e-13);
    expectClose(informationRatio(HAND_RETURNS, HAND_BENCH, 252), (mean(active) * 252) / te, 1e-12);
  });

  it('is 0 tracking error and NaN information ratio against itself, ±Infinity with a constant active return', () => {
    const r = randomReturns(33, 50);
    expect(trackingError(r, r, 252)).toBe(0);
    expect(informationRatio(r, r, 252)).toBeNaN();
    // binary-exact values: the active return is exactly 0.25 every period
    expect(trackingError([0.5, 0.75, 0.25], [0.25, 0.5, 0], 252)).toBe(0);
    expect(informationRatio([0.5, 0.75, 0.25], [0.25, 0.5, 0], 252)).toBe(Number.POSITIVE_INFINITY);
    expect(informationRatio([0.25, 0.5, 0], [0.5, 0.75, 0.25], 252)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('are NaN for a single period', () => {
    expect(trackingError([0.01], [0.02], 252)).toBeNaN();
    expect(informationRatio([0.01], [0.02], 252)).toBeNaN();
  });

  it('rejects mismatched lengths by path', () => {
    expectPath(() => trackingError([0.01, 0.02], [0.01, 0.02, 0.03], 252), 'benchmark');
    expectPath(() => informationRatio([0.01, Number.NaN], [0.01, 0.02], 252), 'returns[1]');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excessKurtosis, populationMomentRatios, skewness } from '../../src/statistics/higher-moments.js';
import { HAND_RETURNS, HAND_SUM_D2, HAND_SUM_D3, HAND_SUM_D4, expectClose, expectPath, randomReturns } from './helpers.js';

/** Skewness and kurtosis from the raw power sums Σx, Σx², Σx³, Σx⁴ (a different route from central deviations). */
function fromRawMoments(x: readonly number[]): { g1: number; b2: number; G1: number; G2: number } {
  const n = x.length;
  const s = [1, 2, 3, 4].map((k) => x.reduce((acc, v) => acc + v ** k, 0) / n);
  const [a1, a2, a3, a4] = s as [number, number, number, number];
  const m2 = a2 - a1 ** 2;
  const m3 = a3 - 3 * a1 * a2 + 2 * a1 ** 3;
  const m4 = a4 - 4 * a1 * a3 + 6 * a1 ** 2 * a2 - 3 * a1 ** 4;
  const g1 = m3 / m2 ** 1.5;
  const b2 = m4 / m2 ** 2;
  // adjusted Fisher–Pearson G1 and the bias-corrected excess kurtosis G2
  const G1 = (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
  const G2 = (((n + 1) * (b2 - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
  return { g1, b2, G1, G2 };
}

const EXCEL_DATA = [3, 4, 5, 2, 3, 4, 5, 6, 4, 7];

describe('skewness', () => {
  it("reproduces Excel's documented SKEW example, 0.359543071", () => {
    expect(skewness(EXCEL_DATA)).toBeCloseTo(0.359543071, 9);
  });

  it('gives G1 = 3/(2·1) × Σd³ / s³ = −3 087 630 / 24 501^1.5 on the hand example', () => {
    // n Σd³ / ((n−1)(n−2) s³) with Σd³ = −2 058 420/990³ and s³ = 24 501^1.5/990³
    expectClose(skewness(HAND_RETURNS), -3_087_630 / 24_501 ** 1.5, 1e-13);
  });

  it('matches the raw-moment formula on 2 000 seeded returns', () => {
    const r = randomReturns(11, 2000, 0.0005, 0.01).map((x) => x + 0.5 * Math.max(0, x) ** 2 * 100);
    expectClose(skewness(new Float64Array(r)), fromRawMoments(r).G1, 1e-8);
  });

  it('is NaN below 3 returns and for a constant series', () => {
    expect(skewness([0.1, 0.2])).toBeNaN();
    expect(skewness([0.01, 0.01, 0.01, 0.01])).toBeNaN();
  });

  it('flips sign when the returns are negated (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 40 }), (ints) => {
        const r = ints.map((i) => i / 10_000);
        fc.pre(new Set(r).size > 1);
        const s = skewness(r);
        expect(Math.abs(skewness(r.map((x) => -x)) + s)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(s)));
      }),
    );
  });

  it('rejects bad returns by path', () => {
    expectPath(() => skewness([0.1, Number.NaN, 0.2]), 'returns[1]');
    expectPath(() => skewness([]), 'returns');
  });
});

describe('excessKurtosis', () => {
  it("reproduces Excel's documented KURT example, −0.151799637", () => {
    expect(excessKurtosis(EXCEL_DATA)).toBeCloseTo(-0.151799637, 9);
  });

  it('follows G2 = ((n+1) g2 + 6)(n−1)/((n−2)(n−3)) on the raw-moment route, 2 000 seeded returns', () => {
    const r = randomReturns(12, 2000, 0, 0.01).map((x) => x * (1 + 30 * Math.abs(x)));
    expectClose(excessKurtosis(r), fromRawMoments(r).G2, 1e-8);
  });

  it('is about 0 for a large normal sample and positive for a fat-tailed one', () => {
    expect(Math.abs(excessKurtosis(randomReturns(13, 20_000)))).toBeLessThan(0.15);
    const rng = randomReturns(14, 5000).map((x, i) => (i % 50 === 0 ? x * 10 : x));
    expect(excessKurtosis(rng)).toBeGreaterThan(3);
  });

  it('is NaN below 4 returns and for a constant series', () => {
    expect(excessKurtosis(HAND_RETURNS)).toBeNaN();
    expect(excessKurtosis([0.2, 0.2, 0.2, 0.2, 0.2])).toBeNaN();
  });

  it('is unchanged by an affine map a + c·r with c ≠ 0 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 4, maxLength: 40 }),
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: 1, max: 50 }),
        (ints, a, c) => {
          const r = ints.map((i) => i / 10_000);
          fc.pre(new Set(r).size > 1);
          const k = excessKurtosis(r);
          expect(Math.abs(excessKurtosis(r.map((x) => a / 100 - c * x)) - k)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(k)));
        },
      ),
    );
  });
});

describe('populationMomentRatios', () => {
  it('gives the plain g1 = m3/m2^1.5 and non-excess b2 = m4/m2² of the hand example', () => {
    // m_k = Σd^k / 3
    const m2 = HAND_SUM_D2 / 3;
    const { skew, kurtosis } = populationMomentRatios(HAND_RETURNS);
    expectClose(skew, HAND_SUM_D3 / 3 / m2 ** 1.5, 1e-13);
    expectClose(kurtosis, HAND_SUM_D4 / 3 / m2 ** 2, 1e-13);
  });

  it('gives skew 0 and kurtosis 1 for two points, and NaN for a constant series', () => {
    const { skew, kurtosis } = populationMomentRatios([0.03, 0.01]);
    expectClose(skew, 0, 1e-12);
    expectClose(kurtosis, 1, 1e-12);
    expect(populationMomentRatios([0.1, 0.1]).skew).toBeNaN();
    expect(populationMomentRatios([]).kurtosis).toBeNaN();
  });

  it('matches the raw-moment route on seeded returns', () => {
    const r = randomReturns(15, 1000);
    const expected = fromRawMoments(r);
    const { skew, kurtosis } = populationMomentRatios(r);
    expectClose(skew, expected.g1, 1e-8);
    expectClose(kurtosis, expected.b2, 1e-8);
  });

  it("obeys Pearson's inequality b2 ≥ 1 + g1² (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 }), (ints) => {
        const r = ints.map((i) => i / 1000);
        fc.pre(new Set(r).size > 1);
        const { skew, kurtosis } = populationMomentRatios(r);
        expect(kurtosis).toBeGreaterThanOrEqual(1 + skew * skew - 1e-9);
      }),
    );
  });
});

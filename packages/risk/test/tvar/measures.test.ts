import { InvalidArgumentError } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cornishFisherVaR,
  covarianceMatrix,
  historicalES,
  historicalVaR,
  parametricTVaR,
  parametricVaR,
  portfolioReturns,
  portfolioVolatility,
} from '../../src/tvar/measures.js';

// Standard normal quantiles from printed tables (independent of jstat).
const Z95 = 1.6448536269514722;
const Z99 = 2.3263478740408408;

/** Standard normal density, written out. */
const phi = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/**
 * Moments from raw power sums (a different route from the two-pass code under test):
 * mean, sample sd, and the central moments m2..m4 with the 1/n divisor.
 */
function rawMoments(xs: readonly number[]): { mean: number; sd: number; m2: number; m3: number; m4: number } {
  const n = xs.length;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (const x of xs) {
    s1 += x;
    s2 += x ** 2;
    s3 += x ** 3;
    s4 += x ** 4;
  }
  const mu = s1 / n;
  const m2 = s2 / n - mu ** 2;
  const m3 = s3 / n - 3 * mu * (s2 / n) + 2 * mu ** 3;
  const m4 = s4 / n - 4 * mu * (s3 / n) + 6 * mu ** 2 * (s2 / n) - 3 * mu ** 4;
  return { mean: mu, sd: Math.sqrt((m2 * n) / (n - 1)), m2, m3, m4 };
}

/** Bias-corrected skewness G1 and excess kurtosis G2 from the central moments. */
function g1g2(n: number, m2: number, m3: number, m4: number): { g1: number; g2: number } {
  const g1 = (Math.sqrt(n * (n - 1)) / (n - 2)) * (m3 / m2 ** 1.5);
  const g2 = ((n - 1) / ((n - 2) * (n - 3))) * ((n + 1) * (m4 / m2 ** 2 - 3) + 6);
  return { g1, g2 };
}

// Sample A: returns [0.02, −0.01, 0.03, −0.04, 0.01].
// Losses −r = [−0.02, 0.01, −0.03, 0.04, −0.01]; sorted: x = [−0.03, −0.02, −0.01, 0.01, 0.04].
const SAMPLE_A = [0.02, -0.01, 0.03, -0.04, 0.01];

describe('historicalVaR', () => {
  it('interpolates linearly between order statistics of the losses (R type 7)', () => {
    // α = 0.9: h = 4·0.9 = 3.6 → x[3] + 0.6·(x[4] − x[3]) = 0.01 + 0.6·0.03 = 0.028
    expect(historicalVaR(SAMPLE_A, 0.9)).toBeCloseTo(0.028, 14);
    // α = 0.8: h = 3.2 → 0.01 + 0.2·0.03 = 0.016
    expect(historicalVaR(SAMPLE_A, 0.8)).toBeCloseTo(0.016, 14);
    // α = 0.7: h = 2.8 → −0.01 + 0.8·(0.01 − (−0.01)) = 0.006
    expect(historicalVaR(SAMPLE_A, 0.7)).toBeCloseTo(0.006, 14);
    // α = 0.5: h = 2 exactly → x[2] = −0.01 (the median loss is a gain)
    expect(historicalVaR(SAMPLE_A, 0.5)).toBeCloseTo(-0.01, 14);
    // numpy.quantile(losses, 0.95) = 0.034: h = 3.8 → 0.01 + 0.8·0.03
    expect(historicalVaR(SAMPLE_A, 0.95)).toBeCloseTo(0.034, 14);
  });

  it('gives the same answer for a Float64Array and a number[]', () => {
    expect(historicalVaR(Float64Array.from(SAMPLE_A), 0.9)).toBe(historicalVaR(SAMPLE_A, 0.9));
  });
});

describe('historicalES', () => {
  it('averages the losses at or beyond the historical VaR', () => {
    // α = 0.9: VaR 0.028 → losses ≥ 0.028: {0.04} → 0.04
    expect(historicalES(SAMPLE_A, 0.9)).toBeCloseTo(0.04, 14);
    // α = 0.7: VaR 0.006 → {0.01, 0.04} → 0.025
    expect(historicalES(SAMPLE_A, 0.7)).toBeCloseTo(0.025, 14);
    // α = 0.5: VaR −0.01 → {−0.01, 0.01, 0.04} → 0.04 / 3
    expect(historicalES(SAMPLE_A, 0.5)).toBeCloseTo(0.04 / 3, 14);
  });

  it('is never below the historical VaR', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 2, maxLength: 60 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (returns, alpha) => historicalES(returns, alpha) >= historicalVaR(returns, alpha),
      ),
    );
  });
});

describe('parametricVaR and parametricTVaR', () => {
  // Raw sums of sample A: Σr = 0.01, Σr² = 0.0031 → mean 0.002,
  // sample variance (0.0031 − 0.01²/5)/4 = 0.00077, sd = 0.0277489 (numpy: 0.027748873851023217).
  const mean = 0.01 / 5;
  const sd = Math.sqrt((0.0031 - 0.01 ** 2 / 5) / 4);

  it('pins the normal tail constants: φ(1.644854)/0.05 = 2.062713', () => {
    expect(phi(Z95) / 0.05).toBeCloseTo(2.062713, 6);
    expect(phi(1.644854) / 0.05).toBeCloseTo(2.062713, 5);
  });

  it('is μ_L + 1.644854σ at 95 % and μ_L + 2.326348σ at 99 %', () => {
    expect(sd).toBeCloseTo(0.027748873851023217, 15);
    expect(parametricVaR(SAMPLE_A, 0.95)).toBeCloseTo(-mean + Z95 * sd, 12);
    expect(parametricVaR(SAMPLE_A, 0.99)).toBeCloseTo(-mean + 2.326348 * sd, 7);
    expect(parametricVaR(SAMPLE_A, 0.99)).toBeCloseTo(-mean + Z99 * sd, 12);
  });

  it('gives TVaR = μ_L + 2.062713σ at 95 %', () => {
    expect(parametricTVaR(SAMPLE_A, 0.95)).toBeCloseTo(-mean + 2.062713 * sd, 7);
    expect(parametricTVaR(SAMPLE_A, 0.99)).toBeCloseTo(-mean + (phi(Z99) / 0.01) * sd, 10);
  });

  it('treats losses as negated returns: a positive drift lowers the VaR', () => {
    const shifted = SAMPLE_A.map((r) => r + 0.01);
    expect(parametricVaR(shifted, 0.95)).toBeCloseTo(parametricVaR(SAMPLE_A, 0.95) - 0.01, 12);
  });
});

describe('cornishFisherVaR', () => {
  // Sample B: one crash. scipy.stats.skew(−b, bias=False) = 2.1005674315545972 (loss skew,
  // returns' skew is −2.1006), scipy.stats.kurtosis(−b, bias=False) = 4.896324100187371.
  const SAMPLE_B = [0.012, -0.003, 0.008, -0.065, 0.004, 0.015, -0.011, 0.006, 0.002, -0.021];
  const losses = SAMPLE_B.map((r) => -r);

  it('uses the skewness and excess kurtosis of the losses', () => {
    const { mean, sd, m2, m3, m4 } = rawMoments(losses);
    const { g1: s, g2: k } = g1g2(losses.length, m2, m3, m4);
    expect(s).toBeCloseTo(2.1005674315545972, 9);
    expect(k).toBeCloseTo(4.896324100187371, 9);
    for (const alpha of [0.9, 0.95, 0.99]) {
      const z = alpha === 0.95 ? Z95 : alpha === 0.99 ? Z99 : 1.2815515655446004;
      const zcf = z + ((z ** 2 - 1) * s) / 6 + ((z ** 3 - 3 * z) * k) / 24 - ((2 * z ** 3 - 5 * z) * s ** 2) / 36;
      expect(cornishFisherVaR(SAMPLE_B, alpha)).toBeCloseTo(mean + sd * zcf, 10);
    }
    // Reference values computed with scipy/numpy: 0.0538808673 (95 %), 0.0844124616 (99 %).
    expect(cornishFisherVaR(SAMPLE_B, 0.95)).toBeCloseTo(0.053880867349218625, 10);
    expect(cornishFisherVaR(SAMPLE_B, 0.99)).toBeCloseTo(0.08441246162270083, 10);
  });

  it('exceeds the parametric VaR for a crash-prone (left-skewed, fat-tailed) return series', () => {
    expect(cornishFisherVaR(SAMPLE_B, 0.99)).toBeGreaterThan(parametricVaR(SAMPLE_B, 0.99) + 0.02);
  });

  it('reduces to the parametric VaR when skewness and excess kurtosis are zero', () => {
    // {±a, ±b} has G1 = 0 by symmetry; G2 = 0 needs m4/m2² = 3 − 6/(n+1) = 1.8, i.e.
    // 2(a⁴+b⁴) = 1.8(a²+b²)², whose solution is b/a = 2 + √5.
    const a = 0.01;
    const b = a * (2 + Math.sqrt(5));
    const sample = [0.001 + a, 0.001 - a, 0.001 + b, 0.001 - b];
    const { m2, m3, m4 } = rawMoments(sample);
    const { g1, g2 } = g1g2(sample.length, m2, m3, m4);
    expect(Math.abs(g1)).toBeLessThan(1e-9);
    expect(Math.abs(g2)).toBeLessThan(1e-9);
    for (const alpha of [0.5, 0.9, 0.95, 0.99, 0.999]) {
      expect(cornishFisherVaR(sample, alpha)).toBeCloseTo(parametricVaR(sample, alpha), 10);
    }
  });

  it('returns the mean loss for a constant sample', () => {
    expect(cornishFisherVaR([0.01, 0.01, 0.01, 0.01], 0.99)).toBeCloseTo(-0.01, 15);
  });

  it('needs at least four returns', () => {
    expect(() => cornishFisherVaR([0.01, 0.02, 0.03], 0.95)).toThrow(InvalidArgumentError);
  });
});

describe('validation', () => {
  const measures = [parametricVaR, parametricTVaR, historicalVaR, historicalES, cornishFisherVaR];

  it.each([0, 1, -0.1, 1.5, Number.NaN])('rejects alpha = %s naming the argument', (alpha) => {
    for (const measure of measures) {
      expect(() => measure(SAMPLE_A, alpha)).toThrow(InvalidArgumentError);
      expect(() => measure(SAMPLE_A, alpha)).toThrow(/^alpha: /);
    }
  });

  it('rejects a sample of one return', () => {
    for (const measure of measures) expect(() => measure([0.01], 0.95)).toThrow(/^returns: expected at least/);
  });

  it('names the index of a non-finite return', () => {
    for (const measure of measures) {
      expect(() => measure([0.01, 0.02, Number.NaN, 0.01], 0.95)).toThrow(/^returns\[2\]: expected a finite number, got NaN/);
      expect(() => measure([0.01, Number.POSITIVE_INFINITY, 0, 0], 0.95)).toThrow(/^returns\[1\]/);
    }
  });
});

describe('monotonicity in alpha', () => {
  const sample = fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 4, maxLength: 60 });
  const alphas = fc
    .tuple(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }))
    .map(([x, y]): [number, number] => (x <= y ? [x, y] : [y, x]));
  // Rounding allowance: 1e-12 of the sample's scale.
  const slack = (returns: readonly number[]): number => 1e-12 * (1 + Math.max(...returns.map(Math.abs)));

  it('never decreases for parametric VaR/TVaR and historical VaR/ES', () => {
    fc.assert(
      fc.property(sample, alphas, (returns, [lo, hi]) => {
        for (const measure of [parametricVaR, parametricTVaR, historicalVaR, historicalES]) {
          expect(measure(returns, hi)).toBeGreaterThanOrEqual(measure(returns, lo) - slack(returns));
        }
      }),
    );
  });

  it('never decreases for Cornish-Fisher VaR wherever the expansion z ↦ z_cf is increasing', () => {
    // dz_cf/dz = c + b z + a z² with a = K/8 − S²/6, b = S/3, c = 1 − K/8 + 5S²/36: positive on
    // [z_lo, z_hi] iff positive at both ends and, when the vertex is inside, at the vertex.
    const increasing = (s: number, k: number, zLo: number, zHi: number): boolean => {
      const a = k / 8 - s ** 2 / 6;
      const b = s / 3;
      const c = 1 - k / 8 + (5 * s ** 2) / 36;
      const d = (z: number): number => a * z * z + b * z + c;
      const vertex = a === 0 ? Number.NaN : -b / (2 * a);
      return d(zLo) > 0 && d(zHi) > 0 && (!(vertex > zLo && vertex < zHi) || d(vertex) > 0);
    };
    const normalish = fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 8, maxLength: 60 });
    const tail = fc.tuple(fc.constantFrom(0.9, 0.95, 0.975), fc.constantFrom(0.99, 0.995, 0.999));
    const zOf: Record<number, number> = {
      0.9: 1.2815515655446004,
      0.95: Z95,
      0.975: 1.959963984540054,
      0.99: Z99,
      0.995: 2.5758293035489004,
      0.999: 3.090232306167813,
    };
    fc.assert(
      fc.property(normalish, tail, (returns, [lo, hi]) => {
        const { m2, m3, m4 } = rawMoments(returns.map((r) => -r));
        fc.pre(m2 > 1e-12);
        const { g1, g2 } = g1g2(returns.length, m2, m3, m4);
        fc.pre(increasing(g1, g2, zOf[lo] ?? 0, zOf[hi] ?? 0));
        expect(cornishFisherVaR(returns, hi)).toBeGreaterThanOrEqual(cornishFisherVaR(returns, lo) - slack(returns));
      }),
    );
  });
});

describe('portfolioReturns', () => {
  it('sums weighted asset returns period by period', () => {
    // t0: 0.5·0.02 − 0.25·0.04 = 0; t1: 0.5·(−0.01) − 0.25·0.02 = −0.01
    const out = portfolioReturns([0.5, -0.25], [
      [0.02, -0.01],
      Float64Array.from([0.04, 0.02]),
    ]);
    expect(out).toBeInstanceOf(Float64Array);
    expect(out[0]).toBeCloseTo(0, 15);
    expect(out[1]).toBeCloseTo(-0.01, 15);
  });

  it('rejects misaligned series and a weight count that differs', () => {
    expect(() => portfolioReturns([1, 1], [[0.01, 0.02], [0.01]])).toThrow(/^returnsMatrix\[1\]/);
    expect(() => portfolioReturns([1], [[0.01], [0.02]])).toThrow(/^weights: /);
  });
});

describe('covarianceMatrix and portfolioVolatility', () => {
  // x = [0.01, 0.02, 0.03], y = [0.01, 0.03, 0.02]; both have mean 0.02.
  // Deviations x: (−0.01, 0, 0.01), y: (−0.01, 0.01, 0):
  // var x = 0.0002/2 = 1e−4, var y = 1e−4, cov = (1e−4 + 0 + 0)/2 = 5e−5.
  const x = [0.01, 0.02, 0.03];
  const y = [0.01, 0.03, 0.02];

  it('is the sample covariance with the n − 1 divisor', () => {
    const cov = covarianceMatrix([x, y]);
    expect(cov).toHaveLength(2);
    expect(cov[0]?.[0]).toBeCloseTo(1e-4, 15);
    expect(cov[1]?.[1]).toBeCloseTo(1e-4, 15);
    expect(cov[0]?.[1]).toBeCloseTo(5e-5, 15);
    expect(cov[1]?.[0]).toBe(cov[0]?.[1]);
  });

  it('is √(wᵀΣw)', () => {
    // 0.36e−4 + 0.16e−4 + 2·0.6·0.4·0.5e−4 = 0.76e−4
    expect(portfolioVolatility([0.6, 0.4], covarianceMatrix([x, y]))).toBeCloseTo(Math.sqrt(0.76e-4), 15);
  });

  it('equals the sample sd of the portfolio return series', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) =>
          fc.tuple(
            fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n, maxLength: n }),
            fc.integer({ min: 2, max: 30 }).chain((t) =>
              fc.array(fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: t, maxLength: t }), {
                minLength: n,
                maxLength: n,
              }),
            ),
          ),
        ),
        ([weights, matrix]) => {
          const series = Array.from(portfolioReturns(weights, matrix));
          const direct = rawMoments(series).sd;
          const viaCov = portfolioVolatility(weights, covarianceMatrix(matrix));
          expect(viaCov).toBeCloseTo(Number.isNaN(direct) ? 0 : direct, 9);
        },
      ),
    );
  });

  it('rejects a matrix that is not positive semi-definite', () => {
    // [1, −1]·[[1, 2], [2, 1]]·[1, −1]ᵀ = 1 + 1 − 4 = −2
    expect(() =>
      portfolioVolatility(
        [1, -1],
        [
          [1, 2],
          [2, 1],
        ],
      ),
    ).toThrow(/^cov: expected a positive semi-definite/);
  });

  it('rejects a non-square matrix', () => {
    expect(() => portfolioVolatility([1, 1], [[1, 0]])).toThrow(/^cov: /);
    expect(() => portfolioVolatility([1, 1], [[1, 0], [0]])).toThrow(/^cov\[1\]/);
  });
});

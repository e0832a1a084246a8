import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveBounds, maximumSharpeWeights, minimumVarianceWeights } from '../../src/portfolio/mean-variance.js';
import { squareMatrix, type SquareMatrix } from '../../src/portfolio/square-matrix.js';

const variance = (c: SquareMatrix, w: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < c.n; i++) for (let j = 0; j < c.n; j++) s += w[i]! * c.data[i * c.n + j]! * w[j]!;
  return s;
};

/** Inverse of a 3×3 matrix by cofactors (a second method, independent of the solver). */
function inverse3(m: number[][]): number[][] {
  const [[a, b, c], [d, e, f], [g, h, i]] = m as [[number, number, number], [number, number, number], [number, number, number]];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}

/** A random covariance B Bᵀ/k + diag(d) from fast-check numbers. */
const covarianceArb = fc.integer({ min: 2, max: 5 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    b: fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: n * n, maxLength: n * n }),
    d: fc.array(fc.double({ min: 0.001, max: 0.05, noNaN: true }), { minLength: n, maxLength: n }),
    mu: fc.array(fc.double({ min: -0.05, max: 0.2, noNaN: true }), { minLength: n, maxLength: n }),
    trials: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { minLength: 10, maxLength: 10 }),
  }),
);

function build(n: number, b: number[], d: number[]): SquareMatrix {
  const rows = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = i === j ? d[i]! : 0;
      for (let k = 0; k < n; k++) s += b[i * n + k]! * b[j * n + k]!;
      return s;
    }),
  );
  return squareMatrix(rows);
}

describe('minimumVarianceWeights', () => {
  // σ₁ = 0.2, σ₂ = 0.3, ρ = 0.2 ⇒ σ₁₂ = 0.012.
  const s1 = 0.04;
  const s2 = 0.09;
  const s12 = 0.012;
  const cov = squareMatrix([
    [s1, s12],
    [s12, s2],
  ]);

  it('matches the closed-form two-asset solution w₁ = (σ₂² − σ₁₂)/(σ₁² + σ₂² − 2σ₁₂)', () => {
    const w1 = (s2 - s12) / (s1 + s2 - 2 * s12); // = 0.078 / 0.106 ≈ 0.735849
    const w = minimumVarianceWeights(cov);
    expect(w[0]).toBeCloseTo(w1, 12);
    expect(w[1]).toBeCloseTo(1 - w1, 12);
  });

  it('stops at a binding upper bound', () => {
    const w = minimumVarianceWeights(cov, { maxWeight: 0.6 });
    expect(w[0]).toBeCloseTo(0.6, 12);
    expect(w[1]).toBeCloseTo(0.4, 12);
  });

  it('matches Σ⁻¹1 / 1ᵀΣ⁻¹1 for three assets inside the bounds', () => {
    const rows = [
      [0.04, 0.006, 0.002],
      [0.006, 0.09, 0.009],
      [0.002, 0.009, 0.0625],
    ];
    const inv = inverse3(rows);
    const raw = inv.map((r) => r.reduce((a, b) => a + b, 0));
    const total = raw.reduce((a, b) => a + b, 0);
    const w = minimumVarianceWeights(squareMatrix(rows));
    raw.forEach((r, i) => expect(w[i]).toBeCloseTo(r / total, 12));
  });

  it('widens infeasible bounds to contain 1/n', () => {
    expect(effectiveBounds(2, { maxWeight: 0.3 })).toEqual({ lower: 0, upper: 0.5 });
    expect(effectiveBounds(4, { minWeight: 0.3 })).toEqual({ lower: 0.25, upper: 1 });
    expect(() => effectiveBounds(2, { minWeight: 0.6, maxWeight: 0.5 })).toThrow(/minWeight/);
    expect(() => effectiveBounds(2, { maxWeight: 0 })).toThrow(/maxWeight/);
  });

  it('is feasible and no riskier than random admissible portfolios (property)', () => {
    fc.assert(
      fc.property(covarianceArb, fc.double({ min: 0.3, max: 1, noNaN: true }), ({ n, b, d, trials }, cap) => {
        const c = build(n, b, d);
        const upper = Math.max(cap, 1 / n);
        const w = minimumVarianceWeights(c, { maxWeight: cap });
        expect(w.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 12);
        for (const x of w) {
          expect(x).toBeGreaterThanOrEqual(-1e-12);
          expect(x).toBeLessThanOrEqual(upper + 1e-12);
        }
        const best = variance(c, w);
        for (const t of trials) {
          // A random admissible portfolio: normalise, then mix with equal weights until within the cap.
          const s = t.reduce((a, x) => a + x, 0);
          let p = s > 0 ? t.map((x) => x / s) : t.map(() => 1 / n);
          while (p.some((x) => x > upper + 1e-12)) p = p.map((x) => (x + 1 / n) / 2);
          expect(best).toBeLessThanOrEqual(variance(c, p) + 1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('maximumSharpeWeights', () => {
  const cov = squareMatrix([
    [0.04, 0.012],
    [0.012, 0.09],
  ]);
  const mu = [0.08, 0.12];
  const rf = 0.02;

  it('matches the tangency portfolio w ∝ Σ⁻¹(μ − r_f) inside the bounds', () => {
    // Σ⁻¹ ∝ [[0.09, −0.012], [−0.012, 0.04]]; excess [0.06, 0.10]
    // ⇒ ∝ [0.0042, 0.00328] ⇒ w ≈ [0.561497, 0.438503].
    const det = 0.04 * 0.09 - 0.012 ** 2;
    const z1 = (0.09 * (mu[0]! - rf) - 0.012 * (mu[1]! - rf)) / det;
    const z2 = (-0.012 * (mu[0]! - rf) + 0.04 * (mu[1]! - rf)) / det;
    const w = maximumSharpeWeights(mu, cov, rf);
    expect(w[0]).toBeCloseTo(z1 / (z1 + z2), 12);
    expect(w[1]).toBeCloseTo(z2 / (z1 + z2), 12);
    expect(w[0]).toBeCloseTo(0.0042 / 0.00748, 12);
  });

  it('stops at a binding upper bound', () => {
    const w = maximumSharpeWeights(mu, cov, rf, { maxWeight: 0.5 });
    expect(w[0]).toBeCloseTo(0.5, 12);
    expect(w[1]).toBeCloseTo(0.5, 12);
  });

  it('puts nothing in an asset whose tangency weight would be negative (long-only)', () => {
    // Excess [0.06, −0.01]: the unconstrained tangency shorts asset 2; long-only holds asset 1 only.
    const w = maximumSharpeWeights([0.08, 0.01], cov, rf);
    expect(w[0]).toBeCloseTo(1, 12);
    expect(w[1]).toBeCloseTo(0, 12);
  });

  it('falls back to minimum variance when no portfolio beats the risk-free rate', () => {
    const w = maximumSharpeWeights([0.01, 0.015], cov, rf);
    const mv = minimumVarianceWeights(cov);
    expect(w[0]).toBeCloseTo(mv[0]!, 12);
  });

  it('matches Σ⁻¹(μ − r_f) for three assets', () => {
    const rows = [
      [0.04, 0.006, 0.002],
      [0.006, 0.09, 0.009],
      [0.002, 0.009, 0.0625],
    ];
    const excess = [0.05, 0.07, 0.06];
    const inv = inverse3(rows);
    const raw = inv.map((r) => r.reduce((a, x, j) => a + x * excess[j]!, 0));
    const total = raw.reduce((a, b) => a + b, 0);
    const w = maximumSharpeWeights(excess, squareMatrix(rows), 0);
    raw.forEach((r, i) => expect(w[i]).toBeCloseTo(r / total, 12));
  });

  it('names mismatched inputs', () => {
    expect(() => maximumSharpeWeights([0.1], cov)).toThrow(/expectedReturns\.length/);
    expect(() => maximumSharpeWeights([0.1, Number.NaN], cov)).toThrow(/expectedReturns\[1\]/);
  });

  it('has a Sharpe ratio at least that of random admissible portfolios (property)', () => {
    fc.assert(
      fc.property(covarianceArb, ({ n, b, d, mu: m, trials }) => {
        const c = build(n, b, d);
        const w = maximumSharpeWeights(m, c, 0);
        expect(w.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 12);
        for (const x of w) expect(x).toBeGreaterThanOrEqual(-1e-12);
        const sharpe = (p: ArrayLike<number>): number => m.reduce((a, x, i) => a + x * p[i]!, 0) / Math.sqrt(variance(c, p));
        // Only where some asset clearly beats the risk-free rate (else the documented fallback applies).
        if (!(Math.max(...m) > 1e-6)) return;
        const best = sharpe(w);
        for (const t of trials) {
          const s = t.reduce((a, x) => a + x, 0);
          if (s === 0) continue;
          expect(best).toBeGreaterThanOrEqual(sharpe(t.map((x) => x / s)) - 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });
});

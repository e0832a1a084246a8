import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equalRiskContributionWeights, inverseVolatilityWeights } from '../../src/portfolio/risk-budgeting.js';
import { squareMatrix, type SquareMatrix } from '../../src/portfolio/square-matrix.js';

/** Risk contributions wᵢ(Σw)ᵢ, computed here. */
function contributions(c: SquareMatrix, w: ArrayLike<number>): number[] {
  return Array.from({ length: c.n }, (_, i) => {
    let s = 0;
    for (let j = 0; j < c.n; j++) s += c.data[i * c.n + j]! * w[j]!;
    return w[i]! * s;
  });
}

describe('inverseVolatilityWeights', () => {
  it('weights by 1/σ (hand example)', () => {
    // σ = [0.1, 0.2, 0.4] ⇒ 1/σ = [10, 5, 2.5] ⇒ w = [4/7, 2/7, 1/7].
    const w = inverseVolatilityWeights(
      squareMatrix([
        [0.01, 0.001, 0],
        [0.001, 0.04, 0],
        [0, 0, 0.16],
      ]),
    );
    expect(w[0]).toBeCloseTo(4 / 7, 15);
    expect(w[1]).toBeCloseTo(2 / 7, 15);
    expect(w[2]).toBeCloseTo(1 / 7, 15);
  });

  it('names a zero variance', () => {
    expect(() => inverseVolatilityWeights(squareMatrix([[0]]))).toThrow(/covariance\[0\]\[0\]/);
  });
});

describe('equalRiskContributionWeights', () => {
  it('gives two assets w₁ = σ₂/(σ₁ + σ₂) whatever the correlation', () => {
    // For two assets ERC ⇔ w₁σ₁ = w₂σ₂ (the covariance terms are shared): σ = 0.2, 0.3 ⇒ w₁ = 0.6.
    for (const rho of [-0.5, 0, 0.7]) {
      const w = equalRiskContributionWeights(
        squareMatrix([
          [0.04, rho * 0.06],
          [rho * 0.06, 0.09],
        ]),
      );
      expect(w[0]).toBeCloseTo(0.6, 12);
      expect(w[1]).toBeCloseTo(0.4, 12);
    }
  });

  it('equals inverse volatility for uncorrelated assets', () => {
    const w = equalRiskContributionWeights(
      squareMatrix([
        [0.01, 0, 0],
        [0, 0.04, 0],
        [0, 0, 0.16],
      ]),
    );
    expect(w[0]).toBeCloseTo(4 / 7, 12);
    expect(w[2]).toBeCloseTo(1 / 7, 12);
  });

  it('equalises the risk contributions of correlated assets to 1e-10', () => {
    const c = squareMatrix([
      [0.04, 0.018, 0.002, 0.01],
      [0.018, 0.09, 0.009, -0.005],
      [0.002, 0.009, 0.0625, 0.02],
      [0.01, -0.005, 0.02, 0.0225],
    ]);
    const w = equalRiskContributionWeights(c);
    const rc = contributions(c, w);
    const total = rc.reduce((a, b) => a + b, 0);
    for (const r of rc) expect(Math.abs(r / total - 0.25)).toBeLessThan(1e-10);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it('honours unequal risk budgets', () => {
    const c = squareMatrix([
      [0.04, 0.01],
      [0.01, 0.09],
    ]);
    const w = equalRiskContributionWeights(c, { budgets: [3, 1] });
    const rc = contributions(c, w);
    expect(rc[0]! / (rc[0]! + rc[1]!)).toBeCloseTo(0.75, 10);
  });

  it('solves a rank-deficient covariance (fewer observations than assets)', () => {
    // Rank 1: Σ = v vᵀ + 0 with v = [0.1, 0.2, 0.3] plus a tiny idiosyncratic part on one asset.
    const v = [0.1, 0.2, 0.3];
    const c = squareMatrix(v.map((a) => v.map((b) => a * b)));
    const w = equalRiskContributionWeights(c);
    // With Σ = vvᵀ, RCᵢ = wᵢvᵢ(vᵀw) ⇒ wᵢ ∝ 1/vᵢ.
    const inv = v.map((x) => 1 / x);
    const s = inv.reduce((a, b) => a + b, 0);
    inv.forEach((x, i) => expect(w[i]).toBeCloseTo(x / s, 9));
  });

  it('names bad inputs', () => {
    expect(() => equalRiskContributionWeights(squareMatrix([[0]]))).toThrow(/covariance\[0\]\[0\]/);
    expect(() => equalRiskContributionWeights(squareMatrix([[1]]), { budgets: [0] })).toThrow(/budgets\[0\]/);
  });

  it('equalises risk contributions within 1e-6 on random covariances (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: n * n, maxLength: n * n }),
            fc.array(fc.double({ min: 1e-4, max: 0.05, noNaN: true }), { minLength: n, maxLength: n }),
          ),
        ),
        ([n, b, d]) => {
          const rows = Array.from({ length: n }, (_, i) =>
            Array.from({ length: n }, (_, j) => {
              let s = i === j ? d[i]! : 0;
              for (let k = 0; k < n; k++) s += b[i * n + k]! * b[j * n + k]!;
              return s;
            }),
          );
          const c = squareMatrix(rows);
          const w = equalRiskContributionWeights(c);
          const rc = contributions(c, w);
          const total = rc.reduce((a, x) => a + x, 0);
          for (let i = 0; i < n; i++) {
            expect(w[i]!).toBeGreaterThan(0);
            expect(Math.abs(rc[i]! / total - 1 / n)).toBeLessThan(1e-6);
          }
          expect(w.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 12);
        },
      ),
      { numRuns: 200 },
    );
  });
});

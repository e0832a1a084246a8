import { describe, expect, it } from 'vitest';
import { blackLittermanPosterior } from '../../src/portfolio/black-litterman.js';
import { squareMatrix } from '../../src/portfolio/square-matrix.js';

type M2 = [[number, number], [number, number]];
const inv2 = ([[a, b], [c, d]]: M2): M2 => {
  const det = a * d - b * c;
  return [
    [d / det, -b / det],
    [-c / det, a / det],
  ];
};
const mulv = ([[a, b], [c, d]]: M2, [x, y]: [number, number]): [number, number] => [a * x + b * y, c * x + d * y];
const add = ([[a, b], [c, d]]: M2, [[e, f], [g, h]]: M2): M2 => [
  [a + e, b + f],
  [c + g, d + h],
];

describe('blackLittermanPosterior', () => {
  // σ₁ = 0.2, σ₂ = 0.15, ρ = 0.2 ⇒ Σ = [[0.04, 0.006], [0.006, 0.0225]]; w_mkt = [½, ½]; δ = 2.5; τ = 0.05.
  const sigma: M2 = [
    [0.04, 0.006],
    [0.006, 0.0225],
  ];
  const cov = squareMatrix(sigma);
  const base = { covariance: cov, marketWeights: [0.5, 0.5], riskAversion: 2.5, tau: 0.05 };

  it('implies π = δΣw_mkt', () => {
    // π = 2.5 × [0.023, 0.01425] = [0.0575, 0.035625].
    const { equilibriumReturns, posteriorReturns } = blackLittermanPosterior({ ...base, views: [] });
    expect(equilibriumReturns[0]).toBeCloseTo(0.0575, 15);
    expect(equilibriumReturns[1]).toBeCloseTo(0.035625, 15);
    expect(Array.from(posteriorReturns)).toEqual(Array.from(equilibriumReturns));
  });

  it('matches the hand calculation for one absolute view', () => {
    // View: asset 1 returns 10%, confidence 1 ⇒ Ω = τσ₁² = 0.002.
    // μ = π + τΣPᵀ(τPΣPᵀ + Ω)⁻¹(Q − Pπ) = π + [0.002, 0.0003] × 0.0425/0.004
    //   = [0.0575 + 0.02125, 0.035625 + 0.0031875] = [0.07875, 0.0388125].
    const { posteriorReturns } = blackLittermanPosterior({ ...base, views: [{ portfolio: [1, 0], expectedReturn: 0.1, confidence: 1 }] });
    expect(posteriorReturns[0]).toBeCloseTo(0.07875, 14);
    expect(posteriorReturns[1]).toBeCloseTo(0.0388125, 14);
  });

  it('agrees with the textbook form [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹[(τΣ)⁻¹π + PᵀΩ⁻¹Q] for two views', () => {
    const tau = 0.05;
    const views = [
      { portfolio: [1, 0], expectedReturn: 0.1, confidence: 0.5 },
      { portfolio: [1, -1], expectedReturn: 0.02, confidence: 0.8 },
    ];
    const { equilibriumReturns: pi, posteriorReturns } = blackLittermanPosterior({ ...base, views });
    // Second method, with explicit 2×2 inverses. P = [[1, 0], [1, −1]].
    const P: M2 = [
      [1, 0],
      [1, -1],
    ];
    const tauSigma: M2 = [
      [tau * sigma[0][0], tau * sigma[0][1]],
      [tau * sigma[1][0], tau * sigma[1][1]],
    ];
    const omega = views.map((v) => {
      const p = v.portfolio as [number, number];
      const sp = mulv(sigma, p);
      return (tau * (p[0] * sp[0] + p[1] * sp[1])) / v.confidence;
    });
    // PᵀΩ⁻¹P and PᵀΩ⁻¹Q.
    const ptOp: M2 = [
      [0, 0],
      [0, 0],
    ];
    const ptOq: [number, number] = [0, 0];
    for (let k = 0; k < 2; k++) {
      for (let i = 0; i < 2; i++) {
        ptOq[i] = ptOq[i]! + (P[k]![i]! * views[k]!.expectedReturn) / omega[k]!;
        for (let j = 0; j < 2; j++) ptOp[i]![j] = ptOp[i]![j]! + (P[k]![i]! * P[k]![j]!) / omega[k]!;
      }
    }
    const tsInv = inv2(tauSigma);
    const left = inv2(add(tsInv, ptOp));
    const right = mulv(tsInv, [pi[0]!, pi[1]!]);
    const mu = mulv(left, [right[0] + ptOq[0], right[1] + ptOq[1]]);
    expect(posteriorReturns[0]).toBeCloseTo(mu[0], 13);
    expect(posteriorReturns[1]).toBeCloseTo(mu[1], 13);
  });

  it('moves less toward a view held with less confidence', () => {
    // Confidence ½ ⇒ Ω = 0.004 ⇒ μ₁ = 0.0575 + 0.002 × 0.0425/0.006 ≈ 0.0716667.
    const { posteriorReturns } = blackLittermanPosterior({ ...base, views: [{ portfolio: [1, 0], expectedReturn: 0.1, confidence: 0.5 }] });
    expect(posteriorReturns[0]).toBeCloseTo(0.0575 + (0.002 * 0.0425) / 0.006, 14);
  });

  it('names bad inputs', () => {
    expect(() => blackLittermanPosterior({ ...base, tau: 0, views: [] })).toThrow(/tau/);
    expect(() => blackLittermanPosterior({ ...base, riskAversion: -1, views: [] })).toThrow(/riskAversion/);
    expect(() => blackLittermanPosterior({ ...base, marketWeights: [1], views: [] })).toThrow(/marketWeights/);
    expect(() => blackLittermanPosterior({ ...base, views: [{ portfolio: [1, 0], expectedReturn: 0.1, confidence: 0 }] })).toThrow(/confidence/);
    expect(() => blackLittermanPosterior({ ...base, views: [{ portfolio: [0, 0], expectedReturn: 0.1, confidence: 1 }] })).toThrow(/positive variance/);
  });
});

import { SymbolId } from '@alphaswarm/core';
import { mean, sampleCovariance as ssCov } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { MeanVarianceOptimizationPortfolio } from '../../src/portfolio/mean-variance-optimization-portfolio.js';
import { TestContext, makeBars, pricesFromReturns, targetMap } from './fixtures.js';

const [A, B] = ['A.X', 'B.X'].map((s) => SymbolId.parse(s)) as [SymbolId, SymbolId];
const ra = [0.012, -0.008, 0.02, 0.004, -0.006, 0.015, 0.01, -0.004];
const rb = [0.006, 0.01, -0.004, 0.008, 0.002, -0.002, 0.007, 0.005];
const pa = pricesFromReturns(ra);
const pb = pricesFromReturns(rb, 50);
const returnsOf = (p: number[]): number[] => p.slice(1).map((x, i) => x / p[i]! - 1);
const xa = returnsOf(pa);
const xb = returnsOf(pb);
const s1 = ssCov(xa, xa);
const s2 = ssCov(xb, xb);
const s12 = ssCov(xa, xb);

describe('MeanVarianceOptimizationPortfolio', () => {
  const ctx = (): TestContext => new TestContext(makeBars({ 'A.X': pa, 'B.X': pb })).stepTo(8);

  it('matches the closed-form two-asset minimum-variance weights', () => {
    // σ₁² ≈ 1.0998e-4, σ₂² ≈ 2.4286e-5, σ₁₂ ≈ −3.1429e-5 ⇒ w₁ ≈ 0.28263.
    const w1 = (s2 - s12) / (s1 + s2 - 2 * s12);
    expect(w1).toBeGreaterThan(0);
    expect(w1).toBeLessThan(1);
    const c = ctx();
    const t = targetMap(new MeanVarianceOptimizationPortfolio({ lookback: 8 }).createTargets(c, [A, B].map((symbol) => c.insight({ symbol, direction: 'up' }))));
    expect(t['A.X']).toBeCloseTo(w1, 10);
    expect(t['B.X']).toBeCloseTo(1 - w1, 10);
  });

  it('matches the tangency weights ∝ Σ⁻¹(μ − r_f) for max_sharpe', () => {
    const rf = 0.001;
    const e1 = mean(xa) - rf;
    const e2 = mean(xb) - rf;
    const z1 = s2 * e1 - s12 * e2;
    const z2 = -s12 * e1 + s1 * e2;
    expect(z1 > 0 && z2 > 0).toBe(true); // inside the bounds (≈ 0.3002, 0.6998)
    const c = ctx();
    const model = new MeanVarianceOptimizationPortfolio({ lookback: 8, objective: 'max_sharpe', riskFree: rf });
    const t = targetMap(model.createTargets(c, [A, B].map((symbol) => c.insight({ symbol, direction: 'up' }))));
    expect(t['A.X']).toBeCloseTo(z1 / (z1 + z2), 10);
    expect(t['B.X']).toBeCloseTo(z2 / (z1 + z2), 10);
  });

  it('respects the weight bounds', () => {
    const c = ctx();
    const model = new MeanVarianceOptimizationPortfolio({ lookback: 8, minWeight: 0.4, maxWeight: 0.6 });
    const t = targetMap(model.createTargets(c, [A, B].map((symbol) => c.insight({ symbol, direction: 'up' }))));
    // The unconstrained w₁ ≈ 0.283 is below the floor: w₁ = 0.4.
    expect(t['A.X']).toBeCloseTo(0.4, 12);
    expect(t['B.X']).toBeCloseTo(0.6, 12);
  });

  it('optimises a short position on the negated returns', () => {
    // Short B: its signed returns are −r_B, so σ₁₂ changes sign and the closed form
    // w₁ = (σ₂² + σ₁₂)/(σ₁² + σ₂² + 2σ₁₂) ≈ −0.1 falls below 0: long-only in the
    // insight's direction puts everything on the short B (w = [0, 1] ⇒ targets 0 and −1).
    const w1 = (s2 + s12) / (s1 + s2 + 2 * s12);
    expect(w1).toBeLessThan(0);
    const c = ctx();
    const t = targetMap(new MeanVarianceOptimizationPortfolio({ lookback: 8 }).createTargets(c, [c.insight({ symbol: A, direction: 'up' }), c.insight({ symbol: B, direction: 'down' })]));
    expect(t['A.X']).toBeUndefined();
    expect(t['B.X']).toBeCloseTo(-1, 12);
  });

  it('falls back to equal weights without two returns', () => {
    const c = new TestContext(makeBars({ 'A.X': pa, 'B.X': pb })).stepTo(1);
    expect(targetMap(new MeanVarianceOptimizationPortfolio().createTargets(c, [A, B].map((symbol) => c.insight({ symbol, direction: 'up' }))))).toEqual({ 'A.X': 0.5, 'B.X': 0.5 });
  });

  it('names bad options', () => {
    expect(() => new MeanVarianceOptimizationPortfolio({ objective: 'max_return' as never })).toThrow(/objective/);
    expect(() => new MeanVarianceOptimizationPortfolio({ minWeight: 0.7, maxWeight: 0.5 })).toThrow(/minWeight/);
    expect(() => new MeanVarianceOptimizationPortfolio({ riskFree: Number.NaN })).toThrow(/riskFree/);
    expect(() => new MeanVarianceOptimizationPortfolio({ lookback: 1.5 })).toThrow(/lookback/);
  });
});

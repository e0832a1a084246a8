import { SymbolId } from '@alphaswarm/core';
import { sampleCovariance as ssCov } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { BlackLittermanPortfolio } from '../../src/portfolio/black-litterman-portfolio.js';
import { TestContext, makeBars, pricesFromReturns, targetMap } from './fixtures.js';

const [A, B] = ['A.X', 'B.X'].map((s) => SymbolId.parse(s)) as [SymbolId, SymbolId];
const ra = [0.012, -0.008, 0.02, 0.004, -0.006, 0.015, 0.01, -0.004];
const rb = [0.006, 0.01, -0.004, 0.008, 0.002, -0.002, 0.007, 0.005];
const pa = pricesFromReturns(ra);
const pb = pricesFromReturns(rb, 50);
const returnsOf = (p: number[]): number[] => p.slice(1).map((x, i) => x / p[i]! - 1);
const xa = returnsOf(pa);
const xb = returnsOf(pb);

type M2 = [[number, number], [number, number]];
const inv2 = ([[a, b], [c, d]]: M2): M2 => {
  const det = a * d - b * c;
  return [
    [d / det, -b / det],
    [-c / det, a / det],
  ];
};
const mulv = ([[a, b], [c, d]]: M2, [x, y]: readonly [number, number]): [number, number] => [a * x + b * y, c * x + d * y];

describe('BlackLittermanPortfolio', () => {
  const sigma: M2 = [
    [ssCov(xa, xa), ssCov(xa, xb)],
    [ssCov(xb, xa), ssCov(xb, xb)],
  ];
  const ctx = (): TestContext => new TestContext(makeBars({ 'A.X': pa, 'B.X': pb })).stepTo(8);

  it('matches a hand calculation of the posterior and its long-only weights (one view)', () => {
    const delta = 2.5;
    const tau = 0.05;
    const q = 0.01; // view: A returns 1% per bar, confidence 0.8
    const c = 0.8;
    // π = δΣw_mkt with w_mkt = [½, ½].
    const pi = mulv(sigma, [0.5, 0.5]).map((x) => delta * x) as [number, number];
    // μ_BL = [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹[(τΣ)⁻¹π + PᵀΩ⁻¹Q], P = [1, 0], Ω = τσ₁²/c.
    const omega = (tau * sigma[0][0]) / c;
    const tsInv = inv2([
      [tau * sigma[0][0], tau * sigma[0][1]],
      [tau * sigma[1][0], tau * sigma[1][1]],
    ]);
    const left = inv2([
      [tsInv[0][0] + 1 / omega, tsInv[0][1]],
      [tsInv[1][0], tsInv[1][1]],
    ]);
    const right = mulv(tsInv, pi);
    const mu = mulv(left, [right[0] + q / omega, right[1]]);
    // w* = (δΣ)⁻¹μ, then long-only normalised.
    const raw = mulv(inv2(sigma), mu).map((x) => Math.max(0, x / delta));
    const total = raw[0]! + raw[1]!;
    const model = new BlackLittermanPortfolio({ lookback: 8, riskAversion: delta, tau, portfolioBias: 'long' });
    const k = ctx();
    const t = targetMap(model.createTargets(k, [k.insight({ symbol: A, direction: 'up', magnitude: q, confidence: c }), k.insight({ symbol: B, direction: 'up' })]));
    expect(t['A.X']).toBeCloseTo(raw[0]! / total, 10);
    expect(t['B.X']).toBeCloseTo(raw[1]! / total, 10);
    // The bullish view on A tilts the portfolio toward A, away from the equal-weight prior.
    expect(t['A.X'] as number).toBeGreaterThan(0.5);
  });

  it('holds the market weights when there are no views', () => {
    const k = ctx();
    const insights = [A, B].map((symbol) => k.insight({ symbol, direction: 'up' }));
    const eq = targetMap(new BlackLittermanPortfolio({ lookback: 8 }).createTargets(k, insights));
    expect(eq['A.X']).toBeCloseTo(0.5, 10);
    expect(eq['B.X']).toBeCloseTo(0.5, 10);
    const cap = targetMap(new BlackLittermanPortfolio({ lookback: 8, marketWeights: new Map([[A, 3], [B, 1]]) }).createTargets(k, insights));
    expect(cap['A.X']).toBeCloseTo(0.75, 10);
    expect(cap['B.X']).toBeCloseTo(0.25, 10);
  });

  it('drops to zero an asset the posterior would short under the long bias', () => {
    const k = ctx();
    // A strongly bearish view on B: the unconstrained weight of B turns negative.
    const t = targetMap(
      new BlackLittermanPortfolio({ lookback: 8, portfolioBias: 'long' }).createTargets(k, [k.insight({ symbol: A, direction: 'up' }), k.insight({ symbol: B, direction: 'up', magnitude: -0.05 })]),
    );
    expect(t).toEqual({ 'A.X': 1 });
  });

  it('keeps the signs and Σ|w| = 1 in long-short', () => {
    const k = ctx();
    const t = targetMap(new BlackLittermanPortfolio({ lookback: 8 }).createTargets(k, [k.insight({ symbol: A, direction: 'up' }), k.insight({ symbol: B, direction: 'down', magnitude: -0.05 })]));
    expect(t['B.X'] as number).toBeLessThan(0);
    expect(Math.abs(t['A.X'] as number) + Math.abs(t['B.X'] as number)).toBeCloseTo(1, 12);
  });

  it('names bad options', () => {
    expect(() => new BlackLittermanPortfolio({ tau: 0 })).toThrow(/tau/);
    expect(() => new BlackLittermanPortfolio({ riskAversion: -2 })).toThrow(/riskAversion/);
    expect(() => new BlackLittermanPortfolio({ marketWeights: new Map([[A, -1]]) })).toThrow(/marketWeights\.A\.X/);
  });
});

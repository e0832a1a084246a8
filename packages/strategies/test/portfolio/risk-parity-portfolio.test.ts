import { SymbolId } from '@alphaswarm/core';
import { sampleCovariance as ssCov, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { RiskParityPortfolio } from '../../src/portfolio/risk-parity-portfolio.js';
import { TestContext, makeBars, pricesFromReturns, targetMap } from './fixtures.js';

const [A, B, C] = ['A.X', 'B.X', 'C.X'].map((s) => SymbolId.parse(s)) as [SymbolId, SymbolId, SymbolId];
const ra = [0.012, -0.008, 0.02, 0.004, -0.006, 0.015, 0.01, -0.004];
const rb = [0.006, 0.01, -0.004, 0.008, 0.002, -0.002, 0.007, 0.005];
const rc = [-0.01, 0.02, 0.005, -0.015, 0.01, 0.0, -0.005, 0.012];
const prices = { 'A.X': pricesFromReturns(ra), 'B.X': pricesFromReturns(rb, 50), 'C.X': pricesFromReturns(rc, 20) };

/** Returns recomputed from the prices (what the model sees), for the reference covariance. */
const returnsOf = (p: number[]): number[] => p.slice(1).map((x, i) => x / p[i]! - 1);

describe('RiskParityPortfolio', () => {
  it('equalises the risk contributions wᵢ(Σw)ᵢ of the sample covariance within 1e-6', () => {
    const ctx = new TestContext(makeBars(prices)).stepTo(8);
    const model = new RiskParityPortfolio({ lookback: 8 });
    const insights = [A, B, C].map((symbol) => ctx.insight({ symbol, direction: 'up' }));
    const t = targetMap(model.createTargets(ctx, insights));
    const w = ['A.X', 'B.X', 'C.X'].map((s) => t[s] as number);
    const rets = ['A.X', 'B.X', 'C.X'].map((s) => returnsOf(prices[s as keyof typeof prices]));
    const cov = rets.map((x) => rets.map((y) => ssCov(x, y)));
    const rcs = w.map((wi, i) => wi * cov[i]!.reduce((s, c, j) => s + c * w[j]!, 0));
    const total = rcs.reduce((a, b) => a + b, 0);
    for (const r of rcs) expect(Math.abs(r / total - 1 / 3)).toBeLessThan(1e-6);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const x of w) expect(x).toBeGreaterThan(0);
  });

  it('equalises the contributions of the signed positions in long-short', () => {
    const ctx = new TestContext(makeBars(prices)).stepTo(8);
    const insights = [ctx.insight({ symbol: A, direction: 'up' }), ctx.insight({ symbol: B, direction: 'down' }), ctx.insight({ symbol: C, direction: 'up' })];
    const t = targetMap(new RiskParityPortfolio({ lookback: 8 }).createTargets(ctx, insights));
    const x = ['A.X', 'B.X', 'C.X'].map((s) => t[s] as number);
    expect(x[1]!).toBeLessThan(0);
    const rets = ['A.X', 'B.X', 'C.X'].map((s) => returnsOf(prices[s as keyof typeof prices]));
    const cov = rets.map((p) => rets.map((q) => ssCov(p, q)));
    const rcs = x.map((xi, i) => xi * cov[i]!.reduce((s, c, j) => s + c * x[j]!, 0));
    const total = rcs.reduce((a, b) => a + b, 0);
    for (const r of rcs) expect(Math.abs(r / total - 1 / 3)).toBeLessThan(1e-6);
    expect(x.reduce((a, b) => a + Math.abs(b), 0)).toBeCloseTo(1, 12);
  });

  it('weights by inverse sample volatility with method inverse_volatility', () => {
    const ctx = new TestContext(makeBars(prices)).stepTo(8);
    const insights = [A, B].map((symbol) => ctx.insight({ symbol, direction: 'up' }));
    const t = targetMap(new RiskParityPortfolio({ lookback: 8, method: 'inverse_volatility' }).createTargets(ctx, insights));
    const ia = 1 / sampleStandardDeviation(returnsOf(prices['A.X']));
    const ib = 1 / sampleStandardDeviation(returnsOf(prices['B.X']));
    expect(t['A.X']).toBeCloseTo(ia / (ia + ib), 12);
    expect(t['B.X']).toBeCloseTo(ib / (ia + ib), 12);
  });

  it('uses only the last lookback returns', () => {
    const ctx = new TestContext(makeBars(prices)).stepTo(8);
    const insights = [A, B].map((symbol) => ctx.insight({ symbol, direction: 'up' }));
    const t = targetMap(new RiskParityPortfolio({ lookback: 4, method: 'inverse_volatility' }).createTargets(ctx, insights));
    const ia = 1 / sampleStandardDeviation(returnsOf(prices['A.X']).slice(-4));
    const ib = 1 / sampleStandardDeviation(returnsOf(prices['B.X']).slice(-4));
    expect(t['A.X']).toBeCloseTo(ia / (ia + ib), 12);
  });

  it('falls back to equal weights with fewer than two returns', () => {
    const ctx = new TestContext(makeBars(prices)).stepTo(1);
    const insights = [ctx.insight({ symbol: A, direction: 'up' }), ctx.insight({ symbol: B, direction: 'down' })];
    expect(targetMap(new RiskParityPortfolio().createTargets(ctx, insights))).toEqual({ 'A.X': 0.5, 'B.X': -0.5 });
  });

  it('names bad options', () => {
    expect(() => new RiskParityPortfolio({ lookback: 1 })).toThrow(/lookback/);
    expect(() => new RiskParityPortfolio({ method: 'hrp' as never })).toThrow(/method/);
  });
});

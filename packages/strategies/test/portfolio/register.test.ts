import { ModelRegistry, SymbolId, type PortfolioConstructionModel } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { registerPortfolioModels } from '../../src/portfolio/index.js';
import type { BlackLittermanPortfolio, EqualWeightPortfolio, MeanVarianceOptimizationPortfolio, RiskParityPortfolio } from '../../src/portfolio/index.js';
import { TestContext, makeBars, pricesFromReturns, targetMap } from './fixtures.js';

const NAMES = [
  'BlackLittermanPortfolio',
  'ConfidenceWeightedPortfolio',
  'EqualWeightPortfolio',
  'InsightWeightingPortfolio',
  'MeanVarianceOptimizationPortfolio',
  'RiskParityPortfolio',
];

describe('registerPortfolioModels', () => {
  const registry = registerPortfolioModels(new ModelRegistry());

  it('registers every portfolio model under its class name, kind portfolio', () => {
    expect(registry.names('portfolio')).toEqual(NAMES);
    for (const name of NAMES) expect(registry.describe(name)?.description).not.toBe('');
  });

  it.each(NAMES)('builds a working %s with no kwargs', (name) => {
    const model = registry.create<PortfolioConstructionModel>({ class: name });
    expect(model.name).toBe(name);
    const ctx = new TestContext(makeBars({ 'A.X': pricesFromReturns([0.01, -0.02, 0.015]), 'B.X': pricesFromReturns([0.0, 0.01, -0.01]) })).stepTo(3);
    const insights = ['A.X', 'B.X'].map((s) => ctx.insight({ symbol: SymbolId.parse(s), direction: 'up', weight: 0.5, confidence: 0.5 }));
    const targets = model.createTargets(ctx, insights);
    expect(targets.length).toBeGreaterThan(0);
  });

  it('maps snake_case kwargs to the options', () => {
    const ew = registry.create<EqualWeightPortfolio>({
      class: 'EqualWeightPortfolio',
      kwargs: { name: 'EW', portfolio_bias: 'long', rebalance: { kind: 'monthly' }, drift_threshold: 0.05 },
    });
    expect([ew.name, ew.portfolioBias, ew.rebalance, ew.driftThreshold]).toEqual(['EW', 'long', { kind: 'monthly' }, 0.05]);
    const rp = registry.create<RiskParityPortfolio>({ class: 'RiskParityPortfolio', kwargs: { lookback: 20, method: 'inverse_volatility', rebalance: 'never' } });
    expect([rp.lookback, rp.method, rp.rebalance]).toEqual([20, 'inverse_volatility', 'never']);
    const mv = registry.create<MeanVarianceOptimizationPortfolio>({
      class: 'MeanVarianceOptimizationPortfolio',
      kwargs: { objective: 'max_sharpe', risk_free: 0.0001, min_weight: 0.1, max_weight: 0.5 },
    });
    expect([mv.objective, mv.riskFree, mv.minWeight, mv.maxWeight]).toEqual(['max_sharpe', 0.0001, 0.1, 0.5]);
    const bl = registry.create<BlackLittermanPortfolio>({
      class: 'BlackLittermanPortfolio',
      kwargs: { risk_aversion: 3, tau: 0.05, market_weights: { 'A.X': 0.7, 'B.X': 0.3 } },
    });
    expect([bl.riskAversion, bl.tau, bl.marketWeights?.get(SymbolId.parse('A.X'))]).toEqual([3, 0.05, 0.7]);
  });

  it('builds a model whose market weights drive the targets', () => {
    const bl = registry.create<BlackLittermanPortfolio>({ class: 'BlackLittermanPortfolio', kwargs: { lookback: 3, market_weights: { 'A.X': 0.7, 'B.X': 0.3 } } });
    const ctx = new TestContext(makeBars({ 'A.X': pricesFromReturns([0.01, -0.02, 0.015]), 'B.X': pricesFromReturns([0.0, 0.01, -0.01]) })).stepTo(3);
    const t = targetMap(bl.createTargets(ctx, ['A.X', 'B.X'].map((s) => ctx.insight({ symbol: SymbolId.parse(s), direction: 'up' }))));
    expect(t['A.X']).toBeCloseTo(0.7, 10);
  });

  it('names the path of a bad kwarg', () => {
    expect(() => registry.create({ class: 'RiskParityPortfolio', kwargs: { lookback: 1 } }, 'portfolio_model')).toThrow(/portfolio_model\.kwargs\.lookback/);
    expect(() => registry.create({ class: 'EqualWeightPortfolio', kwargs: { portfolio_bias: 'up' } })).toThrow(/kwargs\.portfolio_bias/);
    expect(() => registry.create({ class: 'EqualWeightPortfolio', kwargs: { rebalance: { kind: 'bars', every: 0 } } })).toThrow(/kwargs\.rebalance/);
    expect(() => registry.create({ class: 'EqualWeightPortfolio', kwargs: { unknown: 1 } })).toThrow(/unknown/);
    expect(() => registry.create({ class: 'MeanVarianceOptimizationPortfolio', kwargs: { min_weight: 0.8, max_weight: 0.5 } })).toThrow(/kwargs\.min_weight/);
    expect(() => registry.create({ class: 'BlackLittermanPortfolio', kwargs: { market_weights: { 'not a symbol': 1 } } })).toThrow(/kwargs\.market_weights/);
  });
});

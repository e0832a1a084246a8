import { ModelRegistry, SymbolId, type ExecutionModel, type PortfolioConstructionModel } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { registerExecutionModels } from '../../src/execution/index.js';
import type {
  ImmediateExecutionModel,
  LimitOffsetExecutionModel,
  StandardDeviationExecutionModel,
  TWAPExecutionModel,
  VWAPExecutionModel,
} from '../../src/execution/index.js';
import { registerPortfolioModels } from '../../src/portfolio/index.js';
import { ScriptedAlpha, TestContext, makeBars, runPipeline } from '../portfolio/fixtures.js';
import { finalQuantity, randomBars } from './fixtures.js';

const NAMES = ['ImmediateExecutionModel', 'LimitOffsetExecutionModel', 'StandardDeviationExecutionModel', 'TWAPExecutionModel', 'VWAPExecutionModel'];
const A = SymbolId.parse('A.X');

describe('registerExecutionModels', () => {
  const registry = registerExecutionModels(new ModelRegistry());

  it('registers every execution model under its class name, kind execution', () => {
    expect(registry.names('execution')).toEqual(NAMES);
    for (const name of NAMES) expect(registry.describe(name)?.description).not.toBe('');
  });

  it.each(NAMES)('builds a working %s with no kwargs', (name) => {
    const model = registry.create<ExecutionModel>({ class: name });
    expect(model.name).toBe(name);
    // A falling series so that the band and VWAP models are willing to buy at the last bar.
    const closes = Array.from({ length: 70 }, (_, i) => 100 + Math.sin(i) - (i === 69 ? 10 : 0));
    const ctx = new TestContext(makeBars({ 'A.X': closes })).stepTo(69);
    const orders = model.execute(ctx, [{ symbol: A, quantity: 10 }]);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.quantity).toBeGreaterThan(0);
  });

  it('maps snake_case kwargs to the options', () => {
    const im = registry.create<ImmediateExecutionModel>({ class: 'ImmediateExecutionModel', kwargs: { name: 'Now', min_quantity: 5, min_order_value: 100 } });
    expect([im.name, im.minQuantity, im.minOrderValue]).toEqual(['Now', 5, 100]);
    expect(registry.create<VWAPExecutionModel>({ class: 'VWAPExecutionModel', kwargs: { participation: 0.05 } }).participation).toBe(0.05);
    const sd = registry.create<StandardDeviationExecutionModel>({ class: 'StandardDeviationExecutionModel', kwargs: { period: 20, deviations: 1.5 } });
    expect([sd.period, sd.deviations]).toEqual([20, 1.5]);
    expect(registry.create<TWAPExecutionModel>({ class: 'TWAPExecutionModel', kwargs: { slices: 8 } }).slices).toBe(8);
    const lo = registry.create<LimitOffsetExecutionModel>({ class: 'LimitOffsetExecutionModel', kwargs: { offset_bps: 5, time_in_force: 'gtc' } });
    expect([lo.offsetBps, lo.timeInForce]).toEqual([5, 'gtc']);
  });

  it('names the path of a bad kwarg', () => {
    expect(() => registry.create({ class: 'VWAPExecutionModel', kwargs: { participation: 2 } }, 'execution_model')).toThrow(/execution_model\.kwargs\.participation/);
    expect(() => registry.create({ class: 'TWAPExecutionModel', kwargs: { slices: 'four' } })).toThrow(/kwargs\.slices/);
    expect(() => registry.create({ class: 'StandardDeviationExecutionModel', kwargs: { period: 1 } })).toThrow(/kwargs\.period/);
    expect(() => registry.create({ class: 'LimitOffsetExecutionModel', kwargs: { time_in_force: 'ioc' } })).toThrow(/kwargs\.time_in_force/);
    expect(() => registry.create({ class: 'ImmediateExecutionModel', kwargs: { min_qty: 1 } })).toThrow(/min_qty/);
  });

  it('runs a backtest with registry-built portfolio and execution models', () => {
    const both = registerPortfolioModels(registerExecutionModels(new ModelRegistry()));
    const portfolio = both.create<PortfolioConstructionModel>({ class: 'EqualWeightPortfolio', kwargs: { portfolio_bias: 'long' } });
    const execution = both.create<ExecutionModel>({ class: 'TWAPExecutionModel', kwargs: { slices: 2 } });
    const result = runPipeline({ alpha: new ScriptedAlpha({ 3: [{ symbol: A, direction: 'up' }], 10: [{ symbol: A, direction: 'down' }] }), portfolio, execution }, randomBars(1, ['A.X'], 20));
    // The down insight is against the long bias: the position is closed, not reversed.
    expect(result.orders).toHaveLength(4);
    expect(finalQuantity(result, 'A.X')).toBe(0);
  });
});

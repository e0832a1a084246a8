// A registry with core's models plus the engine-test fixtures registered under the
// names bot specs default to, so bot tests run without the strategies package.
import { z } from 'zod';
import { ModelRegistry, SymbolId, registerCoreModels } from '../../src/index.js';
import type { AlgorithmContext, UniverseSelectionModel } from '../../src/index.js';
import { EqualWeightPcm, MarketExecution, PassThroughRisk, SmaCrossAlpha } from '../backtest/fixtures.js';

class ListUniverse implements UniverseSelectionModel {
  readonly name = 'StaticUniverse';
  constructor(private readonly symbols: readonly SymbolId[]) {}
  select(_ctx: AlgorithmContext): readonly SymbolId[] {
    return this.symbols;
  }
}

export function fixtureRegistry(): ModelRegistry {
  const registry = registerCoreModels(new ModelRegistry());
  registry.register('StaticUniverse', (k) => new ListUniverse(k.symbols.map((s) => SymbolId.parse(s))), z.object({ symbols: z.array(z.string()) }).strict(), { kind: 'universe' });
  registry.register('DualMACrossoverAlpha', (k) => new SmaCrossAlpha(k.fast, k.slow), z.object({ fast: z.number().int().positive(), slow: z.number().int().positive() }).strict(), { kind: 'alpha' });
  registry.register('EqualWeightPortfolio', () => new EqualWeightPcm(), z.object({}).strict(), { kind: 'portfolio' });
  registry.register('NoOpRiskModel', () => new PassThroughRisk(), z.object({}).strict(), { kind: 'risk' });
  registry.register('ImmediateExecutionModel', () => new MarketExecution(), z.object({}).strict(), { kind: 'execution' });
  return registry;
}

export const DUAL_MA_YAML = `name: Dual MA
slug: dual-ma
kind: trading
universe: { symbols: [AAPL.NASDAQ, MSFT.NASDAQ] }
data_pipeline: { source: synthetic, seed: 42, bars: 400, start: 2015-01-02 }
strategy:
  class: FrameworkAlgorithm
  kwargs:
    universe_model: { class: StaticUniverse, kwargs: { symbols: [AAPL.NASDAQ, MSFT.NASDAQ] } }
    alpha_model: { class: DualMACrossoverAlpha, kwargs: { fast: 10, slow: 50 } }
    portfolio_model: { class: EqualWeightPortfolio }
    risk_model: { class: NoOpRiskModel }
    execution_model: { class: ImmediateExecutionModel, module_path: old.module.path }
backtest: { engine: event-driven, kwargs: { initial_cash: 100000.0 } }
metrics: [ { name: sharpe, threshold: 1.0, direction: max }, { name: max_drawdown, threshold: 0.25, direction: min } ]
deployment: { target: backtest_only }
`;

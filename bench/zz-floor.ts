import { FrameworkAlgorithm, syntheticBars, parseBacktestSettings, type AlphaModel } from '@alphaswarm/core';
import { BacktestRun } from '../packages/core/src/backtest/run.js';
import { NoOpRiskModel } from '@alphaswarm/risk';
import { EqualWeightPortfolio, ImmediateExecutionModel, StaticUniverse } from '@alphaswarm/strategies';
const n = Number(process.argv[2] ?? 1000000), syms = Number(process.argv[3] ?? 1);
const frame = syntheticBars({ symbols: Array.from({ length: syms }, (_, i) => `SYM${i}`), bars: n, seed: 42, intervalMs: 60_000 });
const NONE: never[] = [];
const silent: AlphaModel = { name: 'Silent', update: () => NONE };
const algo = () => new FrameworkAlgorithm({ universe: new StaticUniverse({ symbols: frame.symbols }), alpha: silent, portfolio: new EqualWeightPortfolio(), risk: new NoOpRiskModel(), execution: new ImmediateExecutionModel() });
for (let k = 0; k < 4; k++) {
  const t0 = performance.now();
  const run = new BacktestRun(algo(), frame, parseBacktestSettings({ initialCash: 1e6 }), {});
  run.start(); for (let i = 0; i < run.sliceCount; i++) run.step(i); run.finish();
  console.log(`floor ${((n * syms) / ((performance.now() - t0) / 1000) / 1e6).toFixed(2)} M bars/s`);
}

import { FrameworkAlgorithm, syntheticBars, parseBacktestSettings } from '@alphaswarm/core';
import { BacktestRun } from '../packages/core/src/backtest/run.js';
import { NoOpRiskModel } from '@alphaswarm/risk';
import { DualMACrossoverAlpha, EqualWeightPortfolio, ImmediateExecutionModel, StaticUniverse } from '@alphaswarm/strategies';
const n = Number(process.argv[2] ?? 1000000), syms = Number(process.argv[3] ?? 1);
const frame = syntheticBars({ symbols: Array.from({ length: syms }, (_, i) => `SYM${i}`), bars: n, seed: 42, intervalMs: 60_000 });
const algo = () => new FrameworkAlgorithm({ universe: new StaticUniverse({ symbols: frame.symbols }), alpha: new DualMACrossoverAlpha({ fast: 10, slow: 50 }), portfolio: new EqualWeightPortfolio(), risk: new NoOpRiskModel(), execution: new ImmediateExecutionModel() });
for (let k = 0; k < Number(process.argv[4] ?? 3); k++) {
  const t0 = performance.now();
  const run = new BacktestRun(algo(), frame, parseBacktestSettings({ initialCash: 1e6 }), {});
  run.start(); for (let i = 0; i < run.sliceCount; i++) run.step(i); run.finish();
  const t1 = performance.now();
  console.log(`loop ${((n * syms) / ((t1 - t0) / 1000) / 1e6).toFixed(2)} M bars/s, ${run.fills.length} fills, ${run.log.length} events`);
}

import { computeStatistics, EventDrivenBacktester, FrameworkAlgorithm, syntheticBars } from '@alphaswarm/core';
import { NoOpRiskModel } from '@alphaswarm/risk';
import { DualMACrossoverAlpha, EqualWeightPortfolio, ImmediateExecutionModel, StaticUniverse } from '@alphaswarm/strategies';
const frame = syntheticBars({ symbols: ['SYM0'], bars: 1_000_000, seed: 42, intervalMs: 60_000 });
const algo = () => new FrameworkAlgorithm({ universe: new StaticUniverse({ symbols: frame.symbols }), alpha: new DualMACrossoverAlpha({ fast: 10, slow: 50 }), portfolio: new EqualWeightPortfolio(), risk: new NoOpRiskModel(), execution: new ImmediateExecutionModel() });
for (let k = 0; k < 3; k++) {
  const r = new EventDrivenBacktester({ initialCash: 1e6 }).run(algo(), frame);
  let t = performance.now();
  computeStatistics({ equity: r.equityCurve.equity, periodsPerYear: 252, trades: r.trades, fills: r.fills, exposure: r.equityCurve.exposure });
  const stats = performance.now() - t;
  t = performance.now(); r.eventLog.filter('order', 'fill', 'order_update'); const f = performance.now() - t;
  t = performance.now(); r.eventLog.filter('risk'); const f2 = performance.now() - t;
  console.log(`stats ${stats.toFixed(0)} ms, filter orders ${f.toFixed(0)} ms, filter risk ${f2.toFixed(0)} ms`);
}

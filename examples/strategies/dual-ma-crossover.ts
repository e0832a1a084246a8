/**
 * A dual moving-average crossover (10/50) on three symbols of the seeded synthetic
 * market, through the full 5-stage pipeline, then a replay of its event log.
 *
 *   npx tsx examples/strategies/dual-ma-crossover.ts
 */
import { EventDrivenBacktester, FrameworkAlgorithm, PerShareFee, replay, syntheticBars } from '@alphaswarm/core';
import { NoOpRiskModel } from '@alphaswarm/risk';
import { DualMACrossoverAlpha, EqualWeightPortfolio, ImmediateExecutionModel, StaticUniverse } from '@alphaswarm/strategies';

const data = syntheticBars({ symbols: ['AAPL.NASDAQ', 'MSFT.NASDAQ', 'SPY.ARCA'], bars: 1260, seed: 7, start: '2019-01-02' });

const algorithm = new FrameworkAlgorithm({
  name: 'dual-ma-example',
  universe: new StaticUniverse({ symbols: data.symbols }),
  alpha: new DualMACrossoverAlpha({ fast: 10, slow: 50 }),
  portfolio: new EqualWeightPortfolio(),
  risk: new NoOpRiskModel(),
  execution: new ImmediateExecutionModel(),
});

const result = new EventDrivenBacktester({ initialCash: 100_000, fees: new PerShareFee({ perShare: 0.005, minimum: 1 }) }).run(algorithm, data);
const s = result.statistics;
const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;

console.log(`bars ${result.bars}, fills ${result.fills.length}, closed trades ${result.trades.length}`);
console.log(`final equity ${result.finalEquity.toFixed(2)}  total return ${pct(s.totalReturn)}  CAGR ${pct(s.cagr)}`);
console.log(`Sharpe ${s.sharpeRatio.toFixed(3)}  Sortino ${s.sortinoRatio.toFixed(3)}  max drawdown ${pct(s.maxDrawdown.depth)}  fees ${s.trades?.totalFees.toFixed(2)}`);
console.log(`event log: ${result.eventLog.length} events, hash ${result.eventLogHash}`);

const again = replay(result.eventLog, result.config);
const same = again.finalEquity === result.finalEquity && again.fills.length === result.fills.length && again.statistics.sharpeRatio === result.statistics.sharpeRatio;
console.log(`replay of the log without running any model: ${same ? 'identical' : 'DIFFERENT'} (final equity ${again.finalEquity.toFixed(2)})`);
if (!same) process.exitCode = 1;

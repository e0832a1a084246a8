/**
 * Cross-sectional momentum on eight symbols, sized by risk parity (equal risk
 * contribution), with a trailing stop, on the seeded synthetic market.
 *
 *   npx tsx examples/strategies/momentum-risk-parity.ts
 */
import { EventDrivenBacktester, FrameworkAlgorithm, syntheticBars } from '@alphaswarm/core';
import { TrailingStopRiskManagementModel } from '@alphaswarm/risk';
import { ImmediateExecutionModel, MomentumAlpha, RiskParityPortfolio, StaticUniverse } from '@alphaswarm/strategies';

const symbols = ['AAPL', 'MSFT', 'AMZN', 'GOOG', 'META', 'NVDA', 'JPM', 'XOM'].map((t) => `${t}.US`);
const data = syntheticBars({ symbols, bars: 1000, seed: 11, start: '2020-01-02', correlation: 0.4 });

const algorithm = new FrameworkAlgorithm({
  name: 'momentum-risk-parity',
  universe: new StaticUniverse({ symbols: data.symbols }),
  alpha: new MomentumAlpha({ lookback: 60, k: 3, rebalance: { kind: 'bars', every: 21 }, longOnly: true }),
  portfolio: new RiskParityPortfolio({ lookback: 60, method: 'equal_risk_contribution' }),
  risk: new TrailingStopRiskManagementModel({ threshold: 0.1 }),
  execution: new ImmediateExecutionModel(),
});

const result = new EventDrivenBacktester({ initialCash: 1_000_000 }).run(algorithm, data);
const s = result.statistics;
const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;

console.log(`bars ${result.bars}, orders ${result.orders.length}, fills ${result.fills.length}, risk events ${result.riskEvents.length}`);
console.log(`final equity ${result.finalEquity.toFixed(2)}  CAGR ${pct(s.cagr)}  volatility ${pct(s.annualizedVolatility)}  Sharpe ${s.sharpeRatio.toFixed(3)}  max drawdown ${pct(s.maxDrawdown.depth)}`);
const last = result.portfolio.positions;
console.log('holdings at the end:');
for (const p of last) console.log(`  ${p.symbol.padEnd(8)} ${String(p.quantity).padStart(7)} @ ${p.lastPrice.toFixed(2)}  = ${(p.quantity * p.lastPrice).toFixed(0).padStart(9)}`);
for (const e of result.riskEvents.slice(0, 3)) console.log(`risk: ${new Date(e.time).toISOString().slice(0, 10)} ${e.model} ${e.action} ${e.symbol ?? ''} — ${e.reason}`);

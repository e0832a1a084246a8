/**
 * The TVaR interceptor in a backtest.
 *
 * A deterministic synthetic market (four correlated symbols, 500 daily bars, seed 42)
 * is traded by a small momentum alpha: it goes long a symbol when its 20-bar return
 * turns positive and flat when it turns negative; the portfolio model holds the live
 * longs at equal weight (sum 1). The risk stage is a `TVaRInterceptor` wrapped
 * around an 8 % trailing stop: whenever the portfolio model proposes a new book, the
 * interceptor estimates the one-day 95 % TVaR of that book from the last 60 daily
 * returns of its symbols (parametric, covariance-aware) and, when it is above 2.5 %,
 * scales the book down to the limit (`scale`) or cancels the new entries (`cancel`).
 * A run with the trailing stop alone (`none`) is printed for comparison. With
 * `cancel`, a cancelled insight stays cancelled until the alpha changes its mind
 * (this alpha only speaks when its signal flips), so that policy trades little.
 *
 * Run from the repository root:  npx tsx examples/risk/tvar-interceptor.ts
 */
import { EventDrivenBacktester, FrameworkAlgorithm, syntheticBars } from '@alphaswarm/core';
import type {
  AlgorithmContext,
  AlphaModel,
  BacktestResult,
  ExecutionModel,
  Insight,
  InsightInit,
  OrderRequest,
  PortfolioConstructionModel,
  PortfolioTarget,
  Slice,
  SymbolId,
  UniverseSelectionModel,
} from '@alphaswarm/core';
import { TrailingStopRiskManagementModel, TVaRInterceptor, type TVaRPolicy } from '@alphaswarm/risk';

/** Every symbol of the data, all the time. */
class AllSymbols implements UniverseSelectionModel {
  readonly name = 'AllSymbols';
  select(ctx: AlgorithmContext): readonly SymbolId[] {
    return ctx.securities.available;
  }
}

/** Up when the `lookback`-bar return turns positive, flat when it turns negative (emits on changes only). */
class MomentumAlpha implements AlphaModel {
  readonly name = 'MomentumAlpha';
  private readonly sign = new Map<SymbolId, number>();
  constructor(private readonly lookback = 20) {}
  update(ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
    let out: InsightInit[] | undefined;
    for (const symbol of slice.symbols) {
      const closes = ctx.history(symbol, 'close', this.lookback + 1);
      if (closes.length <= this.lookback) continue;
      const s = Math.sign((closes[this.lookback] ?? 0) - (closes[0] ?? 0));
      if (s === 0 || s === this.sign.get(symbol)) continue;
      this.sign.set(symbol, s);
      (out ??= []).push({ symbol, direction: s > 0 ? 'up' : 'flat' });
    }
    return out ?? NONE;
  }
}
const NONE: readonly InsightInit[] = Object.freeze([]);

/** Equal weight over the live 'up' insights; zero for symbols dropped since last time. */
class EqualWeightLongs implements PortfolioConstructionModel {
  readonly name = 'EqualWeightLongs';
  private held = new Set<SymbolId>();
  createTargets(_ctx: AlgorithmContext, insights: readonly Insight[]): readonly PortfolioTarget[] {
    const longs = insights.filter((i) => i.direction === 'up');
    const next = new Set(longs.map((i) => i.symbol));
    const out: PortfolioTarget[] = longs.map((i) => ({ symbol: i.symbol, weight: 1 / longs.length }));
    for (const symbol of this.held) if (!next.has(symbol)) out.push({ symbol, quantity: 0 });
    this.held = next;
    return out;
  }
}

/** Market orders for target − holding − open orders. */
class MarketOrders implements ExecutionModel {
  readonly name = 'MarketOrders';
  execute(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly OrderRequest[] {
    const out: OrderRequest[] = [];
    for (const target of targets) {
      const open = ctx.openOrders(target.symbol).reduce((sum, order) => sum + order.remainingQuantity, 0);
      const delta = ctx.targetQuantity(target) - ctx.portfolio.quantity(target.symbol) - open;
      if (delta !== 0) out.push({ symbol: target.symbol, quantity: delta });
    }
    return out;
  }
}

const data = syntheticBars({ symbols: ['AAA.X', 'BBB.X', 'CCC.X', 'DDD.X'], bars: 500, seed: 42, start: '2021-01-04', correlation: 0.6, volatility: 0.35 });

function run(policy: TVaRPolicy | 'none'): BacktestResult {
  const stop = new TrailingStopRiskManagementModel({ threshold: 0.08 });
  const risk = policy === 'none' ? stop : new TVaRInterceptor({ inner: stop, method: 'parametric', alpha: 0.95, limit: 0.025, lookback: 60, policy });
  const algorithm = new FrameworkAlgorithm({
    name: `momentum-${policy}`,
    universe: new AllSymbols(),
    alpha: new MomentumAlpha(20),
    portfolio: new EqualWeightLongs(),
    risk,
    execution: new MarketOrders(),
  });
  return new EventDrivenBacktester({ initialCash: 100_000, seed: 42 }).run(algorithm, data);
}

const pct = (x: unknown): string => (typeof x === 'number' ? `${(x * 100).toFixed(2)}%` : String(x));

for (const policy of ['none', 'scale', 'cancel'] as const) {
  const result = run(policy);
  const tvar = result.riskEvents.filter((e) => e.model === 'TVaRInterceptor');
  const stops = result.riskEvents.filter((e) => e.model === 'TrailingStopRiskManagementModel');
  console.log(`\n=== policy: ${policy} ===`);
  console.log(`orders ${result.orders.length}, fills ${result.fills.length}, trailing-stop exits ${stops.length}, TVaR interventions ${tvar.length}`);
  console.log(`final equity ${result.finalEquity.toFixed(2)}, max drawdown ${pct(result.statistics.maxDrawdown.depth)}, mean gross exposure ${(result.equityCurve.exposure.reduce((a, b) => a + b, 0) / result.equityCurve.exposure.length).toFixed(0)}`);
  for (const e of tvar.slice(0, 6)) {
    const d = e.details;
    const what = e.action === 'scale' ? `scaled by ${Number(d['factor']).toFixed(3)} → ${pct(d['after'])}` : `cancelled ${String(d['dropped'])} entr${d['dropped'] === 1 ? 'y' : 'ies'}`;
    console.log(`  ${new Date(e.time).toISOString().slice(0, 10)}  ${e.action.padEnd(6)} TVaR ${pct(d['estimate'])} > limit ${pct(d['limit'])}: ${what}`);
  }
  if (tvar.length > 6) console.log(`  … ${tvar.length - 6} more`);
}

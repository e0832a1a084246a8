// Minimal stage models for exercising the engine. The shipped models live in
// @alphaswarm/strategies; core's tests must not depend on it.
import type {
  AlgorithmContext,
  AlphaModel,
  BarColumns,
  BarSource,
  ExecutionModel,
  Insight,
  InsightInit,
  OrderRequest,
  PortfolioConstructionModel,
  PortfolioTarget,
  RiskManagementModel,
  Slice,
  UniverseSelectionModel,
} from '../../src/index.js';
import { FrameworkAlgorithm, SymbolId } from '../../src/index.js';

/** Bars from close prices: open = previous close, high/low bracket both. */
export function barsFromCloses(closes: Record<string, readonly number[]>, start = Date.UTC(2020, 0, 1), step = 86_400_000): BarSource {
  const symbols = Object.keys(closes).map((s) => SymbolId.parse(s));
  const series = new Map<SymbolId, BarColumns>();
  for (const symbol of symbols) {
    const c = closes[symbol.value]!;
    const n = c.length;
    const timestamp = new Float64Array(n);
    const open = new Float64Array(n);
    const high = new Float64Array(n);
    const low = new Float64Array(n);
    const close = Float64Array.from(c);
    const volume = new Float64Array(n).fill(1_000_000);
    for (let i = 0; i < n; i += 1) {
      timestamp[i] = start + i * step;
      open[i] = i === 0 ? c[0]! : c[i - 1]!;
      high[i] = Math.max(open[i]!, close[i]!) * 1.01;
      low[i] = Math.min(open[i]!, close[i]!) * 0.99;
    }
    series.set(symbol, { timestamp, open, high, low, close, volume });
  }
  return { symbols, series: (s) => series.get(s)! };
}

export class AllSymbolsUniverse implements UniverseSelectionModel {
  readonly name = 'AllSymbolsUniverse';
  select(ctx: AlgorithmContext): readonly SymbolId[] {
    return ctx.securities.available;
  }
}

/** Up when the fast SMA is above the slow SMA, down (or flat) when below; emits on crosses only. */
export class SmaCrossAlpha implements AlphaModel {
  readonly name = 'SmaCrossAlpha';
  private readonly state = new Map<SymbolId, { prev: number }>();
  constructor(private readonly fast: number, private readonly slow: number, private readonly longOnly = true) {}
  update(ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
    const out: InsightInit[] = [];
    for (const symbol of slice.symbols) {
      const closes = ctx.history(symbol, 'close', this.slow);
      if (closes.length < this.slow) continue;
      const mean = (xs: Float64Array): number => xs.reduce((a, b) => a + b, 0) / xs.length;
      const diff = mean(closes.subarray(this.slow - this.fast)) - mean(closes);
      const sign = Math.sign(diff);
      const st = this.state.get(symbol) ?? { prev: 0 };
      if (sign !== 0 && sign !== st.prev) {
        out.push({ symbol, direction: sign > 0 ? 'up' : this.longOnly ? 'flat' : 'down' });
        st.prev = sign;
      }
      this.state.set(symbol, st);
    }
    return out;
  }
}

/** Equal weight across up/down insights; zero for symbols whose insight is flat or gone. */
export class EqualWeightPcm implements PortfolioConstructionModel {
  readonly name = 'EqualWeightPcm';
  private readonly targeted = new Set<SymbolId>();
  createTargets(_ctx: AlgorithmContext, insights: readonly Insight[]): readonly PortfolioTarget[] {
    const live = insights.filter((i) => i.direction !== 'flat');
    const out: PortfolioTarget[] = [];
    const now = new Set<SymbolId>();
    for (const i of live) {
      out.push({ symbol: i.symbol, weight: i.sign / live.length });
      now.add(i.symbol);
    }
    for (const s of this.targeted) if (!now.has(s)) out.push({ symbol: s, quantity: 0 });
    this.targeted.clear();
    for (const s of now) this.targeted.add(s);
    return out;
  }
}

export class PassThroughRisk implements RiskManagementModel {
  readonly name = 'PassThroughRisk';
  manageRisk(_ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    return targets;
  }
}

/** Market orders for the difference between target and holdings plus open orders. */
export class MarketExecution implements ExecutionModel {
  readonly name = 'MarketExecution';
  execute(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly OrderRequest[] {
    const out: OrderRequest[] = [];
    for (const t of targets) {
      const open = ctx.openOrders(t.symbol).reduce((a, o) => a + o.remainingQuantity, 0);
      const delta = ctx.targetQuantity(t) - ctx.portfolio.quantity(t.symbol) - open;
      if (delta !== 0) out.push({ symbol: t.symbol, quantity: delta });
    }
    return out;
  }
}

export function crossoverAlgorithm(fast = 3, slow = 8, extra: Partial<ConstructorParameters<typeof FrameworkAlgorithm>[0]> = {}): FrameworkAlgorithm {
  return new FrameworkAlgorithm({
    name: 'test-crossover',
    universe: new AllSymbolsUniverse(),
    alpha: new SmaCrossAlpha(fast, slow),
    portfolio: new EqualWeightPcm(),
    risk: new PassThroughRisk(),
    execution: new MarketExecution(),
    ...extra,
  });
}

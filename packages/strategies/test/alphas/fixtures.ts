// Test-local helpers: hand-built bar data and minimal stage models, so that the
// alpha and universe tests do not depend on the shipped portfolio/execution models.
import {
  EventDrivenBacktester,
  FrameworkAlgorithm,
  SymbolId,
  type AlgorithmContext,
  type AlphaModel,
  type BacktestResult,
  type BarColumns,
  type BarSource,
  type ExecutionModel,
  type Insight,
  type InsightInit,
  type InsightRecord,
  type OrderRequest,
  type PortfolioConstructionModel,
  type PortfolioTarget,
  type RiskManagementModel,
  type SecurityChanges,
  type Slice,
  type UniverseSelectionModel,
} from '@alphaswarm/core';
import { expect } from 'vitest';

export const DAY = 86_400_000;
export const T0 = Date.UTC(2020, 0, 6); // a Monday

/** Columns of one symbol; omitted fields are derived from the closes. */
export interface SeriesSpec {
  readonly close: readonly number[];
  readonly open?: readonly number[];
  readonly high?: readonly number[];
  readonly low?: readonly number[];
  readonly volume?: readonly number[];
  /** Bar indices (multiples of `step` after `start`); default 0, 1, 2, … */
  readonly at?: readonly number[];
}

/**
 * Bar data by symbol. Defaults: open = previous close (first bar: its close),
 * high/low = max/min(open, close) ± 1%, volume 1,000,000, one bar per day from T0.
 */
export function makeBars(spec: Record<string, SeriesSpec | readonly number[]>, start = T0, step = DAY): BarSource {
  const symbols = Object.keys(spec).map((s) => SymbolId.parse(s));
  const series = new Map<SymbolId, BarColumns>();
  for (const symbol of symbols) {
    const raw = spec[symbol.value]!;
    const s: SeriesSpec = Array.isArray(raw) ? { close: raw as readonly number[] } : (raw as SeriesSpec);
    const c = s.close;
    const n = c.length;
    const timestamp = new Float64Array(n);
    const open = new Float64Array(n);
    const high = new Float64Array(n);
    const low = new Float64Array(n);
    const close = Float64Array.from(c);
    const volume = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      timestamp[i] = start + (s.at?.[i] ?? i) * step;
      open[i] = s.open?.[i] ?? (i === 0 ? c[0]! : c[i - 1]!);
      high[i] = s.high?.[i] ?? Math.max(open[i]!, close[i]!) * 1.01;
      low[i] = s.low?.[i] ?? Math.min(open[i]!, close[i]!) * 0.99;
      volume[i] = s.volume?.[i] ?? 1_000_000;
    }
    series.set(symbol, { timestamp, open, high, low, close, volume });
  }
  return { symbols, series: (sym) => series.get(sym)! };
}

/** Every symbol of the data, selected once. */
export class AllSymbolsUniverse implements UniverseSelectionModel {
  readonly name = 'AllSymbolsUniverse';
  select(ctx: AlgorithmContext): readonly SymbolId[] {
    return ctx.securities.available;
  }
}

/** Targets nothing: for tests that only look at the insights. */
export class NullPortfolio implements PortfolioConstructionModel {
  readonly name = 'NullPortfolio';
  createTargets(): readonly PortfolioTarget[] {
    return [];
  }
}

/**
 * Equal weight across the active up/down insights (sign / count), and a zero target
 * for a symbol targeted before that no longer has one.
 */
export class TestEqualWeightPortfolio implements PortfolioConstructionModel {
  readonly name = 'TestEqualWeightPortfolio';
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

export class PassRisk implements RiskManagementModel {
  readonly name = 'PassRisk';
  manageRisk(_ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    return targets;
  }
}

/** Market orders for target − holdings − open orders. */
export class TestImmediateExecution implements ExecutionModel {
  readonly name = 'TestImmediateExecution';
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

/** Wraps an alpha and keeps every array its `update` returned. */
export class RecordingAlpha implements AlphaModel {
  readonly name: string;
  readonly results: (readonly InsightInit[])[] = [];
  constructor(readonly inner: AlphaModel) {
    this.name = inner.name;
  }
  update(ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
    const r = this.inner.update(ctx, slice);
    this.results.push(r);
    return r;
  }
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    this.inner.onSecuritiesChanged?.(ctx, changes);
  }
}

/** An emitted insight, located by bar index. */
export interface Emitted extends InsightRecord {
  /** Index of the bar (timestamp of the run) at which it was generated. */
  readonly index: number;
}

/** The insights of a run, in order, with the bar index of their generation. */
export function emitted(result: BacktestResult): Emitted[] {
  const times = Array.from(result.equityCurve.timestamps);
  const out: Emitted[] = [];
  for (const event of result.eventLog.filter('signal')) {
    for (const insight of event.insights) out.push({ ...insight, index: times.indexOf(insight.generatedTime) });
  }
  return out;
}

/** `[index, symbol, direction]` of each emitted insight: compact expectations. */
export function brief(list: readonly Emitted[]): [number, string, string][] {
  return list.map((e) => [e.index, e.symbol, e.direction]);
}

export interface RunOptions {
  readonly universe?: UniverseSelectionModel;
  readonly portfolio?: PortfolioConstructionModel;
  readonly execution?: ExecutionModel;
  readonly risk?: RiskManagementModel;
  readonly initialCash?: number;
}

/** Runs `alpha` over `data` (all symbols, no trading unless a portfolio is given). */
export function runAlpha(alpha: AlphaModel, data: BarSource, options: RunOptions = {}): BacktestResult {
  const algorithm = new FrameworkAlgorithm({
    name: 'test',
    universe: options.universe ?? new AllSymbolsUniverse(),
    alpha,
    portfolio: options.portfolio ?? new NullPortfolio(),
    risk: options.risk ?? new PassRisk(),
    execution: options.execution ?? new TestImmediateExecution(),
  });
  return new EventDrivenBacktester({ initialCash: options.initialCash ?? 100_000, freePortfolioValuePct: 0 }).run(algorithm, data);
}

/** Runs `alpha` with the test equal-weight portfolio and immediate execution. */
export function tradeAlpha(alpha: AlphaModel, data: BarSource, universe?: UniverseSelectionModel): BacktestResult {
  return runAlpha(alpha, data, {
    portfolio: new TestEqualWeightPortfolio(),
    execution: new TestImmediateExecution(),
    ...(universe === undefined ? {} : { universe }),
  });
}

/**
 * Checks the fill-timing contract on a traded run: there is at least one fill; every
 * order was created at the bar of an insight of its symbol; every fill is at the
 * open of the bar right after the order's bar. Returns the fills' bar indices.
 */
export function expectFillsAtNextOpen(result: BacktestResult, data: BarSource): number[] {
  expect(result.fills.length).toBeGreaterThan(0);
  const insights = emitted(result);
  return result.fills.map((fill) => {
    const order = result.orders.find((o) => o.id === fill.orderId)!;
    const cols = data.series(fill.symbol);
    const i = Array.from(cols.timestamp).indexOf(fill.time);
    expect(i).toBeGreaterThan(0);
    expect(order.createdAt).toBe(cols.timestamp[i - 1]);
    expect(fill.price).toBe(cols.open[i]);
    expect(insights.some((x) => x.generatedTime === order.createdAt && x.symbol === fill.symbol.value)).toBe(true);
    return i;
  });
}

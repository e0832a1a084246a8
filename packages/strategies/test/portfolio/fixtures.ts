// Test-local helpers for the portfolio and execution tests: hand-built bar data, a
// context over a real SliceFeed and Portfolio, and minimal stage models, so that these
// tests depend on nothing but core and the models under test.
import {
  EventDrivenBacktester,
  FrameworkAlgorithm,
  Insight,
  InsightCollection,
  KillSwitch,
  Order,
  Portfolio,
  SeededRandom,
  SliceFeed,
  SymbolId,
  quantityForWeight,
  type AlgorithmContext,
  type AlphaModel,
  type BacktestOptions,
  type BacktestResult,
  type BarColumns,
  type BarField,
  type BarSource,
  type BarView,
  type ExecutionModel,
  type InsightInit,
  type OrderRequest,
  type PortfolioConstructionModel,
  type PortfolioTarget,
  type PreTradeControl,
  type RiskDecision,
  type RiskManagementModel,
  type Securities,
  type Slice,
  type UniverseSelectionModel,
} from '@alphaswarm/core';

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

/** Prices from a list of per-bar simple returns, starting at `start`. */
export function pricesFromReturns(returns: readonly number[], start = 100): number[] {
  const out = [start];
  for (const r of returns) out.push(out[out.length - 1]! * (1 + r));
  return out;
}

class FeedSecurities implements Securities {
  active: readonly SymbolId[] = [];
  constructor(private readonly feed: SliceFeed) {}
  get available(): readonly SymbolId[] {
    return this.feed.symbolList;
  }
  price(symbol: SymbolId): number | undefined {
    return this.feed.price(symbol);
  }
  lastBar(symbol: SymbolId): BarView | undefined {
    return this.feed.lastBar(symbol);
  }
}

/**
 * An AlgorithmContext over a real SliceFeed and Portfolio, moved by hand: `step()`
 * advances one slice and marks the positions; `hold()` books a position; `orders`
 * stands for the broker's open orders.
 */
export class TestContext implements AlgorithmContext {
  readonly feed: SliceFeed;
  readonly portfolio: Portfolio;
  readonly securities: FeedSecurities;
  readonly insights = new InsightCollection();
  readonly rng = new SeededRandom(0);
  readonly killSwitch = new KillSwitch();
  readonly orders: Order[] = [];
  readonly decisions: RiskDecision[] = [];
  private nextOrderId = 1;
  private nextInsightId = 1;

  constructor(data: BarSource, initialCash = 100_000) {
    this.feed = new SliceFeed(data);
    this.portfolio = new Portfolio({ initialCash });
    this.securities = new FeedSecurities(this.feed);
  }

  get time(): number {
    return this.feed.time;
  }

  get index(): number {
    return this.feed.index;
  }

  /** Advances one slice and marks every position at its close. */
  step(): this {
    this.feed.advance(this.feed.index + 1);
    for (const symbol of this.feed.symbols) this.portfolio.mark(symbol, this.feed.bar(symbol)!.close);
    return this;
  }

  /** Advances to slice `index`. */
  stepTo(index: number): this {
    while (this.feed.index < index) this.step();
    return this;
  }

  /** Books a fill of `quantity` at `price` (default: the current close). */
  hold(symbol: SymbolId, quantity: number, price = this.feed.price(symbol)!): void {
    this.portfolio.applyFill({ orderId: 0, symbol, time: this.time, quantity, price, fee: 0, slippage: 0 });
  }

  /** Adds an open order, as if submitted earlier. */
  openOrder(request: OrderRequest): Order {
    const order = Order.create(this.nextOrderId++, request, this.time);
    this.orders.push(order);
    return order;
  }

  /** Stamps an insight at the current time. */
  insight(init: InsightInit, source = 'TestAlpha'): Insight {
    return new Insight(this.nextInsightId++, init, source, this.time);
  }

  get sizingValue(): number {
    return this.portfolio.equity;
  }

  openOrders(symbol?: SymbolId): readonly Order[] {
    return this.orders.filter((o) => o.isOpen && (symbol === undefined || o.symbol === symbol));
  }

  history(symbol: SymbolId, field: BarField, n: number): Float64Array {
    return this.feed.history(symbol, field, n);
  }

  targetQuantity(target: PortfolioTarget): number {
    return target.quantity ?? quantityForWeight(target.weight, this.sizingValue, this.feed.price(target.symbol)!);
  }

  recordRiskDecision(decision: RiskDecision): void {
    this.decisions.push(decision);
  }
}

/** The weight targets of a target list, as `{symbol text: weight}`; quantity targets as `q:<n>`. */
export function targetMap(targets: readonly PortfolioTarget[]): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const t of targets) out[t.symbol.value] = t.quantity === undefined ? t.weight : `q:${t.quantity}`;
  return out;
}

/** Every symbol of the data, selected once. */
export class AllSymbolsUniverse implements UniverseSelectionModel {
  readonly name = 'AllSymbolsUniverse';
  select(ctx: AlgorithmContext): readonly SymbolId[] {
    return ctx.securities.available;
  }
}

/** Passes targets through. */
export class PassRisk implements RiskManagementModel {
  readonly name = 'PassRisk';
  manageRisk(_ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    return targets;
  }
}

const NONE: readonly InsightInit[] = Object.freeze([]);

/** Emits the scripted insights at the given bar indices (by timestamp order). */
export class ScriptedAlpha implements AlphaModel {
  readonly name = 'ScriptedAlpha';
  private index = -1;
  constructor(private readonly script: Readonly<Record<number, readonly InsightInit[]>>) {}
  update(): readonly InsightInit[] {
    this.index += 1;
    return this.script[this.index] ?? NONE;
  }
}

/** Never emits. */
export class SilentAlpha implements AlphaModel {
  readonly name = 'SilentAlpha';
  update(_ctx: AlgorithmContext, _slice: Slice): readonly InsightInit[] {
    return NONE;
  }
}

/** Emits the scripted targets at the given bar indices (through `rebalanceDue`). */
export class ScriptedPortfolio implements PortfolioConstructionModel {
  readonly name = 'ScriptedPortfolio';
  private index = -1;
  private lastTime = Number.NaN;
  constructor(private readonly script: Readonly<Record<number, readonly PortfolioTarget[]>>) {}
  private tick(time: number): void {
    if (time !== this.lastTime) {
      this.lastTime = time;
      this.index += 1;
    }
  }
  rebalanceDue(ctx: AlgorithmContext): boolean {
    this.tick(ctx.time);
    return this.script[this.index] !== undefined;
  }
  createTargets(ctx: AlgorithmContext): readonly PortfolioTarget[] {
    this.tick(ctx.time);
    return this.script[this.index] ?? [];
  }
}

/** Runs a framework algorithm made of the given stages (all symbols, pass-through risk). */
export function runPipeline(
  stages: {
    alpha?: AlphaModel;
    portfolio: PortfolioConstructionModel;
    execution: ExecutionModel;
    risk?: RiskManagementModel;
    preTradeControls?: readonly PreTradeControl[];
  },
  data: BarSource,
  options: BacktestOptions = {},
): BacktestResult {
  const algorithm = new FrameworkAlgorithm({
    name: 'test',
    universe: new AllSymbolsUniverse(),
    alpha: stages.alpha ?? new SilentAlpha(),
    portfolio: stages.portfolio,
    risk: stages.risk ?? new PassRisk(),
    execution: stages.execution,
    preTradeControls: stages.preTradeControls ?? [],
  });
  return new EventDrivenBacktester({ initialCash: 1_000_000, freePortfolioValuePct: 0, ...options }).run(algorithm, data);
}

/** Index of the bar at `time` in a run's equity curve. */
export function barIndex(result: BacktestResult, time: number): number {
  return Array.from(result.equityCurve.timestamps).indexOf(time);
}

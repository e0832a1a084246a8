// Test-local fixtures of the risk package: hand-built bar data, minimal stage models
// and a stub AlgorithmContext. (Core's own test fixtures are not imported.)
import {
  FrameworkAlgorithm,
  Insight,
  InsightCollection,
  KillSwitch,
  Order,
  Portfolio,
  SeededRandom,
  SymbolId,
  quantityForWeight,
} from '@alphaswarm/core';
import type {
  AlgorithmContext,
  AlphaModel,
  BarColumns,
  BarField,
  BarSource,
  BarView,
  ExecutionModel,
  InsightInit,
  OrderRequest,
  PortfolioConstructionModel,
  PortfolioTarget,
  PreTradeControl,
  RiskDecision,
  RiskManagementModel,
  Securities,
  Slice,
  UniverseSelectionModel,
} from '@alphaswarm/core';

export const DAY = 86_400_000;
export const T0 = Date.UTC(2020, 0, 1);

/** Bar index of a time in the fixtures' daily calendar. */
export const barOf = (time: number): number => Math.round((time - T0) / DAY);

/** One bar's prices. */
export interface Ohlc {
  open: number;
  high: number;
  low: number;
  close: number;
}

/** Bars from explicit OHLC rows, one per day from T0 (or every `step` ms). */
export function barsFromOhlc(rows: Record<string, readonly Ohlc[]>, step = DAY): BarSource {
  const symbols = Object.keys(rows).map((s) => SymbolId.parse(s));
  const series = new Map<SymbolId, BarColumns>();
  for (const symbol of symbols) {
    const r = rows[symbol.value]!;
    const n = r.length;
    series.set(symbol, {
      timestamp: Float64Array.from({ length: n }, (_, i) => T0 + i * step),
      open: Float64Array.from(r, (b) => b.open),
      high: Float64Array.from(r, (b) => b.high),
      low: Float64Array.from(r, (b) => b.low),
      close: Float64Array.from(r, (b) => b.close),
      volume: new Float64Array(n).fill(1_000_000),
    });
  }
  return { symbols, series: (s) => series.get(s)! };
}

/** OHLC rows from closes: open = previous close (the first open = the first close), high/low = max/min(open, close). */
export function ohlcFromCloses(closes: readonly number[]): Ohlc[] {
  return closes.map((close, i) => {
    const open = i === 0 ? close : closes[i - 1]!;
    return { open, high: Math.max(open, close), low: Math.min(open, close), close };
  });
}

/** Bars from closes (see {@link ohlcFromCloses}). */
export function barsFromCloses(closes: Record<string, readonly number[]>, step = DAY): BarSource {
  const rows: Record<string, Ohlc[]> = {};
  for (const [symbol, c] of Object.entries(closes)) rows[symbol] = ohlcFromCloses(c);
  return barsFromOhlc(rows, step);
}

export class AllSymbolsUniverse implements UniverseSelectionModel {
  readonly name = 'AllSymbolsUniverse';
  select(ctx: AlgorithmContext): readonly SymbolId[] {
    return ctx.securities.available;
  }
}

/** Emits the insights listed for a bar index (daily bars from T0, or `step`). */
export class ScriptedAlpha implements AlphaModel {
  readonly name = 'ScriptedAlpha';
  constructor(
    private readonly script: Readonly<Record<number, readonly InsightInit[]>>,
    private readonly step = DAY,
  ) {}
  update(_ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
    return this.script[Math.round((slice.time - T0) / this.step)] ?? [];
  }
}

/** Weight per insight: its `weight` when given, else sign / count; zero for symbols no longer wanted. */
export class WeightPcm implements PortfolioConstructionModel {
  readonly name = 'WeightPcm';
  private readonly targeted = new Set<SymbolId>();
  createTargets(_ctx: AlgorithmContext, insights: readonly Insight[]): readonly PortfolioTarget[] {
    const live = insights.filter((i) => i.direction !== 'flat');
    const out: PortfolioTarget[] = [];
    const now = new Set<SymbolId>();
    for (const i of live) {
      out.push({ symbol: i.symbol, weight: i.weight ?? i.sign / live.length });
      now.add(i.symbol);
    }
    for (const s of this.targeted) if (!now.has(s)) out.push({ symbol: s, quantity: 0 });
    this.targeted.clear();
    for (const s of now) this.targeted.add(s);
    return out;
  }
}

/** Market orders for target − holding − open orders; records the targets it saw. */
export class MarketExecution implements ExecutionModel {
  readonly name = 'MarketExecution';
  readonly seen: { time: number; symbol: string; quantity: number }[] = [];
  execute(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly OrderRequest[] {
    const out: OrderRequest[] = [];
    for (const t of targets) {
      const q = ctx.targetQuantity(t);
      this.seen.push({ time: ctx.time, symbol: t.symbol.value, quantity: q });
      const open = ctx.openOrders(t.symbol).reduce((a, o) => a + o.remainingQuantity, 0);
      const delta = q - ctx.portfolio.quantity(t.symbol) - open;
      if (delta !== 0) out.push({ symbol: t.symbol, quantity: delta });
    }
    return out;
  }
}

/** A spy execution: submits the order requests scripted for a bar index, whatever the targets. */
export class ScriptedExecution implements ExecutionModel {
  readonly name = 'ScriptedExecution';
  readonly submitted: { bar: number; request: OrderRequest }[] = [];
  constructor(private readonly script: Readonly<Record<number, readonly OrderRequest[]>>) {}
  execute(ctx: AlgorithmContext): readonly OrderRequest[] {
    const bar = barOf(ctx.time);
    const requests = this.script[bar] ?? [];
    for (const request of requests) this.submitted.push({ bar, request });
    return requests;
  }
}

export class PassThroughRisk implements RiskManagementModel {
  readonly name = 'PassThroughRisk';
  manageRisk(_ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    return targets;
  }
}

/** An algorithm of the fixtures' models; override any stage. */
export function algorithm(parts: {
  alpha?: AlphaModel;
  risk?: RiskManagementModel;
  execution?: ExecutionModel;
  portfolio?: PortfolioConstructionModel;
  preTradeControls?: readonly PreTradeControl[];
}): FrameworkAlgorithm {
  return new FrameworkAlgorithm({
    name: 'risk-test',
    universe: new AllSymbolsUniverse(),
    alpha: parts.alpha ?? new ScriptedAlpha({}),
    portfolio: parts.portfolio ?? new WeightPcm(),
    risk: parts.risk ?? new PassThroughRisk(),
    execution: parts.execution ?? new MarketExecution(),
    ...(parts.preTradeControls === undefined ? {} : { preTradeControls: parts.preTradeControls }),
  });
}

/**
 * A hand-driven AlgorithmContext: a real Portfolio (fills booked with `fill`),
 * prices set with `price`, open orders added with `order`, histories set with
 * `setHistory`, and every recorded decision kept in `decisions`.
 */
export class StubContext implements AlgorithmContext {
  time = T0;
  readonly portfolio: Portfolio;
  readonly insights = new InsightCollection();
  readonly rng = new SeededRandom(0);
  readonly killSwitch = new KillSwitch();
  readonly decisions: RiskDecision[] = [];
  readonly securities: Securities;
  private readonly prices = new Map<SymbolId, number>();
  private readonly bars = new Map<SymbolId, BarView>();
  private readonly histories = new Map<SymbolId, Partial<Record<BarField, number[]>>>();
  private readonly open: Order[] = [];
  private nextOrderId = 1;
  private nextInsightId = 1;

  constructor(initialCash = 100_000, readonly symbols: readonly SymbolId[] = []) {
    this.portfolio = new Portfolio({ initialCash });
    this.securities = {
      available: symbols,
      active: symbols,
      price: (symbol) => this.prices.get(symbol),
      lastBar: (symbol) => this.bars.get(symbol),
    };
  }

  get sizingValue(): number {
    return this.portfolio.equity;
  }

  /** Sets the last price (and marks the portfolio), optionally with the bar's high/low. */
  price(symbol: SymbolId, close: number, high = close, low = close): this {
    this.prices.set(symbol, close);
    this.bars.set(symbol, { time: this.time, open: close, high, low, close, volume: 1 });
    this.portfolio.mark(symbol, close);
    return this;
  }

  /** Books a fill at `price` (and sets the last price to it). */
  fill(symbol: SymbolId, quantity: number, price: number): this {
    this.portfolio.applyFill({ orderId: 0, symbol, time: this.time, quantity, price, fee: 0, slippage: 0 });
    return this.price(symbol, price);
  }

  /** Adds an open order. */
  order(request: OrderRequest): Order {
    const order = Order.create(this.nextOrderId++, request, this.time);
    this.open.push(order);
    return order;
  }

  /** Adds an active insight from `source`. */
  insight(init: InsightInit, source = 'Alpha'): Insight {
    const insight = new Insight(this.nextInsightId++, init, source, this.time);
    this.insights.add(insight);
    return insight;
  }

  setHistory(symbol: SymbolId, field: BarField, values: readonly number[]): this {
    const h = this.histories.get(symbol) ?? {};
    h[field] = [...values];
    this.histories.set(symbol, h);
    return this;
  }

  /** Orders added with `order` that are still open (fill, cancel or reject them to close them). */
  openOrders(symbol?: SymbolId): readonly Order[] {
    return this.open.filter((o) => o.isOpen && (symbol === undefined || o.symbol === symbol));
  }

  history(symbol: SymbolId, field: BarField, n: number): Float64Array {
    const values = this.histories.get(symbol)?.[field] ?? [];
    return Float64Array.from(values.slice(Math.max(0, values.length - n)));
  }

  targetQuantity(target: PortfolioTarget): number {
    if (target.quantity !== undefined) return target.quantity;
    return quantityForWeight(target.weight, this.sizingValue, this.prices.get(target.symbol)!);
  }

  recordRiskDecision(decision: RiskDecision): void {
    this.decisions.push(decision);
  }
}


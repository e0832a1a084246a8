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
  type SymbolId,
  quantityForWeight,
  type AlgorithmContext,
  type AlphaModel,
  type BacktestOptions,
  type BacktestResult,
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
} from '@alphaswarm/core';
import { AllSymbolsUniverse, DAY, PassRisk, T0, makeBars, type SeriesSpec } from '../alphas/fixtures.js';

// The bar builder and trivial stage models of the alpha tests, shared here.
export { AllSymbolsUniverse, DAY, PassRisk, T0, makeBars, type SeriesSpec };


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

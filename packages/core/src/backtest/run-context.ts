import { AlphaSwarmError } from '../errors.js';
import type { AlgorithmContext, BarField, Securities } from '../framework/context.js';
import type { InsightCollection } from '../framework/insight-collection.js';
import { quantityForWeight, type PortfolioTarget } from '../framework/portfolio-target.js';
import type { RiskDecision } from '../framework/risk-decision.js';
import type { KillSwitch } from '../kill-switch.js';
import type { BarView } from '../orders/bar.js';
import type { Order } from '../orders/order.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import type { SeededRandom } from '../random.js';
import type { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';

/**
 * What the context reads from the market up to the current time: the backtest's
 * `SliceFeed` satisfies it, and so does a paper session's bar history.
 */
export interface MarketHistory {
  /** Every symbol of the data, in data order. */
  readonly symbolList: readonly SymbolId[];
  /** Last close of `symbol` at or before now, or `undefined` before its first bar. */
  price(symbol: SymbolId): number | undefined;
  /** Last bar of `symbol` at or before now (a reused view), or `undefined`. */
  lastBar(symbol: SymbolId): BarView | undefined;
  /** The last `n` values of `field` up to now, oldest first, as a copy. */
  history(symbol: SymbolId, field: BarField, n: number): Float64Array;
}

/** Where the context finds the orders still working. */
export interface OpenOrderSource {
  /** Open orders, for one symbol when given, in id order. */
  openOrders(symbol?: SymbolId): readonly Order[];
}

/** The securities view of a backtest, backed by the slice feed. */
class FeedSecurities implements Securities {
  active: readonly SymbolId[] = [];

  constructor(private readonly feed: MarketHistory) {}

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
 * The {@link AlgorithmContext} of a backtest (over its slice feed and broker) and of a
 * paper session (over its bar history and order book): one object, its time moved by
 * the driver's owner. One implementation, so that both size targets the same way.
 */
export class BacktestContext implements AlgorithmContext {
  time: EpochMs = Number.NaN;
  readonly securities: FeedSecurities;

  constructor(
    readonly portfolio: Portfolio,
    readonly insights: InsightCollection,
    readonly rng: SeededRandom,
    readonly killSwitch: KillSwitch,
    private readonly feed: MarketHistory,
    private readonly broker: OpenOrderSource,
    private readonly freePortfolioValuePct: number,
    private readonly onRiskDecision: (decision: RiskDecision) => void,
  ) {
    this.securities = new FeedSecurities(feed);
  }

  get sizingValue(): number {
    return this.portfolio.equity * (1 - this.freePortfolioValuePct);
  }

  openOrders(symbol?: SymbolId): readonly Order[] {
    return this.broker.openOrders(symbol);
  }

  history(symbol: SymbolId, field: BarField, n: number): Float64Array {
    return this.feed.history(symbol, field, n);
  }

  targetQuantity(target: PortfolioTarget): number {
    if (target.quantity !== undefined) return target.quantity;
    const price = this.feed.price(target.symbol);
    if (price === undefined) {
      throw new AlphaSwarmError('NO_PRICE', `cannot size a weight target for ${target.symbol.value}: it has no price yet`, {
        path: 'target.symbol',
        value: target.symbol.value,
      });
    }
    return quantityForWeight(target.weight, this.sizingValue, price);
  }

  recordRiskDecision(decision: RiskDecision): void {
    this.onRiskDecision(decision);
  }
}

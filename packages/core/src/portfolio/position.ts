import { AlphaSwarmError } from '../errors.js';
import { isQuantityDust } from '../orders/quantity-tolerance.js';
import type { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';
import { TradeAccumulator } from './trade.js';
import type { OpenTrade, OpenTradeSnapshot, Trade } from './trade.js';

/**
 * The holding in one symbol, as seen through {@link Portfolio.position}. A live,
 * read-only view: the portfolio updates it in place on every fill and mark.
 *
 * Accounting is average cost: buying into a long (or selling into a short) moves the
 * average price; reducing realizes `(price − averagePrice) × closed quantity` (sign
 * of the position) and leaves the average unchanged; a flip through 0 is a close of
 * the old position plus an open of the new one at the fill price. Money in account
 * currency, unrounded.
 */
export interface Position {
  /** The instrument. */
  readonly symbol: SymbolId;
  /** Signed quantity held: positive long, negative short, 0 flat. */
  readonly quantity: number;
  /** Average entry price of the quantity held; 0 when flat. */
  readonly averagePrice: number;
  /** Lifetime realized PnL of this symbol, gross of fees. */
  readonly realizedPnl: number;
  /** Last known price: the latest fill or mark. */
  readonly lastPrice: number;
  /** `quantity × lastPrice` (negative for a short). */
  readonly marketValue: number;
  /** `(lastPrice − averagePrice) × quantity`; 0 when flat. */
  readonly unrealizedPnl: number;
  /** Lifetime fees paid on this symbol. */
  readonly fees: number;
}

/** Serialised state of one symbol's position (flat or not), inside a `PortfolioSnapshot`. */
export interface PositionSnapshot {
  /** Canonical symbol text. */
  readonly symbol: string;
  /** Signed quantity. */
  readonly quantity: number;
  /** Average entry price of the open quantity (0 when flat). */
  readonly averagePrice: number;
  /** Lifetime realized gross PnL of the symbol. */
  readonly realizedPnl: number;
  /** Last price (fill or mark). */
  readonly lastPrice: number;
  /** Lifetime fees of the symbol. */
  readonly fees: number;
  /** The open round trip, `null` when flat. */
  readonly openTrade: OpenTradeSnapshot | null;
}

/**
 * Mutable per-symbol state behind {@link Position}: the position and its open round
 * trip. Internal to the portfolio, which owns the cash.
 */
export class PositionState implements Position {
  /** See {@link Position.quantity}. */
  quantity = 0;
  /** See {@link Position.averagePrice}. */
  averagePrice = 0;
  /** See {@link Position.realizedPnl}. */
  realizedPnl = 0;
  /** See {@link Position.lastPrice}. */
  lastPrice = 0;
  /** See {@link Position.fees}. */
  fees = 0;
  /** The open round trip; defined exactly when `quantity ≠ 0`. */
  trade: TradeAccumulator | undefined = undefined;

  /** @param symbol - the instrument */
  constructor(readonly symbol: SymbolId) {}

  /** Rebuilds the state from a snapshot (validated by the caller). */
  static fromSnapshot(symbol: SymbolId, snapshot: PositionSnapshot): PositionState {
    const state = new PositionState(symbol);
    state.quantity = snapshot.quantity;
    state.averagePrice = snapshot.averagePrice;
    state.realizedPnl = snapshot.realizedPnl;
    state.lastPrice = snapshot.lastPrice;
    state.fees = snapshot.fees;
    state.trade = snapshot.openTrade === null ? undefined : TradeAccumulator.fromSnapshot(symbol, snapshot.openTrade);
    return state;
  }

  /** See {@link Position.marketValue}. */
  get marketValue(): number {
    return this.quantity * this.lastPrice;
  }

  /** See {@link Position.unrealizedPnl}. */
  get unrealizedPnl(): number {
    return this.quantity === 0 ? 0 : (this.lastPrice - this.averagePrice) * this.quantity + 0;
  }

  /**
   * Books a fill (validated by the caller) into the position and its round trips.
   *
   * @param time - fill time
   * @param quantity - signed, non-zero
   * @param price - > 0
   * @param fee - ≥ 0
   * @returns the round trip closed by this fill, if any
   */
  apply(time: EpochMs, quantity: number, price: number, fee: number): Trade | undefined {
    const held = this.quantity;
    this.fees += fee;
    this.lastPrice = price;
    const units = Math.abs(quantity);
    if (held === 0 || held > 0 === quantity > 0) {
      const heldUnits = Math.abs(held);
      this.averagePrice = held === 0 ? price : (this.averagePrice * heldUnits + price * units) / (heldUnits + units);
      this.quantity = held + quantity;
      if (this.trade === undefined) {
        this.trade = new TradeAccumulator(this.symbol, quantity > 0 ? 'long' : 'short', time);
        this.trade.addEntry(units, price, fee);
      } else {
        this.trade.addEntry(units, price, fee);
        this.trade.observe(this.trade.grossPnl + (price - this.averagePrice) * this.quantity);
      }
      return undefined;
    }

    const trade = this.trade;
    if (trade === undefined) {
      throw new AlphaSwarmError('PORTFOLIO_INVARIANT', `position ${this.symbol.value} holds ${held} without an open trade`);
    }
    const heldUnits = Math.abs(held);
    const closing = Math.min(heldUnits, units);
    let opening = units - closing;
    if (isQuantityDust(opening, heldUnits)) opening = 0;
    const closesAll = opening > 0 || isQuantityDust(heldUnits - closing, heldUnits);
    const closingFee = opening > 0 ? (fee * closing) / units : fee;
    const realized = (held > 0 ? price - this.averagePrice : this.averagePrice - price) * closing;
    this.realizedPnl += realized;
    trade.addExit(closing, price, realized, closingFee);
    if (!closesAll) {
      this.quantity = held + quantity;
      trade.observe(trade.grossPnl + (price - this.averagePrice) * this.quantity);
      return undefined;
    }
    trade.observe(trade.grossPnl);
    const closed = trade.close(time);
    if (opening > 0) {
      this.quantity = quantity > 0 ? opening : -opening;
      this.averagePrice = price;
      this.trade = new TradeAccumulator(this.symbol, quantity > 0 ? 'long' : 'short', time);
      this.trade.addEntry(opening, price, fee - closingFee);
    } else {
      this.quantity = 0;
      this.averagePrice = 0;
      this.trade = undefined;
    }
    return closed;
  }

  /**
   * Marks the position at `price` and widens the open trade's MAE/MFE with the running
   * PnL at `price`, `high` and `low` (those given). Allocates nothing.
   */
  mark(price: number, high: number | undefined, low: number | undefined): void {
    this.lastPrice = price;
    const trade = this.trade;
    if (trade === undefined) return;
    let top = price;
    let bottom = price;
    if (high !== undefined) {
      if (high > top) top = high;
      if (high < bottom) bottom = high;
    }
    if (low !== undefined) {
      if (low > top) top = low;
      if (low < bottom) bottom = low;
    }
    const base = trade.grossPnl;
    trade.observe(base + (top - this.averagePrice) * this.quantity);
    trade.observe(base + (bottom - this.averagePrice) * this.quantity);
  }

  /** The public view of the open trade, or `undefined` when flat. */
  openTrade(): OpenTrade | undefined {
    return this.trade?.toOpenTrade(Math.abs(this.quantity), this.unrealizedPnl);
  }

  /** The serialisable state (negative zeros written as 0). */
  toSnapshot(): PositionSnapshot {
    return {
      symbol: this.symbol.value,
      quantity: this.quantity + 0,
      averagePrice: this.averagePrice + 0,
      realizedPnl: this.realizedPnl + 0,
      lastPrice: this.lastPrice + 0,
      fees: this.fees + 0,
      openTrade: this.trade === undefined ? null : this.trade.toSnapshot(),
    };
  }
}

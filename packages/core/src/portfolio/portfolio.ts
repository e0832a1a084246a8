import { InvalidArgumentError } from '../errors.js';
import type { BarView } from '../orders/bar.js';
import type { Fill } from '../orders/fill.js';
import { SymbolId } from '../symbol-id.js';
import { PositionState } from './position.js';
import type { Position } from './position.js';
import { parsePortfolioSnapshot } from './snapshot.js';
import type { PortfolioSnapshot } from './snapshot.js';
import { tradeFromSnapshot, tradeToSnapshot } from './trade.js';
import type { OpenTrade, Trade } from './trade.js';

/** Options of {@link Portfolio}. */
export interface PortfolioOptions {
  /** Starting cash in account currency, finite and ≥ 0. */
  initialCash: number;
}

/**
 * Cash, positions and round trips of one account, in one currency.
 *
 * Conventions:
 * - Money is in account currency as plain JS numbers and is never rounded here;
 *   round to cents only for display.
 * - A fill of signed quantity q at price p with fee f moves cash by `−q × p − f` and
 *   books the position at average cost (see {@link Position}); the fill price becomes
 *   the symbol's last price.
 * - `equity = cash + Σ quantity × lastPrice`, and at all times
 *   `equity − initialCash = realizedPnl + unrealizedPnl − totalFees`.
 * - Round trips are grouped flat-to-flat (see {@link Trade}); when the portfolio is
 *   flat, Σ `trade.grossPnl` = `realizedPnl` and Σ `trade.pnl` = `equity − initialCash`.
 * - Quantities within 1e-10 (relative) of 0 after a fill count as 0, so fractional
 *   dust never leaves a phantom position open.
 */
export class Portfolio {
  /** Starting cash. */
  readonly initialCash: number;
  private cashBalance: number;
  private readonly bySymbol = new Map<string, PositionState>();
  private readonly sorted: PositionState[] = [];
  private readonly closed: Trade[] = [];

  /** @param options - see {@link PortfolioOptions} */
  constructor({ initialCash }: PortfolioOptions) {
    if (typeof initialCash !== 'number' || !Number.isFinite(initialCash) || initialCash < 0) {
      throw new InvalidArgumentError('initialCash', initialCash, 'a finite amount ≥ 0');
    }
    this.initialCash = initialCash;
    this.cashBalance = initialCash;
  }

  /**
   * Rebuilds a portfolio from {@link Portfolio.snapshot} output (or its JSON parse).
   * The result has the same state and behaves the same from then on.
   *
   * @throws {@link InvalidArgumentError} naming the path of a malformed field, a
   * duplicated symbol, or an open trade that does not match its position.
   */
  static restore(snapshot: PortfolioSnapshot): Portfolio {
    const valid = parsePortfolioSnapshot(snapshot);
    const portfolio = new Portfolio({ initialCash: valid.initialCash });
    portfolio.cashBalance = valid.cash;
    valid.positions.forEach((position, i) => {
      const symbol = SymbolId.parse(position.symbol);
      if (portfolio.bySymbol.has(symbol.value)) {
        throw new InvalidArgumentError(`snapshot.positions[${i}].symbol`, position.symbol, 'each symbol once');
      }
      portfolio.insert(PositionState.fromSnapshot(symbol, position));
    });
    for (const trade of valid.trades) portfolio.closed.push(tradeFromSnapshot(SymbolId.parse(trade.symbol), trade));
    return portfolio;
  }

  /** Cash in account currency; negative when the account borrows (shorts add cash, buys spend it). */
  get cash(): number {
    return this.cashBalance;
  }

  /** `cash + marketValue`: what the account is worth at the last prices. */
  get equity(): number {
    return this.cashBalance + this.marketValue;
  }

  /**
   * Writes `equity` and gross exposure at `index` of the two arrays, in one pass and
   * without allocating: the backtester's per-step valuation.
   */
  valueInto(equity: Float64Array, exposure: Float64Array, index: number): void {
    let net = 0;
    let gross = 0;
    for (let i = 0; i < this.sorted.length; i += 1) {
      const state = this.sorted[i] as PositionState;
      const value = state.quantity * state.lastPrice;
      net += value;
      gross += Math.abs(value);
    }
    equity[index] = this.cashBalance + net;
    exposure[index] = gross;
  }

  /** Net market value `Σ quantity × lastPrice` (shorts count negative). */
  get marketValue(): number {
    let total = 0;
    for (let i = 0; i < this.sorted.length; i += 1) {
      const state = this.sorted[i] as PositionState;
      total += state.quantity * state.lastPrice;
    }
    return total;
  }

  /** Gross exposure `Σ |quantity| × lastPrice`. */
  get grossExposure(): number {
    let total = 0;
    for (let i = 0; i < this.sorted.length; i += 1) {
      const state = this.sorted[i] as PositionState;
      total += Math.abs(state.quantity) * state.lastPrice;
    }
    return total;
  }

  /** Realized PnL over all symbols, gross of fees. */
  get realizedPnl(): number {
    let total = 0;
    for (let i = 0; i < this.sorted.length; i += 1) {
      const state = this.sorted[i] as PositionState;
      total += state.realizedPnl;
    }
    return total;
  }

  /** Unrealized PnL of the open positions at their last prices. */
  get unrealizedPnl(): number {
    let total = 0;
    for (let i = 0; i < this.sorted.length; i += 1) {
      const state = this.sorted[i] as PositionState;
      total += state.unrealizedPnl;
    }
    return total;
  }

  /** All fees paid. */
  get totalFees(): number {
    let total = 0;
    for (let i = 0; i < this.sorted.length; i += 1) {
      const state = this.sorted[i] as PositionState;
      total += state.fees;
    }
    return total;
  }

  /** True when no position is open. */
  get isFlat(): boolean {
    for (let i = 0; i < this.sorted.length; i += 1) if ((this.sorted[i] as PositionState).quantity !== 0) return false;
    return true;
  }

  /** Closed round trips, in the order they closed (a live read-only list). */
  get trades(): readonly Trade[] {
    return this.closed;
  }

  /** The position in `symbol` (a live view, also once flat again), or `undefined` if never traded. */
  position(symbol: SymbolId): Position | undefined {
    return this.bySymbol.get(symbol.value);
  }

  /** Open positions (quantity ≠ 0), sorted by symbol text. */
  positions(): Position[] {
    return this.sorted.filter((state) => state.quantity !== 0);
  }

  /** Signed quantity held in `symbol`; 0 if none. */
  quantity(symbol: SymbolId): number {
    return this.bySymbol.get(symbol.value)?.quantity ?? 0;
  }

  /** The open round trips, one per open position, sorted by symbol text. */
  openTrades(): OpenTrade[] {
    const open: OpenTrade[] = [];
    for (const state of this.sorted) {
      const trade = state.openTrade();
      if (trade !== undefined) open.push(trade);
    }
    return open;
  }

  /**
   * Books a fill: cash moves by `−quantity × price − fee`; the position is updated at
   * average cost (increase: new average; reduce: realize; flip: close then open at
   * the fill price); round trips open and close flat-to-flat; the symbol's last price
   * becomes the fill price.
   *
   * @throws {@link InvalidArgumentError} when quantity is 0 or not finite, price is not
   * finite and > 0, fee is not finite and ≥ 0, or time is not finite. Nothing changes then.
   */
  applyFill(fill: Fill): void {
    const { quantity, price, fee, time } = fill;
    if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity === 0) {
      throw new InvalidArgumentError('fill.quantity', quantity, 'a finite non-zero signed quantity');
    }
    if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0) throw new InvalidArgumentError('fill.price', price, 'a finite price > 0');
    if (typeof fee !== 'number' || !Number.isFinite(fee) || fee < 0) throw new InvalidArgumentError('fill.fee', fee, 'a finite fee ≥ 0');
    if (typeof time !== 'number' || !Number.isFinite(time)) throw new InvalidArgumentError('fill.time', time, 'a finite epoch-ms time');
    const symbol = SymbolId.from(fill.symbol);
    let state = this.bySymbol.get(symbol.value);
    if (state === undefined) {
      state = new PositionState(symbol);
      this.insert(state);
    }
    this.cashBalance -= quantity * price + fee;
    const closed = state.apply(time, quantity, price, fee);
    if (closed !== undefined) this.closed.push(closed);
  }

  /**
   * Marks `symbol` at `price` (e.g. the bar's close) and widens its open trade's
   * MAE/MFE with the bar's `high` and `low` when given. Symbols never traded are
   * ignored. Called once per bar per symbol: it allocates nothing.
   *
   * @throws {@link InvalidArgumentError} when a price given is not finite and ≥ 0.
   */
  /**
   * Marks `symbol` at a bar's close, tracking its open trade's excursions with the
   * bar's high and low: `mark(symbol, bar.close, bar.high, bar.low)` for the
   * backtester's hot path (passing the bar, not three numbers, avoids boxing them).
   */
  markBar(symbol: SymbolId, bar: BarView): void {
    const state = this.bySymbol.get(symbol.value);
    if (state === undefined) return;
    const { close, high, low } = bar;
    if (!(close >= 0 && close < Infinity && high >= 0 && high < Infinity && low >= 0 && low < Infinity)) {
      this.mark(symbol, close, high, low);
      return;
    }
    state.mark(close, high, low);
  }

  mark(symbol: SymbolId, price: number, high?: number, low?: number): void {
    const state = this.bySymbol.get(symbol.value);
    if (state === undefined) return;
    if (!(price >= 0 && price < Infinity)) throw new InvalidArgumentError('price', price, 'a finite price ≥ 0');
    if (high !== undefined && !(high >= 0 && high < Infinity)) throw new InvalidArgumentError('high', high, 'a finite price ≥ 0');
    if (low !== undefined && !(low >= 0 && low < Infinity)) throw new InvalidArgumentError('low', low, 'a finite price ≥ 0');
    state.mark(price, high, low);
  }

  /** The whole state as a plain JSON-serialisable object; see {@link PortfolioSnapshot}. */
  snapshot(): PortfolioSnapshot {
    return {
      version: 1,
      initialCash: this.initialCash + 0,
      cash: this.cashBalance + 0,
      positions: this.sorted.map((state) => state.toSnapshot()),
      trades: this.closed.map((trade) => tradeToSnapshot(trade)),
    };
  }

  private insert(state: PositionState): void {
    const key = state.symbol.value;
    let at = this.sorted.length;
    while (at > 0 && (this.sorted[at - 1]?.symbol.value ?? '') > key) at -= 1;
    this.sorted.splice(at, 0, state);
    this.bySymbol.set(key, state);
  }
}

import type { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';

/** Side of a round trip: `long` opened by buying, `short` opened by selling. */
export type TradeDirection = 'long' | 'short';

/**
 * A closed round trip. Grouping is flat-to-flat: a trade opens when the position in
 * a symbol leaves 0 and closes when it returns to 0; a fill that flips the position
 * through 0 closes the trade at the fill price and opens the next one, in the other
 * direction, at the same price and time. Scaling in and out in between stays in the
 * same trade.
 *
 * All money in account currency, unrounded (round to cents only for display).
 * Invariant: when the portfolio is flat, Σ `grossPnl` over its trades equals its
 * `realizedPnl` and Σ `pnl` equals `equity − initialCash`.
 */
export interface Trade {
  /** The instrument. */
  readonly symbol: SymbolId;
  /** `long` or `short`. */
  readonly direction: TradeDirection;
  /** Time of the fill that opened the trade, epoch ms. */
  readonly entryTime: EpochMs;
  /** Time of the fill that closed (or flipped) the position, epoch ms. */
  readonly exitTime: EpochMs;
  /** Quantity-weighted average price of the entry fills. */
  readonly entryPrice: number;
  /** Quantity-weighted average price of the exit fills. */
  readonly exitPrice: number;
  /** Total quantity entered (= total quantity exited), absolute units. */
  readonly quantity: number;
  /**
   * Realized profit before fees: Σ of the average-cost realized PnL of its exits,
   * equal to `(exitPrice − entryPrice) × quantity` for a long and the negative for a short.
   */
  readonly grossPnl: number;
  /**
   * Fees of the trade: the fees of its entry fills plus those of its exit fills; the
   * fee of a flipping fill is split between the closed and the opened trade in
   * proportion to the quantities (entry fees are thus prorated to the closed quantity).
   */
  readonly fees: number;
  /** Net profit: `grossPnl − fees`. */
  readonly pnl: number;
  /** `exitTime − entryTime`, in ms. */
  readonly holdingPeriodMs: number;
  /**
   * Maximum adverse excursion in currency (≤ 0): the lowest running gross PnL of the
   * trade (realized so far + unrealized of the open quantity) seen at its fills and
   * at every mark while it was open, marks valued at the bar's high and low when
   * given. The entry bar's whole range is used, so it errs on the adverse side.
   */
  readonly mae: number;
  /** Maximum favourable excursion in currency (≥ 0), the mirror of {@link Trade.mae}. */
  readonly mfe: number;
}

/** A round trip still open: its state so far. */
export interface OpenTrade {
  /** The instrument. */
  readonly symbol: SymbolId;
  /** `long` or `short`. */
  readonly direction: TradeDirection;
  /** Time of the fill that opened the trade, epoch ms. */
  readonly entryTime: EpochMs;
  /** Quantity-weighted average price of the entry fills so far. */
  readonly entryPrice: number;
  /** Total quantity entered so far, absolute units. */
  readonly quantity: number;
  /** Quantity still held, absolute units. */
  readonly openQuantity: number;
  /** Gross PnL realized by partial exits so far. */
  readonly realizedPnl: number;
  /** Unrealized PnL of the open quantity at the last price. */
  readonly unrealizedPnl: number;
  /** Fees attributed to the trade so far. */
  readonly fees: number;
  /** Maximum adverse excursion so far (≤ 0), as in {@link Trade.mae}. */
  readonly mae: number;
  /** Maximum favourable excursion so far (≥ 0), as in {@link Trade.mfe}. */
  readonly mfe: number;
}

/** Serialised state of an open round trip, inside a {@link PositionSnapshot}. */
export interface OpenTradeSnapshot {
  /** `long` or `short`. */
  readonly direction: TradeDirection;
  /** Entry time, epoch ms. */
  readonly entryTime: EpochMs;
  /** Σ |quantity| of the entry fills. */
  readonly entryQuantity: number;
  /** Σ |quantity| × price of the entry fills. */
  readonly entryNotional: number;
  /** Σ |quantity| of the exit fills. */
  readonly exitQuantity: number;
  /** Σ |quantity| × price of the exit fills. */
  readonly exitNotional: number;
  /** Gross PnL realized so far. */
  readonly grossPnl: number;
  /** Fees attributed so far. */
  readonly fees: number;
  /** Maximum adverse excursion so far. */
  readonly mae: number;
  /** Maximum favourable excursion so far. */
  readonly mfe: number;
}

/** A {@link Trade} as plain JSON: the symbol as its canonical text. */
export type TradeSnapshot = Omit<Trade, 'symbol'> & {
  /** Canonical symbol text. */
  readonly symbol: string;
};

/**
 * Running state of an open round trip. Internal to the portfolio: it is mutated in
 * place (no allocation per mark) and turned into a {@link Trade} when it closes.
 */
export class TradeAccumulator {
  /** See {@link OpenTradeSnapshot}. */
  entryQuantity = 0;
  /** See {@link OpenTradeSnapshot}. */
  entryNotional = 0;
  /** See {@link OpenTradeSnapshot}. */
  exitQuantity = 0;
  /** See {@link OpenTradeSnapshot}. */
  exitNotional = 0;
  /** See {@link OpenTradeSnapshot}. */
  grossPnl = 0;
  /** See {@link OpenTradeSnapshot}. */
  fees = 0;
  /** See {@link OpenTradeSnapshot}. */
  mae = 0;
  /** See {@link OpenTradeSnapshot}. */
  mfe = 0;

  /**
   * @param symbol - the instrument
   * @param direction - long or short
   * @param entryTime - time of the opening fill
   */
  constructor(
    readonly symbol: SymbolId,
    readonly direction: TradeDirection,
    readonly entryTime: EpochMs,
  ) {}

  /** Rebuilds an accumulator from its snapshot. */
  static fromSnapshot(symbol: SymbolId, snapshot: OpenTradeSnapshot): TradeAccumulator {
    const trade = new TradeAccumulator(symbol, snapshot.direction, snapshot.entryTime);
    trade.entryQuantity = snapshot.entryQuantity;
    trade.entryNotional = snapshot.entryNotional;
    trade.exitQuantity = snapshot.exitQuantity;
    trade.exitNotional = snapshot.exitNotional;
    trade.grossPnl = snapshot.grossPnl;
    trade.fees = snapshot.fees;
    trade.mae = snapshot.mae;
    trade.mfe = snapshot.mfe;
    return trade;
  }

  /** Adds an entry fill of `units` (absolute) at `price` with its `fee`. */
  addEntry(units: number, price: number, fee: number): void {
    this.entryQuantity += units;
    this.entryNotional += units * price;
    this.fees += fee;
  }

  /** Adds an exit of `units` (absolute) at `price`, its realized gross PnL and its share of the fee. */
  addExit(units: number, price: number, realized: number, fee: number): void {
    this.exitQuantity += units;
    this.exitNotional += units * price;
    this.grossPnl += realized;
    this.fees += fee;
  }

  /** Widens MAE/MFE with one observed running gross PnL. */
  observe(runningPnl: number): void {
    if (runningPnl < this.mae) this.mae = runningPnl;
    if (runningPnl > this.mfe) this.mfe = runningPnl;
  }

  /** The closed {@link Trade}, exiting at `exitTime`. */
  close(exitTime: EpochMs): Trade {
    return {
      symbol: this.symbol,
      direction: this.direction,
      entryTime: this.entryTime,
      exitTime,
      entryPrice: this.entryNotional / this.entryQuantity,
      exitPrice: this.exitNotional / this.exitQuantity,
      quantity: this.entryQuantity,
      grossPnl: this.grossPnl,
      fees: this.fees,
      pnl: this.grossPnl - this.fees,
      holdingPeriodMs: exitTime - this.entryTime,
      mae: this.mae,
      mfe: this.mfe,
    };
  }

  /** The public view of the open trade, given the open quantity and its unrealized PnL. */
  toOpenTrade(openQuantity: number, unrealizedPnl: number): OpenTrade {
    return {
      symbol: this.symbol,
      direction: this.direction,
      entryTime: this.entryTime,
      entryPrice: this.entryNotional / this.entryQuantity,
      quantity: this.entryQuantity,
      openQuantity,
      realizedPnl: this.grossPnl,
      unrealizedPnl,
      fees: this.fees,
      mae: this.mae,
      mfe: this.mfe,
    };
  }

  /** The serialisable state (negative zeros written as 0). */
  toSnapshot(): OpenTradeSnapshot {
    return {
      direction: this.direction,
      entryTime: this.entryTime + 0,
      entryQuantity: this.entryQuantity + 0,
      entryNotional: this.entryNotional + 0,
      exitQuantity: this.exitQuantity + 0,
      exitNotional: this.exitNotional + 0,
      grossPnl: this.grossPnl + 0,
      fees: this.fees + 0,
      mae: this.mae + 0,
      mfe: this.mfe + 0,
    };
  }
}

/** A trade as plain JSON (negative zeros written as 0). */
export function tradeToSnapshot(trade: Trade): TradeSnapshot {
  return {
    symbol: trade.symbol.value,
    direction: trade.direction,
    entryTime: trade.entryTime + 0,
    exitTime: trade.exitTime + 0,
    entryPrice: trade.entryPrice + 0,
    exitPrice: trade.exitPrice + 0,
    quantity: trade.quantity + 0,
    grossPnl: trade.grossPnl + 0,
    fees: trade.fees + 0,
    pnl: trade.pnl + 0,
    holdingPeriodMs: trade.holdingPeriodMs + 0,
    mae: trade.mae + 0,
    mfe: trade.mfe + 0,
  };
}

/** Rebuilds a trade from its JSON form. */
export function tradeFromSnapshot(symbol: SymbolId, snapshot: TradeSnapshot): Trade {
  return {
    symbol,
    direction: snapshot.direction,
    entryTime: snapshot.entryTime,
    exitTime: snapshot.exitTime,
    entryPrice: snapshot.entryPrice,
    exitPrice: snapshot.exitPrice,
    quantity: snapshot.quantity,
    grossPnl: snapshot.grossPnl,
    fees: snapshot.fees,
    pnl: snapshot.pnl,
    holdingPeriodMs: snapshot.holdingPeriodMs,
    mae: snapshot.mae,
    mfe: snapshot.mfe,
  };
}

/**
 * Statistics of closed round-trip trades: counts, win rate, profit factor, payoff,
 * expectancy, fees, holding time.
 *
 * @module
 */
import { InvalidArgumentError } from '../errors.js';
import { checkArray, checkEquity, checkFinite } from './validate.js';

/**
 * The fields of a closed round-trip trade that {@link tradeStatistics} reads.
 * Structural: the portfolio's `Trade` satisfies it.
 */
export interface TradeLike {
  /** Net profit of the trade in account currency, AFTER fees (used as given). */
  readonly pnl: number;
  /** Fees paid on the trade, in account currency. */
  readonly fees: number;
  /** Quantity traded (entered), absolute units; its sign is ignored. Not 0. */
  readonly quantity: number;
  /** Average entry price, > 0. */
  readonly entryPrice: number;
  /** Entry time, epoch ms. */
  readonly entryTime: number;
  /** Exit time, epoch ms, not before `entryTime`. */
  readonly exitTime: number;
}

/** Options of {@link tradeStatistics}. */
export interface TradeStatisticsOptions {
  /**
   * The account's initial equity (a number > 0) or its equity curve (its first point
   * is the initial equity). Needed only for `returnOnInitialEquity`.
   */
  readonly equity?: number | ArrayLike<number>;
}

/**
 * Statistics of a list of closed trades, from {@link tradeStatistics}. Money in
 * account currency; a trade with pnl > 0 is a win, pnl < 0 a loss, pnl = 0 a
 * breakeven (counted in `tradeCount` only). Ratios with nothing to measure are NaN.
 */
export interface TradeStatistics {
  /** Number of trades. */
  readonly tradeCount: number;
  /** Trades with pnl > 0. */
  readonly winCount: number;
  /** Trades with pnl < 0. */
  readonly lossCount: number;
  /** Trades with pnl exactly 0. */
  readonly breakevenCount: number;
  /** winCount / tradeCount; NaN without trades. */
  readonly winRate: number;
  /** lossCount / tradeCount; NaN without trades. */
  readonly lossRate: number;
  /** Σ pnl of the wins (≥ 0). */
  readonly grossProfit: number;
  /** Σ pnl of the losses (≤ 0, a NEGATIVE number). */
  readonly grossLoss: number;
  /** grossProfit / |grossLoss|: +Infinity with wins and no losses, 0 with losses and no wins, NaN with neither. */
  readonly profitFactor: number;
  /** Mean pnl of the wins; NaN without wins. */
  readonly averageWin: number;
  /** Mean pnl of the losses (NEGATIVE); NaN without losses. */
  readonly averageLoss: number;
  /** averageWin / |averageLoss|; NaN without wins or without losses. */
  readonly payoffRatio: number;
  /** Largest pnl of a win; NaN without wins. */
  readonly largestWin: number;
  /** Most negative pnl of a loss; NaN without losses. */
  readonly largestLoss: number;
  /** Mean pnl per trade, totalPnl / tradeCount (= winRate·averageWin + lossRate·averageLoss); NaN without trades. */
  readonly expectancy: number;
  /** Σ pnl of all trades (net of fees). */
  readonly totalPnl: number;
  /** Σ fees of all trades. */
  readonly totalFees: number;
  /** Mean of exitTime − entryTime, in milliseconds; NaN without trades. */
  readonly averageHoldingTime: number;
  /** Mean over trades of pnl / (|quantity| × entryPrice), the net return on the entry notional; NaN without trades. */
  readonly averageReturnOnNotional: number;
  /** totalPnl / initial equity; null when no equity was given. */
  readonly returnOnInitialEquity: number | null;
}

function tradeField(trades: ArrayLike<unknown>, i: number, field: keyof TradeLike): number {
  const trade = trades[i];
  if (typeof trade !== 'object' || trade === null) {
    throw new InvalidArgumentError(`trades[${i}]`, trade, 'a trade object');
  }
  const value = (trade as Record<string, unknown>)[field];
  checkFinite(`trades[${i}].${field}`, value);
  return value;
}

function initialEquity(equity: number | ArrayLike<number> | undefined): number | null {
  if (equity === undefined) return null;
  if (typeof equity === 'number') {
    if (!Number.isFinite(equity) || equity <= 0) throw new InvalidArgumentError('equity', equity, 'a finite initial equity > 0');
    return equity;
  }
  checkEquity('equity', equity);
  return equity[0] ?? null;
}

/**
 * Statistics of closed round-trip trades (see {@link TradeStatistics} for every
 * figure). `pnl` is taken as given, i.e. net of fees; `fees` are only summed.
 *
 * @param trades - the closed trades; may be empty (ratios are then NaN)
 * @param options - the initial equity, for `returnOnInitialEquity`
 * @throws InvalidArgumentError (`trades`, `trades[i]`, `trades[i].pnl`, `.fees`, `.quantity`, `.entryPrice`, `.entryTime`, `.exitTime`, `equity`, `equity[i]`)
 */
export function tradeStatistics(trades: readonly TradeLike[], options: TradeStatisticsOptions = {}): TradeStatistics {
  checkArray('trades', trades);
  const initial = initialEquity(options.equity);
  const n = trades.length;
  let winCount = 0;
  let lossCount = 0;
  let grossProfit = 0;
  let grossLoss = 0;
  let largestWin = Number.NaN;
  let largestLoss = Number.NaN;
  let totalFees = 0;
  let holding = 0;
  let returnOnNotional = 0;
  for (let i = 0; i < n; i++) {
    const pnl = tradeField(trades, i, 'pnl');
    const fees = tradeField(trades, i, 'fees');
    const quantity = tradeField(trades, i, 'quantity');
    const entryPrice = tradeField(trades, i, 'entryPrice');
    const entryTime = tradeField(trades, i, 'entryTime');
    const exitTime = tradeField(trades, i, 'exitTime');
    if (quantity === 0) throw new InvalidArgumentError(`trades[${i}].quantity`, quantity, 'a non-zero quantity');
    if (entryPrice <= 0) throw new InvalidArgumentError(`trades[${i}].entryPrice`, entryPrice, 'a price > 0');
    if (exitTime < entryTime) {
      throw new InvalidArgumentError(`trades[${i}].exitTime`, exitTime, `a time not before entryTime ${entryTime}`);
    }
    if (pnl > 0) {
      winCount++;
      grossProfit += pnl;
      if (!(pnl <= largestWin)) largestWin = pnl;
    } else if (pnl < 0) {
      lossCount++;
      grossLoss += pnl;
      if (!(pnl >= largestLoss)) largestLoss = pnl;
    }
    totalFees += fees;
    holding += exitTime - entryTime;
    returnOnNotional += pnl / (Math.abs(quantity) * entryPrice);
  }
  const totalPnl = grossProfit + grossLoss;
  const averageWin = winCount > 0 ? grossProfit / winCount : Number.NaN;
  const averageLoss = lossCount > 0 ? grossLoss / lossCount : Number.NaN;
  let profitFactor: number;
  if (lossCount > 0) profitFactor = grossProfit / -grossLoss;
  else profitFactor = winCount > 0 ? Number.POSITIVE_INFINITY : Number.NaN;
  return {
    tradeCount: n,
    winCount,
    lossCount,
    breakevenCount: n - winCount - lossCount,
    winRate: n > 0 ? winCount / n : Number.NaN,
    lossRate: n > 0 ? lossCount / n : Number.NaN,
    grossProfit,
    grossLoss,
    profitFactor,
    averageWin,
    averageLoss,
    payoffRatio: averageWin / -averageLoss,
    largestWin,
    largestLoss,
    expectancy: n > 0 ? totalPnl / n : Number.NaN,
    totalPnl,
    totalFees,
    averageHoldingTime: n > 0 ? holding / n : Number.NaN,
    averageReturnOnNotional: n > 0 ? returnOnNotional / n : Number.NaN,
    returnOnInitialEquity: initial === null ? null : totalPnl / initial,
  };
}

import { InvalidArgumentError, utcDay } from '@alphaswarm/core';
import type { AlgorithmContext, PortfolioTarget, QuantityTarget, RiskManagementModel, SymbolId } from '@alphaswarm/core';
import { fraction, integerAtLeast, modelName, oneOf, positive } from './caps/option-checks.js';
import { withExits } from './caps/target-book.js';

/**
 * How the stop distance is set: `percent` — a fraction of the reference (the peak
 * price, or the entry price for the PnL basis); `atr` — a multiple of the average
 * true range.
 */
export type TrailingStopMode = 'percent' | 'atr';

/**
 * What trails: `price` — the best price since entry (the peak of a long, the trough
 * of a short); `unrealized_pnl` — the best unrealized profit per share since entry.
 */
export type TrailingStopBasis = 'price' | 'unrealized_pnl';

/**
 * Which prices move the peak: `close` — bar closes only (default); `high_low` — the
 * bar high for a long, the bar low for a short (`ctx.securities.lastBar`).
 */
export type TrailingStopWatermark = 'close' | 'high_low';

/** Options of {@link TrailingStopRiskManagementModel}. */
export interface TrailingStopOptions {
  /** How the distance is set; default `percent`. */
  readonly mode?: TrailingStopMode;
  /** `percent` mode: largest retracement allowed, a fraction in (0, 1]; default 0.05 (5 %). Not allowed in `atr` mode. */
  readonly threshold?: number;
  /** `atr` mode: largest retracement allowed in ATRs, a finite number > 0; default 3. Not allowed in `percent` mode. */
  readonly atrMultiple?: number;
  /** `atr` mode: number of true ranges averaged, an integer ≥ 1; default 14. Not allowed in `percent` mode. */
  readonly atrPeriod?: number;
  /** What trails; default `price`. */
  readonly basis?: TrailingStopBasis;
  /** Which prices move the peak; default `close`. */
  readonly watermark?: TrailingStopWatermark;
  /** When true, the peak restarts at the first bar of every UTC day (peak since the day's start); default false. */
  readonly dailyReset?: boolean;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/** Per-symbol state of an open position: its side, its best level and the exit in progress. */
class TrailState {
  constructor(
    /** +1 long, −1 short. */
    public side: number,
    /** Price basis: the peak (long) or trough (short) price. PnL basis: the best unrealized profit per share. */
    public peak: number,
    /** UTC day number of the last (re)start of the peak. */
    public day: number,
  ) {}

  /** True once an exit was asked for, until it fills or fails. */
  exiting = false;
}

/**
 * LEAN's `TrailingStopRiskManagementModel`, generalised: it follows each open
 * position's best level since entry and liquidates the position when the
 * retracement from that level passes a threshold.
 *
 * Per symbol and bar (prices are the current bar's close; the peak may also follow
 * the bar's high/low, see {@link TrailingStopWatermark}):
 * - `price` basis: the peak starts at `max(average price, best price of the entry bar)`
 *   for a long (`min` for a short, the trough) and then follows new highs (lows).
 *   Retracement `d = peak − close` (long) or `close − trough` (short), in price units.
 * - `unrealized_pnl` basis: the peak is the best unrealized profit per share
 *   `side × (price − average)` since entry, starting at 0 (the entry); retracement
 *   `d = peak − side × (close − average)`, in price units per share.
 * - `percent` mode: the stop fires when `d / reference > threshold`, where the
 *   reference is the peak price (trough for a short) on the price basis and the
 *   average entry price on the PnL basis. `atr` mode: when `d > atrMultiple × ATR`,
 *   ATR being the simple mean of the last `atrPeriod` true ranges ending at the
 *   current bar (`max(high − low, |high − prev close|, |low − prev close|)`), read
 *   from `ctx.history`; no check until `atrPeriod + 1` bars exist.
 *
 * "Passes" is strict: a retracement exactly at the threshold does not fire. When it
 * fires, the model returns a zero target for the symbol (overruling any proposed
 * target for it; with market orders the exit order is created on this bar and fills
 * at the next bar's open), cancels the symbol's active insights, and records a
 * `liquidate` decision with `side`, `basis`, `mode`, `peak`, `price`, `retracement`,
 * `threshold` (in the units of `retracement`: a fraction in `percent` mode, price
 * units in `atr` mode), `quantity`, `averagePrice` and, in `atr` mode, `atr`.
 *
 * The state of a symbol resets when its position closes or flips side. With
 * `dailyReset`, the peak restarts at the first bar of each UTC day: at that bar's
 * close (high/low), or the profit per share there, whatever it is. An exit still
 * being worked (position held with an open order) is not decided again; if the
 * position is still held with no open order on a later bar (the exit was rejected),
 * the stop decides afresh.
 *
 * Hot path: walks `ctx.securities.available` once per bar without allocating,
 * except in `atr` mode, which reads three history columns per held symbol.
 */
export class TrailingStopRiskManagementModel implements RiskManagementModel {
  /** Name used in risk events. */
  readonly name: string;
  /** How the distance is set. */
  readonly mode: TrailingStopMode;
  /** What trails. */
  readonly basis: TrailingStopBasis;
  /** Which prices move the peak. */
  readonly watermark: TrailingStopWatermark;
  /** `percent` mode: the retracement fraction that fires the stop (NaN in `atr` mode). */
  readonly threshold: number;
  /** `atr` mode: the ATR multiple that fires the stop (NaN in `percent` mode). */
  readonly atrMultiple: number;
  /** `atr` mode: the number of true ranges averaged (0 in `percent` mode). */
  readonly atrPeriod: number;
  /** Whether the peak restarts every UTC day. */
  readonly dailyReset: boolean;
  private readonly states = new Map<SymbolId, TrailState>();

  /** @throws InvalidArgumentError on an option out of its domain, or one that the mode does not use. */
  constructor(options: TrailingStopOptions = {}) {
    this.mode = oneOf('mode', options.mode ?? 'percent', ['percent', 'atr']);
    this.basis = oneOf('basis', options.basis ?? 'price', ['price', 'unrealized_pnl']);
    this.watermark = oneOf('watermark', options.watermark ?? 'close', ['close', 'high_low']);
    this.dailyReset = options.dailyReset ?? false;
    if (typeof this.dailyReset !== 'boolean') throw new InvalidArgumentError('dailyReset', this.dailyReset, 'a boolean');
    if (this.mode === 'percent') {
      if (options.atrMultiple !== undefined) throw new InvalidArgumentError('atrMultiple', options.atrMultiple, "no atrMultiple in 'percent' mode");
      if (options.atrPeriod !== undefined) throw new InvalidArgumentError('atrPeriod', options.atrPeriod, "no atrPeriod in 'percent' mode");
      this.threshold = fraction('threshold', options.threshold ?? 0.05);
      this.atrMultiple = Number.NaN;
      this.atrPeriod = 0;
    } else {
      if (options.threshold !== undefined) throw new InvalidArgumentError('threshold', options.threshold, "no threshold in 'atr' mode (use atrMultiple)");
      this.threshold = Number.NaN;
      this.atrMultiple = positive('atrMultiple', options.atrMultiple ?? 3);
      this.atrPeriod = integerAtLeast('atrPeriod', options.atrPeriod ?? 14, 1);
    }
    this.name = modelName(options.name, 'TrailingStopRiskManagementModel');
  }

  /** Liquidates every position whose retracement passes the threshold; passes the other targets through. */
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    const portfolio = ctx.portfolio;
    if (this.states.size > 0) {
      for (const symbol of this.states.keys()) if (portfolio.quantity(symbol) === 0) this.states.delete(symbol);
    }
    if (portfolio.isFlat) return targets;
    let exits: QuantityTarget[] | undefined;
    for (const symbol of ctx.securities.available) {
      const exit = this.check(ctx, symbol);
      if (exit !== undefined) (exits ??= []).push(exit);
    }
    return exits === undefined ? targets : withExits(targets, exits);
  }

  /** Updates the state of `symbol` and returns its exit target when the stop fires. */
  private check(ctx: AlgorithmContext, symbol: SymbolId): QuantityTarget | undefined {
    const position = ctx.portfolio.position(symbol);
    if (position === undefined || position.quantity === 0) return undefined;
    const side = position.quantity > 0 ? 1 : -1;
    const average = position.averagePrice;
    const price = ctx.securities.price(symbol) ?? position.lastPrice;
    let best = price;
    if (this.watermark === 'high_low') {
      const bar = ctx.securities.lastBar(symbol);
      if (bar !== undefined) best = side > 0 ? Math.max(bar.high, price) : Math.min(bar.low, price);
    }
    const byPrice = this.basis === 'price';
    const day = utcDay(ctx.time);
    let state = this.states.get(symbol);
    if (state === undefined || state.side !== side) {
      const peak = byPrice ? (side > 0 ? Math.max(average, best) : Math.min(average, best)) : Math.max(0, side * (best - average));
      state = new TrailState(side, peak, day);
      this.states.set(symbol, state);
    } else if (this.dailyReset && day !== state.day) {
      state.peak = byPrice ? best : side * (best - average);
      state.day = day;
    } else if (byPrice) {
      state.peak = side > 0 ? Math.max(state.peak, best) : Math.min(state.peak, best);
    } else {
      state.peak = Math.max(state.peak, side * (best - average));
    }
    if (state.exiting) {
      if (ctx.openOrders(symbol).length > 0) return undefined;
      state.exiting = false;
    }
    const distance = byPrice ? side * (state.peak - price) : state.peak - side * (price - average);
    let retracement: number;
    let limit: number;
    let atr = Number.NaN;
    if (this.mode === 'percent') {
      const reference = byPrice ? state.peak : average;
      if (!(reference > 0)) return undefined;
      retracement = distance / reference;
      limit = this.threshold;
    } else {
      atr = this.averageTrueRange(ctx, symbol);
      if (!(atr >= 0)) return undefined;
      retracement = distance;
      limit = this.atrMultiple * atr;
    }
    if (!(retracement > limit)) return undefined;
    state.exiting = true;
    const what = byPrice ? (side > 0 ? 'peak' : 'trough') : 'peak profit per share';
    const reason =
      this.mode === 'percent'
        ? `retracement ${(retracement * 100).toFixed(2)}% from the ${what} ${state.peak} above ${(limit * 100).toFixed(2)}%`
        : `retracement ${retracement.toFixed(4)} from the ${what} ${state.peak} above ${this.atrMultiple} × ATR ${atr.toFixed(4)}`;
    ctx.insights.cancel(symbol, `${this.name}: ${reason}`);
    ctx.recordRiskDecision({
      model: this.name,
      symbol,
      action: 'liquidate',
      reason,
      details: {
        side: side > 0 ? 'long' : 'short',
        basis: this.basis,
        mode: this.mode,
        peak: state.peak,
        price,
        retracement,
        threshold: limit,
        quantity: position.quantity,
        averagePrice: average,
        ...(this.mode === 'atr' ? { atr } : {}),
      },
    });
    return { symbol, quantity: 0, tag: this.name };
  }

  /** Simple mean of the last `atrPeriod` true ranges ending at the current bar; NaN when the history is too short. */
  private averageTrueRange(ctx: AlgorithmContext, symbol: SymbolId): number {
    const n = this.atrPeriod + 1;
    const high = ctx.history(symbol, 'high', n);
    const low = ctx.history(symbol, 'low', n);
    const close = ctx.history(symbol, 'close', n);
    if (high.length < n || low.length < n || close.length < n) return Number.NaN;
    let sum = 0;
    for (let i = 1; i < n; i += 1) {
      const h = high[i] ?? Number.NaN;
      const l = low[i] ?? Number.NaN;
      const prev = close[i - 1] ?? Number.NaN;
      sum += Math.max(h - l, Math.abs(h - prev), Math.abs(l - prev));
    }
    return sum / this.atrPeriod;
  }
}

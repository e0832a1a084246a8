import { InvalidArgumentError, utcDay, type AlgorithmContext, type OrderRequest, type SymbolId } from '@alphaswarm/core';
import { VwapIndicator } from '../indicators/vwap.js';
import { currentBar } from './current-bar.js';
import { ExecutionModelBase, type ExecutionModelOptions, type WorkingTarget } from './execution-model-base.js';

/** Options of {@link VWAPExecutionModel}. */
export interface VWAPExecutionModelOptions extends ExecutionModelOptions {
  /** Largest fraction of a bar's volume traded in that bar, in (0, 1] (default 0.1). */
  readonly participation?: number;
}

/** A working target and the symbol's intraday VWAP. */
interface VwapState extends WorkingTarget {
  readonly vwap: VwapIndicator;
  /** UTC day of the bars in the VWAP. */
  day: number;
  /** Time of the last bar fed to the VWAP. */
  lastTime: number;
}

/**
 * LEAN's VWAP execution: on each bar of the symbol it updates the intraday VWAP
 * (cumulative typical price `(h + l + c)/3` × volume since the first bar of the UTC
 * day) and, when the price is favourable — close **below** the VWAP for a buy,
 * **above** it for a sell — sends a market order for at most
 * `participation × bar volume` toward the target (whole units when capped), until
 * the target is reached. The cap uses the volume of the bar just seen; the order
 * fills from the next bar on.
 *
 * Daily bars: the VWAP restarts every UTC day, so it is the day's own typical price,
 * and the model buys on days that close below `(h + l + c)/3` (in the lower part of
 * their range) and sells on days that close above it, at most `participation` of the
 * day's volume per day.
 *
 * When a target arrives the VWAP is rebuilt from `ctx.history` over the bars of the
 * current UTC day, so it does not depend on when the model started watching.
 */
export class VWAPExecutionModel extends ExecutionModelBase<VwapState> {
  /** Fraction of bar volume per order. */
  readonly participation: number;

  /**
   * @param options - see {@link VWAPExecutionModelOptions}
   * @throws `InvalidArgumentError` naming `participation` when outside (0, 1]
   */
  constructor(options: VWAPExecutionModelOptions = {}) {
    super('VWAPExecutionModel', options);
    const { participation = 0.1 } = options;
    if (!(participation > 0 && participation <= 1)) throw new InvalidArgumentError('participation', participation, 'a fraction of bar volume in (0, 1]');
    this.participation = participation;
  }

  /**
   * Keeps the symbol's VWAP when a target replaces another; otherwise rebuilds today's VWAP from history.
   *
   * @internal
   */
  protected adopt(ctx: AlgorithmContext, symbol: SymbolId, quantity: number, previous: VwapState | undefined): VwapState {
    if (previous !== undefined) {
      previous.quantity = quantity;
      previous.done = false;
      return previous;
    }
    const state: VwapState = { quantity, done: false, vwap: new VwapIndicator(), day: Number.NaN, lastTime: -Infinity };
    const last = ctx.securities.lastBar(symbol);
    if (last === undefined) return state;
    const day = utcDay(last.time);
    let n = 64;
    let times = ctx.history(symbol, 'timestamp', n);
    while (times.length === n && utcDay(times[0] as number) === day) {
      n *= 4;
      times = ctx.history(symbol, 'timestamp', n);
    }
    const high = ctx.history(symbol, 'high', n);
    const low = ctx.history(symbol, 'low', n);
    const close = ctx.history(symbol, 'close', n);
    const volume = ctx.history(symbol, 'volume', n);
    state.day = day;
    for (let i = 0; i < times.length; i++) {
      if (utcDay(times[i] as number) !== day) continue;
      state.vwap.update(high[i] as number, low[i] as number, close[i] as number, volume[i] as number);
      state.lastTime = times[i] as number;
    }
    return state;
  }

  /**
   * Updates the VWAP with the current bar and trades up to the participation cap when the close is favourable.
   *
   * @internal
   */
  protected work(ctx: AlgorithmContext, symbol: SymbolId, state: VwapState, unordered: number): OrderRequest | undefined {
    const bar = currentBar(ctx, symbol);
    if (bar === undefined) return undefined;
    if (bar.time > state.lastTime) {
      const day = utcDay(bar.time);
      if (day !== state.day) {
        state.vwap.reset();
        state.day = day;
      }
      state.vwap.update(bar.high, bar.low, bar.close, bar.volume);
      state.lastTime = bar.time;
    }
    if (unordered === 0) return undefined;
    const vwap = state.vwap.value;
    if (!Number.isFinite(vwap)) return undefined;
    if (unordered > 0 ? !(bar.close < vwap) : !(bar.close > vwap)) return undefined;
    const cap = this.participation * bar.volume;
    const wanted = Math.abs(unordered);
    const size = wanted <= cap ? wanted : Math.floor(cap);
    if (!(size > 0)) return undefined;
    return { symbol, quantity: unordered > 0 ? size : -size };
  }
}

import { InvalidArgumentError, type AlgorithmContext, type OrderRequest, type SymbolId } from '@alphaswarm/core';
import { BollingerIndicator } from '../indicators/bollinger.js';
import { currentBar } from './current-bar.js';
import { ExecutionModelBase, type ExecutionModelOptions, type WorkingTarget } from './execution-model-base.js';

/** Options of {@link StandardDeviationExecutionModel}. */
export interface StandardDeviationExecutionModelOptions extends ExecutionModelOptions {
  /** Bars in the mean and standard deviation window (default 60, at least 2). */
  readonly period?: number;
  /** Band width `k` in standard deviations (> 0, default 2). */
  readonly deviations?: number;
}

/** A working target and the symbol's bands. */
interface BandState extends WorkingTarget {
  readonly bands: BollingerIndicator;
  /** Time of the last close fed to the bands. */
  lastTime: number;
}

/**
 * LEAN's standard-deviation execution: on each bar of the symbol it updates the mean
 * and the **population** standard deviation of the last `period` closes (the current
 * one included) and sends a market order for the whole unordered quantity only when
 * the price is unusually favourable: a buy when `close < mean − k·sd`, a sell when
 * `close > mean + k·sd`. Nothing is sent until `period` closes exist; a flat window
 * (sd = 0) never triggers.
 *
 * When a target arrives the window is filled from `ctx.history`, so the model acts
 * from the first bar.
 */
export class StandardDeviationExecutionModel extends ExecutionModelBase<BandState> {
  /** Window length in bars. */
  readonly period: number;
  /** Band width in standard deviations. */
  readonly deviations: number;

  /**
   * @param options - see {@link StandardDeviationExecutionModelOptions}
   * @throws `InvalidArgumentError` naming `period` / `deviations` when out of range
   */
  constructor(options: StandardDeviationExecutionModelOptions = {}) {
    super('StandardDeviationExecutionModel', options);
    const { period = 60, deviations = 2 } = options;
    if (!(Number.isSafeInteger(period) && period >= 2)) throw new InvalidArgumentError('period', period, 'an integer ≥ 2');
    if (!(deviations > 0 && Number.isFinite(deviations))) throw new InvalidArgumentError('deviations', deviations, 'a positive number');
    this.period = period;
    this.deviations = deviations;
  }

  /**
   * Keeps the symbol's bands when a target replaces another; otherwise fills them from history.
   *
   * @internal
   */
  protected adopt(ctx: AlgorithmContext, symbol: SymbolId, quantity: number, previous: BandState | undefined): BandState {
    if (previous !== undefined) {
      previous.quantity = quantity;
      previous.done = false;
      return previous;
    }
    const state: BandState = { quantity, done: false, bands: new BollingerIndicator(this.period, this.deviations), lastTime: -Infinity };
    if (ctx.securities.lastBar(symbol) === undefined) return state;
    const times = ctx.history(symbol, 'timestamp', this.period);
    const closes = ctx.history(symbol, 'close', this.period);
    for (let i = 0; i < times.length; i++) {
      state.bands.update(closes[i] as number);
      state.lastTime = times[i] as number;
    }
    return state;
  }

  /**
   * Updates the bands with the current close and orders everything when it is outside them on the favourable side.
   *
   * @internal
   */
  protected work(ctx: AlgorithmContext, symbol: SymbolId, state: BandState, unordered: number): OrderRequest | undefined {
    const bar = currentBar(ctx, symbol);
    if (bar === undefined) return undefined;
    const bands = state.bands;
    if (bar.time > state.lastTime) {
      bands.update(bar.close);
      state.lastTime = bar.time;
    }
    if (unordered === 0 || !bands.ready) return undefined;
    const favourable = unordered > 0 ? bar.close < bands.lower : bar.close > bands.upper;
    return favourable ? { symbol, quantity: unordered } : undefined;
  }
}

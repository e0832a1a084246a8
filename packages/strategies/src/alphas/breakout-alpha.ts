import {
  InvalidArgumentError,
  type AlgorithmContext,
  type BarView,
  type AlphaModel,
  type EpochMs,
  type InsightInit,
  type SecurityChanges,
  type Slice,
  type SymbolId,
} from '@alphaswarm/core';
import { RollingMaxIndicator, RollingMinIndicator } from '../indicators/rolling-extremes.js';
import { ActiveSignal } from './active-signal.js';
import { BarSpacing } from './bar-spacing.js';
import { InsightTemplate, type AlphaInsightOptions } from './insight-template.js';
import { priorHistory } from './prior-history.js';
import { SymbolStates } from './symbol-states.js';

/** Options of {@link BreakoutAlpha}. */
export interface BreakoutAlphaOptions extends AlphaInsightOptions {
  /** Donchian channel length: the number of bars before the current one (default 20). */
  readonly lookback?: number;
  /** Emit `flat` instead of `down` on a downside breakout (default false). */
  readonly longOnly?: boolean;
}

/** Per-symbol state: the channel over the previous `lookback` bars and the active signal. */
class SymbolState {
  readonly upper: RollingMaxIndicator;
  readonly lower: RollingMinIndicator;
  readonly spacing = new BarSpacing();
  readonly signal = new ActiveSignal();

  constructor(lookback: number) {
    this.upper = new RollingMaxIndicator(lookback);
    this.lower = new RollingMinIndicator(lookback);
  }

  /**
   * Consumes a bar; returns +1 when its close is above the highest high of the
   * previous `lookback` bars, −1 when below their lowest low, 0 otherwise (and during
   * warm-up). The bar joins the channel after the comparison.
   */
  step(high: number, low: number, close: number, time: EpochMs): number {
    this.spacing.observe(time);
    let breakout = 0;
    if (this.upper.ready) {
      if (close > this.upper.value) breakout = 1;
      else if (close < this.lower.value) breakout = -1;
    }
    this.upper.update(high);
    this.lower.update(low);
    return breakout;
  }
}

/**
 * Donchian channel breakout (turtle-style entries): `up` when a bar closes above the
 * highest high of the `lookback` bars before it, `down` (or `flat` when `longOnly`)
 * when it closes below their lowest low. The current bar is excluded from its own
 * channel, so a breakout is never measured against itself.
 *
 * Conventions:
 * - Level-based with memory: a breakout emits only when it asks for something other
 *   than the symbol's active insight from this model (so a trend of successive new
 *   highs emits one `up`), and again after that insight expired (`period` given).
 * - Insights are open-ended unless `period` (bars) is given. Sets `weight` and
 *   `confidence` when given; no magnitude.
 * - Bars with a non-finite high, low or close are skipped.
 * - State is per universe symbol; on joining, the channel is filled from the
 *   `lookback` bars before the current one, so a symbol can break out on its first bar
 *   in the universe.
 */
export class BreakoutAlpha implements AlphaModel {
  /** Model name. */
  readonly name: string;
  /** Channel length, bars. */
  readonly lookback: number;
  /** `flat` instead of `down`. */
  readonly longOnly: boolean;
  private readonly template: InsightTemplate;
  private readonly states = new SymbolStates((ctx, symbol) => this.warmUp(ctx, symbol));

  /** @throws {@link @alphaswarm/core!InvalidArgumentError} naming the offending option. */
  constructor(options: BreakoutAlphaOptions = {}) {
    const { lookback = 20, longOnly = false } = options;
    if (!(Number.isSafeInteger(lookback) && lookback >= 1)) throw new InvalidArgumentError('lookback', lookback, 'a positive integer number of bars');
    this.name = options.name ?? 'BreakoutAlpha';
    this.lookback = lookback;
    this.longOnly = longOnly === true;
    this.template = new InsightTemplate(options);
  }

  /** Insights for the breakouts of this bar that change what the symbol holds (usually none). */
  update(_ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
    return this.states.collect(slice, this.onBar);
  }

  private readonly onBar = (symbol: SymbolId, state: SymbolState, bar: BarView): InsightInit | undefined => {
    if (!(Number.isFinite(bar.high) && Number.isFinite(bar.low))) return undefined;
    const breakout = state.step(bar.high, bar.low, bar.close, bar.time);
    if (breakout === 0) return undefined;
    return this.template.change(symbol, state.signal, breakout > 0 ? 1 : this.longOnly ? 0 : -1, bar.time, state.spacing);
  };

  /** Creates (and fills the channel of) added symbols; drops removed ones. */
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    this.states.apply(ctx, changes);
  }

  /** A joining symbol's state, its channel filled from the `lookback` bars before the current one. */
  private warmUp(ctx: AlgorithmContext, symbol: SymbolId): SymbolState {
    const state = new SymbolState(this.lookback);
    const n = this.lookback;
    const highs = priorHistory(ctx, symbol, 'high', n);
    const lows = priorHistory(ctx, symbol, 'low', n);
    const closes = priorHistory(ctx, symbol, 'close', n);
    const times = priorHistory(ctx, symbol, 'timestamp', n);
    for (let i = 0; i < closes.length; i += 1) {
      const high = highs[i] as number;
      const low = lows[i] as number;
      const close = closes[i] as number;
      if (Number.isFinite(high) && Number.isFinite(low) && Number.isFinite(close)) state.step(high, low, close, times[i] as number);
    }
    return state;
  }
}

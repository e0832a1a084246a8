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
import { RsiIndicator } from '../indicators/rsi.js';
import { BarSpacing } from './bar-spacing.js';
import { InsightTemplate, type AlphaInsightOptions } from './insight-template.js';
import { replayPriorCloses } from './prior-history.js';
import { SymbolStates } from './symbol-states.js';

/**
 * Options of {@link RsiReversalAlpha}. Here `period` is the RSI period (as in LEAN's
 * `RsiAlphaModel`); the insight duration in bars is `insightPeriod`.
 */
export interface RsiReversalAlphaOptions extends Omit<AlphaInsightOptions, 'period'> {
  /** RSI smoothing period in bars (Wilder's, default 14). */
  readonly period?: number;
  /** RSI level below which the symbol is oversold (default 30). */
  readonly oversold?: number;
  /** RSI level above which the symbol is overbought (default 70). */
  readonly overbought?: number;
  /** RSI points back inside the band needed to re-arm a side after it tripped (default 5, LEAN's). */
  readonly hysteresis?: number;
  /** Emit `flat` instead of `down` when overbought (default false). */
  readonly longOnly?: boolean;
  /** Insight duration in bars (see {@link AlphaInsightOptions.period}); omit for open-ended. */
  readonly insightPeriod?: number;
}

/** Per-symbol state: the RSI and the zone it last tripped (−1 oversold, +1 overbought, 0 armed). */
class SymbolState {
  readonly rsi: RsiIndicator;
  readonly spacing = new BarSpacing();
  zone = 0;

  constructor(
    period: number,
    private readonly oversold: number,
    private readonly overbought: number,
    private readonly hysteresis: number,
  ) {
    this.rsi = new RsiIndicator(period);
  }

  /** Consumes a close; returns +1 when it trips oversold (buy), −1 when it trips overbought, else 0. */
  step(close: number, time: EpochMs): number {
    this.spacing.observe(time);
    const r = this.rsi.update(close);
    if (Number.isNaN(r)) return 0;
    if (r < this.oversold) {
      if (this.zone === -1) return 0;
      this.zone = -1;
      return 1;
    }
    if (r > this.overbought) {
      if (this.zone === 1) return 0;
      this.zone = 1;
      return -1;
    }
    if (this.zone === -1 && r > this.oversold + this.hysteresis) this.zone = 0;
    else if (this.zone === 1 && r < this.overbought - this.hysteresis) this.zone = 0;
    return 0;
  }
}

/**
 * RSI mean reversion (LEAN's `RsiAlphaModel`): `up` when the RSI trips below
 * `oversold`, `down` (or `flat` when `longOnly`) when it trips above `overbought`.
 *
 * Conventions:
 * - Levels are strict (`RSI < oversold`, `RSI > overbought`), Wilder RSI on closes.
 * - A side that tripped emits once; it re-arms only after the RSI has come back
 *   `hysteresis` points inside the band (above `oversold + hysteresis`, below
 *   `overbought − hysteresis`), so an RSI hovering around a level does not flicker.
 *   Tripping the opposite side always emits.
 * - The first ready bar already counts: an RSI below `oversold` there emits `up`
 *   (being in the zone is the signal, not a cross).
 * - Insights are open-ended unless `insightPeriod` (bars) is given. Sets `weight` and
 *   `confidence` when given; no magnitude.
 * - State is per universe symbol, warmed up on joining from the `4 × period` bars
 *   before the current one (trips inside that history are not emitted).
 */
export class RsiReversalAlpha implements AlphaModel {
  /** Model name. */
  readonly name: string;
  /** RSI period, bars. */
  readonly period: number;
  /** Oversold level. */
  readonly oversold: number;
  /** Overbought level. */
  readonly overbought: number;
  /** Re-arm distance, RSI points. */
  readonly hysteresis: number;
  /** `flat` instead of `down`. */
  readonly longOnly: boolean;
  private readonly template: InsightTemplate;
  private readonly states = new SymbolStates((ctx, symbol) => {
    const state = new SymbolState(this.period, this.oversold, this.overbought, this.hysteresis);
    replayPriorCloses(ctx, symbol, 4 * this.period, (close, time) => state.step(close, time));
    return state;
  });

  /** @throws {@link @alphaswarm/core!InvalidArgumentError} naming the offending option. */
  constructor(options: RsiReversalAlphaOptions = {}) {
    const { period = 14, oversold = 30, overbought = 70, hysteresis = 5, longOnly = false } = options;
    if (!(Number.isSafeInteger(period) && period >= 1)) throw new InvalidArgumentError('period', period, 'a positive integer number of bars');
    if (!(typeof oversold === 'number' && oversold >= 0 && oversold <= 100)) throw new InvalidArgumentError('oversold', oversold, 'an RSI level in [0, 100]');
    if (!(typeof overbought === 'number' && overbought > oversold && overbought <= 100)) {
      throw new InvalidArgumentError('overbought', overbought, `an RSI level in (oversold = ${oversold}, 100]`);
    }
    if (!(typeof hysteresis === 'number' && hysteresis >= 0 && Number.isFinite(hysteresis))) throw new InvalidArgumentError('hysteresis', hysteresis, 'a finite number of RSI points ≥ 0');
    this.name = options.name ?? 'RsiReversalAlpha';
    this.period = period;
    this.oversold = oversold;
    this.overbought = overbought;
    this.hysteresis = hysteresis;
    this.longOnly = longOnly === true;
    this.template = new InsightTemplate(options, 'insightPeriod');
  }

  /** Insights for the symbols whose RSI crossed back at this bar (usually none). */
  update(_ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
    return this.states.collect(slice, this.onBar);
  }

  private readonly onBar = (symbol: SymbolId, state: SymbolState, bar: BarView): InsightInit | undefined => {
    const signal = state.step(bar.close, bar.time);
    return signal === 0 ? undefined : this.template.create(symbol, signal > 0 ? 'up' : this.longOnly ? 'flat' : 'down', state.spacing);
  };

  /** Creates (and warms up) the state of added symbols; drops that of removed ones. */
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    this.states.apply(ctx, changes);
  }
}

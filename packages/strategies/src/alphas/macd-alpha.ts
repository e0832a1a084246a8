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
import { MacdIndicator } from '../indicators/macd.js';
import { ActiveSignal } from './active-signal.js';
import { BarSpacing } from './bar-spacing.js';
import { InsightTemplate, type AlphaInsightOptions } from './insight-template.js';
import { replayPriorCloses } from './prior-history.js';
import { SymbolStates } from './symbol-states.js';

/** Options of {@link MacdAlpha}. */
export interface MacdAlphaOptions extends AlphaInsightOptions {
  /** Fast EMA period, bars (default 12). */
  readonly fast?: number;
  /** Slow EMA period, bars, greater than `fast` (default 26). */
  readonly slow?: number;
  /** Signal EMA period, bars (default 9). */
  readonly signal?: number;
  /**
   * Half-width of the neutral band around the signal line, as a fraction of the close:
   * the MACD line must be more than `bounceThreshold × |close|` above (below) the signal
   * line to be `up` (`down`); inside the band the alpha is `flat` (default 0.001 = 0.1%).
   */
  readonly bounceThreshold?: number;
  /** Emit `flat` instead of `down` (default false). */
  readonly longOnly?: boolean;
}

/** Per-symbol state: the MACD and the active signal. */
class SymbolState {
  readonly macd: MacdIndicator;
  readonly spacing = new BarSpacing();
  readonly signal = new ActiveSignal();

  constructor(fast: number, slow: number, signal: number) {
    this.macd = new MacdIndicator(fast, slow, signal);
  }

  /** Consumes a close; returns the regime +1 / −1 / 0 (band), or NaN during warm-up. */
  step(close: number, time: EpochMs, threshold: number): number {
    this.spacing.observe(time);
    const macd = this.macd;
    macd.update(close);
    if (!macd.ready) return Number.NaN;
    const histogram = macd.histogram;
    const band = threshold * Math.abs(close);
    return histogram > band ? 1 : histogram < -band ? -1 : 0;
  }
}

/**
 * MACD signal-line crosses with a bounce threshold (after LEAN's `MacdAlphaModel`):
 * the regime is `up` while the MACD line is above its signal line by more than
 * `bounceThreshold × |close|`, `down` (or `flat` when `longOnly`) while below it by
 * more than that, and `flat` inside the band. A regime change emits the new regime,
 * so a clean cross emits at the bar where the histogram leaves the band, and a
 * histogram that fades back into the band emits `flat` (the whipsaw guard).
 *
 * Conventions:
 * - TTR MACD conventions (see `MacdIndicator`): with (12, 26, 9) the first regime is
 *   known at index 33. Before any insight the symbol counts as `flat`, so the first
 *   ready bar emits only when it is outside the band.
 * - After an insight expired (`period` given) the regime counts as `flat` again, so a
 *   lasting regime is emitted anew.
 * - Insights are open-ended unless `period` (bars) is given. Sets `weight` and
 *   `confidence` when given; no magnitude.
 * - State is per universe symbol, warmed up on joining from the
 *   `3 × slow + signal` bars before the current one (no insight from that history).
 */
export class MacdAlpha implements AlphaModel {
  /** Model name. */
  readonly name: string;
  /** Fast period, bars. */
  readonly fast: number;
  /** Slow period, bars. */
  readonly slow: number;
  /** Signal period, bars. */
  readonly signal: number;
  /** Band half-width, fraction of the close. */
  readonly bounceThreshold: number;
  /** `flat` instead of `down`. */
  readonly longOnly: boolean;
  private readonly template: InsightTemplate;
  private readonly states = new SymbolStates((ctx, symbol) => {
    const state = new SymbolState(this.fast, this.slow, this.signal);
    replayPriorCloses(ctx, symbol, 3 * this.slow + this.signal, (close, time) => state.step(close, time, this.bounceThreshold));
    return state;
  });

  /** @throws {@link @alphaswarm/core!InvalidArgumentError} naming the offending option. */
  constructor(options: MacdAlphaOptions = {}) {
    const { fast = 12, slow = 26, signal = 9, bounceThreshold = 0.001, longOnly = false } = options;
    if (!(Number.isSafeInteger(fast) && fast >= 1)) throw new InvalidArgumentError('fast', fast, 'a positive integer number of bars');
    if (!(Number.isSafeInteger(slow) && slow > fast)) throw new InvalidArgumentError('slow', slow, `an integer number of bars greater than fast (${fast})`);
    if (!(Number.isSafeInteger(signal) && signal >= 1)) throw new InvalidArgumentError('signal', signal, 'a positive integer number of bars');
    if (!(typeof bounceThreshold === 'number' && bounceThreshold >= 0 && Number.isFinite(bounceThreshold))) {
      throw new InvalidArgumentError('bounceThreshold', bounceThreshold, 'a finite fraction ≥ 0');
    }
    this.name = options.name ?? 'MacdAlpha';
    this.fast = fast;
    this.slow = slow;
    this.signal = signal;
    this.bounceThreshold = bounceThreshold;
    this.longOnly = longOnly === true;
    this.template = new InsightTemplate(options);
  }

  /** Insights for the symbols whose regime changed at this bar (usually none). */
  update(_ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
    return this.states.collect(slice, this.onBar);
  }

  private readonly onBar = (symbol: SymbolId, state: SymbolState, bar: BarView): InsightInit | undefined => {
    const regime = state.step(bar.close, bar.time, this.bounceThreshold);
    if (Number.isNaN(regime)) return undefined;
    return this.template.change(symbol, state.signal, regime < 0 && this.longOnly ? 0 : regime, bar.time, state.spacing);
  };

  /** Creates (and warms up) the state of added symbols; drops removed ones. */
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    this.states.apply(ctx, changes);
  }
}

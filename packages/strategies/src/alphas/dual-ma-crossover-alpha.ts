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
import { EmaIndicator } from '../indicators/ema.js';
import { SmaIndicator } from '../indicators/sma.js';
import { BarSpacing } from './bar-spacing.js';
import { InsightTemplate, type AlphaInsightOptions } from './insight-template.js';
import { replayPriorCloses } from './prior-history.js';
import { SymbolStates } from './symbol-states.js';

/** Options of {@link DualMACrossoverAlpha}. */
export interface DualMACrossoverAlphaOptions extends AlphaInsightOptions {
  /** Fast moving-average length in bars (default 10). */
  readonly fast?: number;
  /** Slow moving-average length in bars, greater than `fast` (default 50). */
  readonly slow?: number;
  /** Moving-average kind: simple or exponential (TTR conventions, see the indicators) (default `sma`). */
  readonly maType?: 'sma' | 'ema';
  /** Emit `flat` instead of `down` on a death cross (default false). */
  readonly longOnly?: boolean;
}

/** The moving-average interface both SMA and EMA indicators satisfy. */
interface MovingAverage {
  readonly ready: boolean;
  update(x: number): number;
}

/** Per-symbol state: the two averages and the side the fast one was last strictly on. */
class SymbolState {
  readonly fast: MovingAverage;
  readonly slow: MovingAverage;
  readonly spacing = new BarSpacing();
  /** +1 fast above slow, −1 below, 0 not known yet (equal averages never change it). */
  side = 0;

  constructor(fast: number, slow: number, ema: boolean) {
    this.fast = ema ? new EmaIndicator(fast) : new SmaIndicator(fast);
    this.slow = ema ? new EmaIndicator(slow) : new SmaIndicator(slow);
  }

  /** Consumes a close; returns +1 on a golden cross, −1 on a death cross, 0 otherwise. */
  step(close: number, time: EpochMs): number {
    this.spacing.observe(time);
    return this.cross(close);
  }

  /** {@link SymbolState.step} for a bar: the hot path passes the bar, not two numbers (no boxing). */
  stepBar(bar: BarView): number {
    this.spacing.observe(bar.time);
    return this.cross(bar.close);
  }

  private cross(close: number): number {
    const f = this.fast.update(close);
    const s = this.slow.update(close);
    const diff = f - s;
    // NaN during warm-up fails both tests below and leaves the side unknown.
    if (!(Math.abs(diff) > 1e-12 * Math.max(Math.abs(f), Math.abs(s)))) return 0;
    const side = diff > 0 ? 1 : -1;
    const previous = this.side;
    this.side = side;
    return previous === -side ? side : 0;
  }
}

/**
 * Dual moving-average crossover (LEAN's `EmaCrossAlphaModel`, with a choice of SMA or
 * EMA): `up` when the fast average crosses above the slow one (golden cross), `down`
 * — or `flat` when `longOnly` — when it crosses below (death cross).
 *
 * Conventions:
 * - A cross is a change of the strict side of the fast average against the slow one
 *   from one bar to a later bar. Averages equal to within floating-point rounding
 *   (`|fast − slow| ≤ 1e-12 × max(|fast|, |slow|)`) are on no side: they are not a
 *   cross and keep the last side, so above → equal → above emits nothing and
 *   above → equal → below emits one death cross, on the "below" bar.
 * - Only actual crosses emit: the first bar on which both averages are ready (and
 *   differ) records the side without emitting (LEAN's model also emits on the first
 *   ready bar when the fast average is above; this one does not).
 * - Insights are open-ended (they last until the opposite cross replaces them) unless
 *   `period` (bars) is given. Sets `weight` and `confidence` when given; no magnitude.
 * - State is per symbol of the universe: created when the symbol joins (the averages
 *   are warmed up from the bars before the current one — `slow` bars, `3 × slow` for
 *   EMAs so the seed has decayed; crosses inside that history are not emitted) and
 *   dropped when it leaves.
 *
 * Hot path: the bar's lookup and two O(1) indicator updates per bar and symbol; no
 * allocation unless a cross happens (otherwise `update` returns a shared frozen
 * empty array).
 */
export class DualMACrossoverAlpha implements AlphaModel {
  /** Model name. */
  readonly name: string;
  /** Fast length, bars. */
  readonly fast: number;
  /** Slow length, bars. */
  readonly slow: number;
  /** Average kind. */
  readonly maType: 'sma' | 'ema';
  /** `flat` instead of `down`. */
  readonly longOnly: boolean;
  private readonly template: InsightTemplate;
  private readonly states = new SymbolStates((ctx, symbol) => {
    const state = new SymbolState(this.fast, this.slow, this.maType === 'ema');
    replayPriorCloses(ctx, symbol, this.maType === 'ema' ? 3 * this.slow : this.slow, (close, time) => state.step(close, time));
    return state;
  });

  /** @throws {@link @alphaswarm/core!InvalidArgumentError} naming the offending option. */
  constructor(options: DualMACrossoverAlphaOptions = {}) {
    const { fast = 10, slow = 50, maType = 'sma', longOnly = false } = options;
    if (!(Number.isSafeInteger(fast) && fast >= 1)) throw new InvalidArgumentError('fast', fast, 'a positive integer number of bars');
    if (!(Number.isSafeInteger(slow) && slow > fast)) throw new InvalidArgumentError('slow', slow, `an integer number of bars greater than fast (${fast})`);
    if (maType !== 'sma' && maType !== 'ema') throw new InvalidArgumentError('maType', maType, "'sma' or 'ema'");
    this.name = options.name ?? 'DualMACrossoverAlpha';
    this.fast = fast;
    this.slow = slow;
    this.maType = maType;
    this.longOnly = longOnly === true;
    this.template = new InsightTemplate(options);
  }

  /** Insights for the crosses of this bar (usually none). */
  update(_ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
    return this.states.collect(slice, this.onBar);
  }

  private readonly onBar = (symbol: SymbolId, state: SymbolState, bar: BarView): InsightInit | undefined => {
    const cross = state.stepBar(bar);
    return cross === 0 ? undefined : this.template.create(symbol, cross > 0 ? 'up' : this.longOnly ? 'flat' : 'down', state.spacing);
  };

  /** Creates (and warms up) the state of added symbols; drops that of removed ones. */
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    this.states.apply(ctx, changes);
  }
}

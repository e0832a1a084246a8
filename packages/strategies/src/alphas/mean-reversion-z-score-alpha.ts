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
import { SmaIndicator } from '../indicators/sma.js';
import { ZScoreIndicator } from '../indicators/z-score.js';
import { ActiveSignal } from './active-signal.js';
import { BarSpacing } from './bar-spacing.js';
import { InsightTemplate, type AlphaInsightOptions } from './insight-template.js';
import { replayPriorCloses } from './prior-history.js';
import { SymbolStates } from './symbol-states.js';

/** Options of {@link MeanReversionZScoreAlpha}. */
export interface MeanReversionZScoreAlphaOptions extends AlphaInsightOptions {
  /** Rolling window of the mean and standard deviation, bars, at least 2 (default 20). */
  readonly lookback?: number;
  /** Enter when |z| exceeds this (default 2). */
  readonly entry?: number;
  /** Exit (emit `flat`) when |z| falls below this, less than `entry` (default 0.5). */
  readonly exit?: number;
  /** Emit `flat` instead of `down` when z is above `entry` (default false). */
  readonly longOnly?: boolean;
}

/** Per-symbol state: the z-score, the rolling mean and the active signal. */
class SymbolState {
  readonly z: ZScoreIndicator;
  readonly mean: SmaIndicator;
  readonly spacing = new BarSpacing();
  readonly signal = new ActiveSignal();

  constructor(lookback: number) {
    this.z = new ZScoreIndicator(lookback);
    this.mean = new SmaIndicator(lookback);
  }

  /** Consumes a close; returns its z-score (NaN during warm-up). */
  step(close: number, time: EpochMs): number {
    this.spacing.observe(time);
    this.mean.update(close);
    return this.z.update(close);
  }
}

/**
 * Mean reversion on the z-score of the close against its rolling mean:
 * `z = (close − mean) / sd` over the last `lookback` closes, current one included,
 * sample standard deviation (see `ZScoreIndicator`; z = 0 on a flat window).
 *
 * - `z > entry` → `down` (or `flat` when `longOnly`): the price is stretched above its mean;
 * - `z < −entry` → `up`;
 * - `|z| < exit` → `flat`: back near the mean, close the position;
 * - otherwise → hold: no new insight.
 *
 * Conventions:
 * - Emits only when the wanted direction differs from the symbol's active insight
 *   from this model (none counts as `flat`, so nothing is emitted near the mean
 *   at the start), and again after that insight expired (`period` given).
 * - Sets magnitude on `up`/`down` to the expected return to the mean,
 *   `mean / close − 1`; sets `weight` and `confidence` when given. Insights are
 *   open-ended unless `period` (bars) is given.
 * - State is per universe symbol, warmed up on joining from the `lookback` bars
 *   before the current one.
 */
export class MeanReversionZScoreAlpha implements AlphaModel {
  /** Model name. */
  readonly name: string;
  /** Window, bars. */
  readonly lookback: number;
  /** Entry threshold on |z|. */
  readonly entry: number;
  /** Exit threshold on |z|. */
  readonly exit: number;
  /** `flat` instead of `down`. */
  readonly longOnly: boolean;
  private readonly template: InsightTemplate;
  private readonly states = new SymbolStates((ctx, symbol) => {
    const state = new SymbolState(this.lookback);
    replayPriorCloses(ctx, symbol, this.lookback, (close, time) => state.step(close, time));
    return state;
  });

  /** @throws {@link @alphaswarm/core!InvalidArgumentError} naming the offending option. */
  constructor(options: MeanReversionZScoreAlphaOptions = {}) {
    const { lookback = 20, entry = 2, exit = 0.5, longOnly = false } = options;
    if (!(Number.isSafeInteger(lookback) && lookback >= 2)) throw new InvalidArgumentError('lookback', lookback, 'an integer number of bars ≥ 2');
    if (!(typeof entry === 'number' && entry > 0 && Number.isFinite(entry))) throw new InvalidArgumentError('entry', entry, 'a finite z-score > 0');
    if (!(typeof exit === 'number' && exit >= 0 && exit < entry)) throw new InvalidArgumentError('exit', exit, `a z-score in [0, entry = ${entry})`);
    this.name = options.name ?? 'MeanReversionZScoreAlpha';
    this.lookback = lookback;
    this.entry = entry;
    this.exit = exit;
    this.longOnly = longOnly === true;
    this.template = new InsightTemplate(options);
  }

  /** Insights for the symbols whose z-score asks for a change at this bar (usually none). */
  update(_ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
    return this.states.collect(slice, this.onBar);
  }

  private readonly onBar = (symbol: SymbolId, state: SymbolState, bar: BarView): InsightInit | undefined => {
    const z = state.step(bar.close, bar.time);
    let wanted: number;
    if (z > this.entry) wanted = this.longOnly ? 0 : -1;
    else if (z < -this.entry) wanted = 1;
    else if (Math.abs(z) < this.exit) wanted = 0;
    else return undefined; // hold band, or NaN during warm-up
    const magnitude = wanted === 0 ? undefined : state.mean.value / bar.close - 1;
    return this.template.change(symbol, state.signal, wanted, bar.time, state.spacing, magnitude !== undefined && Number.isFinite(magnitude) ? magnitude : undefined);
  };

  /** Creates (and warms up) the state of added symbols; drops removed ones. */
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    this.states.apply(ctx, changes);
  }
}

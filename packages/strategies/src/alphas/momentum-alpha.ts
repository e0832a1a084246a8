import {
  InvalidArgumentError,
  type AlgorithmContext,
  type BarView,
  type AlphaModel,
  type InsightInit,
  type SecurityChanges,
  type Slice,
  type SymbolId,
} from '@alphaswarm/core';
import { RocIndicator } from '../indicators/roc.js';
import { Schedule, type ScheduleRule } from '../universe/schedule.js';
import { BarSpacing } from './bar-spacing.js';
import { InsightTemplate, NO_INSIGHTS, type AlphaInsightOptions } from './insight-template.js';
import { replayPriorCloses } from './prior-history.js';
import { SymbolStates } from './symbol-states.js';

/** Options of {@link MomentumAlpha}. */
export interface MomentumAlphaOptions extends AlphaInsightOptions {
  /** Rate-of-change look-back in bars: momentum = `close / close[lookback bars ago] − 1` (default 20). */
  readonly lookback?: number;
  /** Number of symbols in each leg: `up` for the top `k`, `down` for the bottom `k` (default 1). */
  readonly k?: number;
  /** When to re-rank, counted from the first ranking (default `{ kind: 'bars', every: 21 }`). */
  readonly rebalance?: ScheduleRule;
  /** Emit `flat` instead of `down` for the bottom `k` (default false). */
  readonly longOnly?: boolean;
}

/** Per-symbol state: the rate of change and the sign last emitted. */
class SymbolState {
  readonly roc: RocIndicator;
  readonly spacing = new BarSpacing();
  /** Last finite rate of change, or NaN during warm-up. */
  momentum = Number.NaN;
  /** Sign of the last insight emitted (0 for flat or none). */
  held = 0;

  constructor(lookback: number) {
    this.roc = new RocIndicator(lookback);
  }

  /** Consumes a close. */
  step(close: number, time: number): void {
    this.spacing.observe(time);
    const r = this.roc.update(close);
    this.momentum = Number.isFinite(r) ? r : Number.NaN;
  }
}

/**
 * Cross-sectional momentum: on each rebalance, rank the universe symbols by their
 * `lookback`-bar rate of change (discrete, `close / close[lookback bars ago] − 1`),
 * highest first (ties by symbol text), and emit `up` for the top `k` and `down` (or
 * `flat` when `longOnly`) for the bottom `k` of the rest, with magnitude = the rate of
 * change. A symbol whose last insight was `up` or `down` and that is in neither leg
 * now gets `flat`.
 *
 * Conventions:
 * - Rebalance timing: the first ranking happens at the first bar on which any
 *   symbol's rate of change is ready; the `rebalance` schedule starts at that bar
 *   (it counts as the schedule's first call), so `{kind: 'bars', every: 21}` ranks
 *   at that bar and every 21 bars after it.
 * - Symbols without a ready, finite rate of change (warm-up, zero base price) are
 *   not ranked. With fewer than `2k` ranked symbols the top leg is filled first.
 * - Insights are open-ended (until the next ranking) unless `period` (bars) is given.
 *   Sets magnitude (the rate of change, on `up`/`down`), `weight` and `confidence`.
 * - State is per universe symbol, warmed up on joining from the `lookback` bars
 *   before the current one. Between rebalances a bar costs one O(1) update per symbol
 *   and allocates nothing.
 */
export class MomentumAlpha implements AlphaModel {
  /** Model name. */
  readonly name: string;
  /** Rate-of-change look-back, bars. */
  readonly lookback: number;
  /** Symbols per leg. */
  readonly k: number;
  /** `flat` instead of `down`. */
  readonly longOnly: boolean;
  private readonly template: InsightTemplate;
  private readonly schedule: Schedule;
  private readonly states = new SymbolStates((ctx, symbol) => {
    const state = new SymbolState(this.lookback);
    replayPriorCloses(ctx, symbol, this.lookback, (close, time) => state.step(close, time));
    return state;
  });
  private started = false;

  /** @throws {@link @alphaswarm/core!InvalidArgumentError} naming the offending option. */
  constructor(options: MomentumAlphaOptions = {}) {
    const { lookback = 20, k = 1, rebalance = { kind: 'bars', every: 21 }, longOnly = false } = options;
    if (!(Number.isSafeInteger(lookback) && lookback >= 1)) throw new InvalidArgumentError('lookback', lookback, 'a positive integer number of bars');
    if (!(Number.isSafeInteger(k) && k >= 1)) throw new InvalidArgumentError('k', k, 'a positive integer number of symbols');
    this.name = options.name ?? 'MomentumAlpha';
    this.lookback = lookback;
    this.k = k;
    this.longOnly = longOnly === true;
    this.template = new InsightTemplate(options);
    this.schedule = new Schedule(rebalance);
  }

  /** Updates every symbol's momentum; on a rebalance bar, returns the ranking's insights. */
  update(_ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
    const time = slice.time;
    this.states.collect(slice, this.onBar);
    if (!this.started) {
      if (!this.anyReady()) return NO_INSIGHTS;
      this.started = true;
    }
    if (!this.schedule.tick(time)) return NO_INSIGHTS;
    return this.rank();
  }

  private readonly onBar = (_symbol: SymbolId, state: SymbolState, bar: BarView): undefined => {
    state.step(bar.close, bar.time);
  };

  /** Creates (and warms up) the state of added symbols; drops removed ones. */
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    this.states.apply(ctx, changes);
  }

  private anyReady(): boolean {
    for (const [, state] of this.states.entries()) if (!Number.isNaN(state.momentum)) return true;
    return false;
  }

  private rank(): readonly InsightInit[] {
    const ranked: { symbol: SymbolId; state: SymbolState }[] = [];
    for (const [symbol, state] of this.states.entries()) if (!Number.isNaN(state.momentum)) ranked.push({ symbol, state });
    ranked.sort((a, b) => b.state.momentum - a.state.momentum || (a.symbol.value < b.symbol.value ? -1 : a.symbol.value > b.symbol.value ? 1 : 0));
    const top = Math.min(this.k, ranked.length);
    const bottomStart = Math.max(top, ranked.length - this.k);
    const out: InsightInit[] = [];
    const chosen = new Set<SymbolId>();
    for (let i = 0; i < ranked.length; i += 1) {
      const { symbol, state } = ranked[i] as { symbol: SymbolId; state: SymbolState };
      if (i < top) {
        out.push(this.template.create(symbol, 'up', state.spacing, state.momentum));
        state.held = 1;
      } else if (i >= bottomStart) {
        if (this.longOnly) {
          out.push(this.template.create(symbol, 'flat', state.spacing));
          state.held = 0;
        } else {
          out.push(this.template.create(symbol, 'down', state.spacing, state.momentum));
          state.held = -1;
        }
      } else continue;
      chosen.add(symbol);
    }
    for (const [symbol, state] of this.states.entries()) {
      if (state.held === 0 || chosen.has(symbol)) continue;
      out.push(this.template.create(symbol, 'flat', state.spacing));
      state.held = 0;
    }
    return out.length === 0 ? NO_INSIGHTS : out;
  }
}

import {
  InvalidArgumentError,
  type AlgorithmContext,
  type AlphaModel,
  type InsightDirection,
  type InsightInit,
  type SecurityChanges,
  type Slice,
  type SymbolId,
} from '@alphaswarm/core';
import { parseSymbolList } from '../universe/membership.js';
import { BarSpacing } from './bar-spacing.js';
import { InsightTemplate, NO_INSIGHTS, type AlphaInsightOptions } from './insight-template.js';
import { priorHistory } from './prior-history.js';

/** Options of {@link ConstantAlpha}. */
export interface ConstantAlphaOptions extends AlphaInsightOptions {
  /** The direction of every insight. */
  readonly direction: InsightDirection;
  /** Restrict to these symbols (of the universe); default every universe symbol. */
  readonly symbols?: readonly (SymbolId | string)[];
  /** Magnitude put on every insight (a finite signed fraction), if any. */
  readonly magnitude?: number;
}

/** Per-symbol state: bar spacing and the earliest time of the next emission. */
class SymbolState {
  readonly spacing = new BarSpacing();
  /** Emit at the first bar at or after this time (the previous insight's close time). */
  next = -Infinity;
}

/**
 * The same insight for every symbol (LEAN's `ConstantAlphaModel`): on a symbol's
 * first bar in the universe it emits `direction` with the given period, magnitude,
 * confidence and weight; when `period` is set it emits again at the first bar at or
 * after the previous insight's close time, so the insight is renewed as it expires.
 * Open-ended insights are emitted once per symbol (again if the symbol leaves the
 * universe and rejoins).
 *
 * With a `period` and no `barInterval`, the bar interval is inferred from the
 * symbol's bars (the bars before it joined count); on the very first bar of a
 * symbol's data it is not known yet, so the first insight waits for its second bar.
 * Set `barInterval` to emit on the first bar.
 */
export class ConstantAlpha implements AlphaModel {
  /** Model name. */
  readonly name: string;
  /** Direction of every insight. */
  readonly direction: InsightDirection;
  /** The symbols it is restricted to, or `undefined` for all. */
  readonly symbols: readonly SymbolId[] | undefined;
  /** Magnitude of every insight. */
  readonly magnitude: number | undefined;
  private readonly allowed: ReadonlySet<SymbolId> | undefined;
  private readonly template: InsightTemplate;
  private readonly states = new Map<SymbolId, SymbolState>();

  /** @throws {@link @alphaswarm/core!InvalidArgumentError} naming the offending option. */
  constructor(options: ConstantAlphaOptions) {
    const { direction, magnitude } = options;
    if (direction !== 'up' && direction !== 'down' && direction !== 'flat') throw new InvalidArgumentError('direction', direction, "'up', 'down' or 'flat'");
    if (magnitude !== undefined && !(typeof magnitude === 'number' && Number.isFinite(magnitude))) throw new InvalidArgumentError('magnitude', magnitude, 'a finite number');
    this.name = options.name ?? 'ConstantAlpha';
    this.direction = direction;
    this.magnitude = magnitude;
    this.symbols = options.symbols === undefined ? undefined : Object.freeze(parseSymbolList(options.symbols, 'symbols'));
    this.allowed = this.symbols === undefined ? undefined : new Set(this.symbols);
    this.template = new InsightTemplate(options);
  }

  /** Insights for the symbols due an emission at this bar (their first bar, or an expiry). */
  update(_ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
    let out: InsightInit[] | undefined;
    const symbols = slice.symbols;
    const time = slice.time;
    for (let i = 0; i < symbols.length; i += 1) {
      const symbol = symbols[i] as SymbolId;
      const state = this.states.get(symbol);
      if (state === undefined) continue;
      state.spacing.observe(time);
      if (time < state.next || !this.template.canTime(state.spacing)) continue;
      const insight = this.template.create(symbol, this.direction, state.spacing, this.magnitude);
      state.next = insight.period === undefined ? Infinity : time + insight.period;
      (out ??= []).push(insight);
    }
    return out ?? NO_INSIGHTS;
  }

  /** Starts tracking added symbols (of `symbols`, when given); forgets removed ones. */
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    for (const symbol of changes.removed) this.states.delete(symbol);
    for (const symbol of changes.added) {
      if (this.states.has(symbol) || (this.allowed !== undefined && !this.allowed.has(symbol))) continue;
      const state = new SymbolState();
      const times = priorHistory(ctx, symbol, 'timestamp', 2);
      for (let i = 0; i < times.length; i += 1) state.spacing.observe(times[i] as number);
      this.states.set(symbol, state);
    }
  }
}

import { InvalidArgumentError, type AlgorithmContext, type SymbolId, type UniverseSelectionModel } from '@alphaswarm/core';
import { parseSymbolList, requireAvailable, sameMembers } from './membership.js';
import { Schedule, type ScheduleRule } from './schedule.js';

/** Chooses the members of a {@link ScheduledUniverse} when its schedule is due. */
export type UniverseSelector = (ctx: AlgorithmContext) => readonly (SymbolId | string)[];

/** Options of {@link ScheduledUniverse}. */
export interface ScheduledUniverseOptions {
  /** When to run the selector (besides the first bar). */
  readonly schedule: ScheduleRule;
  /** Returns the members; called on the first bar and on every due bar. */
  readonly selector: UniverseSelector;
  /** Model name (default `ScheduledUniverse`). */
  readonly name?: string;
}

/**
 * Runs a selector on a schedule (LEAN's `ScheduledUniverseSelectionModel`): on the
 * first bar and on every bar its {@link ScheduleRule} is due, `selector(ctx)` gives
 * the members; in between, and when the selector returns the same members (in any
 * order), `select` returns the previous array object, so the engine sees no change.
 * Selected symbols must be carried by the data feed; repeats are dropped.
 */
export class ScheduledUniverse implements UniverseSelectionModel {
  /** Model name. */
  readonly name: string;
  private readonly schedule: Schedule;
  private readonly selector: UniverseSelector;
  private current: readonly SymbolId[] = Object.freeze([]);
  private first = true;

  /** @throws {@link @alphaswarm/core!InvalidArgumentError} for a malformed schedule or a missing selector. */
  constructor(options: ScheduledUniverseOptions) {
    this.name = options.name ?? 'ScheduledUniverse';
    this.schedule = new Schedule(options.schedule);
    if (typeof options.selector !== 'function') {
      throw new InvalidArgumentError('selector', options.selector, 'a function (ctx) => symbols');
    }
    this.selector = options.selector;
  }

  /**
   * The members: recomputed on the first and on due bars, otherwise the previous array.
   *
   * @throws {@link @alphaswarm/core!InvalidArgumentError} when the selector returns a symbol that does not
   * parse (path `selector.<i>`) or that the data feed does not carry.
   */
  select(ctx: AlgorithmContext): readonly SymbolId[] {
    const due = this.schedule.tick(ctx.time);
    if (!due && !this.first) return this.current;
    this.first = false;
    const next = parseSymbolList(this.selector(ctx), 'selector');
    if (sameMembers(this.current, next)) return this.current;
    requireAvailable(ctx, next, 'selector');
    this.current = Object.freeze(next);
    return this.current;
  }
}

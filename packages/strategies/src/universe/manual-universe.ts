import type { AlgorithmContext, SymbolId, UniverseSelectionModel } from '@alphaswarm/core';
import { parseSymbolList, requireAvailable, sameMembers } from './membership.js';

/** Options of {@link ManualUniverse}. */
export interface ManualUniverseOptions {
  /** The initial symbols (default none), as objects or `TICKER.VENUE` text. */
  readonly symbols?: readonly (SymbolId | string)[];
  /** Model name (default `ManualUniverse`). */
  readonly name?: string;
}

/**
 * A universe changed by hand while the algorithm runs (LEAN's
 * `AddEquity`/`RemoveSecurity` on a manual universe): {@link ManualUniverse.add} and
 * {@link ManualUniverse.remove} edit the membership, and the next `select` returns a
 * new array object only when the members differ from what it last returned (an add
 * undone by a remove before the next bar is no change). Members keep the order in
 * which they were added. Every new membership is checked against the data feed.
 */
export class ManualUniverse implements UniverseSelectionModel {
  /** Model name. */
  readonly name: string;
  private readonly members = new Set<SymbolId>();
  private current: readonly SymbolId[] = Object.freeze([]);
  private dirty = true;

  /** @throws `InvalidArgumentError` when an initial symbol does not parse (path `symbols.<i>`). */
  constructor(options: ManualUniverseOptions = {}) {
    this.name = options.name ?? 'ManualUniverse';
    for (const s of parseSymbolList(options.symbols ?? [], 'symbols')) this.members.add(s);
  }

  /** The members now (including edits not yet returned by `select`), in order of addition. */
  get symbols(): readonly SymbolId[] {
    return [...this.members];
  }

  /**
   * Adds symbols; those already members are ignored. Returns the number actually added.
   *
   * @throws `InvalidArgumentError` when a symbol does not parse (path `symbols.<i>`).
   */
  add(...symbols: (SymbolId | string)[]): number {
    let added = 0;
    for (const s of parseSymbolList(symbols, 'symbols')) {
      if (this.members.has(s)) continue;
      this.members.add(s);
      added += 1;
    }
    if (added > 0) this.dirty = true;
    return added;
  }

  /**
   * Removes symbols; non-members are ignored. Returns the number actually removed.
   *
   * @throws `InvalidArgumentError` when a symbol does not parse (path `symbols.<i>`).
   */
  remove(...symbols: (SymbolId | string)[]): number {
    let removed = 0;
    for (const s of parseSymbolList(symbols, 'symbols')) if (this.members.delete(s)) removed += 1;
    if (removed > 0) this.dirty = true;
    return removed;
  }

  /**
   * The members: the same array object as last time unless they changed.
   *
   * @throws `InvalidArgumentError` when a new member is not carried by the data feed.
   */
  select(ctx: AlgorithmContext): readonly SymbolId[] {
    if (!this.dirty) return this.current;
    const next = [...this.members];
    if (!sameMembers(this.current, next)) {
      requireAvailable(ctx, next, 'symbols');
      this.current = Object.freeze(next);
    }
    this.dirty = false;
    return this.current;
  }
}

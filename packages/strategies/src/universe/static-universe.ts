import type { AlgorithmContext, SymbolId, UniverseSelectionModel } from '@alphaswarm/core';
import { parseSymbolList, requireAvailable } from './membership.js';

/** Options of {@link StaticUniverse}. */
export interface StaticUniverseOptions {
  /** The symbols, as objects or `TICKER.VENUE` text; repeats are dropped, order kept. */
  readonly symbols: readonly (SymbolId | string)[];
  /** Model name (default `StaticUniverse`). */
  readonly name?: string;
}

/**
 * A fixed list of symbols (LEAN's `ManualUniverseSelectionModel` without runtime
 * changes). `select` returns the same frozen array object on every call, so the
 * engine raises one `onSecuritiesChanged` (all added) on the first bar and none after.
 * On the first call it checks that the data feed carries every symbol.
 */
export class StaticUniverse implements UniverseSelectionModel {
  /** Model name. */
  readonly name: string;
  /** The symbols, frozen; the array `select` returns. */
  readonly symbols: readonly SymbolId[];
  private checked = false;

  /** @throws `InvalidArgumentError` when a symbol does not parse (path `symbols.<i>`). */
  constructor(options: StaticUniverseOptions) {
    this.name = options.name ?? 'StaticUniverse';
    this.symbols = Object.freeze(parseSymbolList(options.symbols, 'symbols'));
  }

  /**
   * The symbols (always the same array object).
   *
   * @throws `InvalidArgumentError` on the first call when the data feed lacks a symbol.
   */
  select(ctx: AlgorithmContext): readonly SymbolId[] {
    if (!this.checked) {
      requireAvailable(ctx, this.symbols, 'symbols');
      this.checked = true;
    }
    return this.symbols;
  }
}

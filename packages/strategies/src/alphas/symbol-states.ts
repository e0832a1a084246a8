import type { AlgorithmContext, BarView, InsightInit, SecurityChanges, Slice, SymbolId } from '@alphaswarm/core';
import { NO_INSIGHTS } from './insight-template.js';

/**
 * The per-symbol states of an alpha, kept in step with its universe: created (and
 * warmed up) when a symbol joins, dropped when it leaves, and lined up with a slice's
 * symbols for the per-bar loop. Internal.
 *
 * The engine hands the same symbols array from slice to slice on aligned data (a
 * slice never changes it in place), so {@link SymbolStates.inOrderOf} looks the states
 * up once per array rather than once per bar and symbol.
 */
export class SymbolStates<S> {
  private readonly states = new Map<SymbolId, S>();
  private orderedFor: readonly SymbolId[] | undefined;
  private ordered: (S | undefined)[] = [];

  /** @param create - builds the state of a joining symbol, warmed up from the bars before the current one */
  constructor(private readonly create: (ctx: AlgorithmContext, symbol: SymbolId) => S) {}

  /** The states by symbol, in the order the symbols joined. */
  entries(): IterableIterator<[SymbolId, S]> {
    return this.states.entries();
  }

  /** The states of `symbols`, index for index (`undefined` for a symbol outside the universe). */
  inOrderOf(symbols: readonly SymbolId[]): readonly (S | undefined)[] {
    return symbols === this.orderedFor ? this.ordered : this.lineUp(symbols);
  }

  /**
   * The per-bar loop of an alpha: calls `onBar` for every symbol of the slice that has
   * a state and a bar with a finite close, in slice order, and gathers the insights it
   * returns (the shared frozen empty array when none). Pass a function made once, not
   * a new closure per call.
   */
  collect(slice: Slice, onBar: (symbol: SymbolId, state: S, bar: BarView) => InsightInit | undefined): readonly InsightInit[] {
    let out: InsightInit[] | undefined;
    const symbols = slice.symbols;
    const states = this.inOrderOf(symbols);
    for (let i = 0; i < symbols.length; i += 1) {
      const state = states[i];
      if (state === undefined) continue;
      const symbol = symbols[i] as SymbolId;
      const bar = slice.bar(symbol);
      if (bar === undefined || !Number.isFinite(bar.close)) continue;
      const insight = onBar(symbol, state, bar);
      if (insight !== undefined) (out ??= []).push(insight);
    }
    return out ?? NO_INSIGHTS;
  }

  /** Drops the states of removed symbols; creates those of added ones that have none. */
  apply(ctx: AlgorithmContext, changes: SecurityChanges): void {
    this.orderedFor = undefined;
    for (const symbol of changes.removed) this.states.delete(symbol);
    for (const symbol of changes.added) if (!this.states.has(symbol)) this.states.set(symbol, this.create(ctx, symbol));
  }

  /** Kept apart from `inOrderOf`: a closure there would allocate on every call. */
  private lineUp(symbols: readonly SymbolId[]): (S | undefined)[] {
    this.ordered = symbols.map((symbol) => this.states.get(symbol));
    this.orderedFor = symbols;
    return this.ordered;
  }
}

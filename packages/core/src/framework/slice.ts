import type { BarView } from '../orders/bar.js';
import type { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';

/**
 * The bars of one timestamp across symbols, as handed to `AlphaModel.update`.
 * A symbol with no bar at this timestamp is absent from `symbols` and `bar()`
 * returns `undefined` for it.
 *
 * The engine reuses one slice object and one bar view per symbol from bar to bar
 * (no allocation on the hot path): read what you need during the call, and copy
 * values, not the objects, if you keep them.
 */
export interface Slice {
  /** Timestamp of the bars, epoch ms. */
  readonly time: EpochMs;
  /**
   * Symbols with a bar at this timestamp, in the data's symbol order. Never changed
   * in place: a slice with other symbols gives another array, so a model may key a
   * cache on this array's identity.
   */
  readonly symbols: readonly SymbolId[];
  /** The bar of `symbol` at this timestamp, or `undefined`. */
  bar(symbol: SymbolId): BarView | undefined;
  /** True when `symbol` has a bar at this timestamp. */
  has(symbol: SymbolId): boolean;
}

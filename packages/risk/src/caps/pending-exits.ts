/**
 * Remembers the symbols a risk model has already asked to liquidate, so that it
 * decides once per exit instead of on every bar until the exit order fills.
 * Internal: not exported from the package.
 *
 * @module
 */
import type { AlgorithmContext, SymbolId } from '@alphaswarm/core';

/**
 * The exits a model has asked for and that are still being worked. An exit counts
 * as working while the symbol is still held AND has an open order; once the
 * position is flat the entry is forgotten, and when the position is still held
 * with no open order (the exit order was rejected, or the execution model dropped
 * it) the entry is forgotten too, so that the model decides again.
 *
 * @internal
 */
export class PendingExits {
  private readonly pending = new Set<SymbolId>();

  /** Number of exits remembered. */
  get size(): number {
    return this.pending.size;
  }

  /** Remembers that an exit of `symbol` was asked for. */
  add(symbol: SymbolId): void {
    this.pending.add(symbol);
  }

  /** True while the exit of `symbol` is still being worked (see the class comment). */
  isWorking(ctx: AlgorithmContext, symbol: SymbolId): boolean {
    if (!this.pending.has(symbol)) return false;
    if (ctx.portfolio.quantity(symbol) !== 0 && ctx.openOrders(symbol).length > 0) return true;
    this.pending.delete(symbol);
    return false;
  }

  /** Forgets the exits of symbols that are flat now. */
  forgetFlat(ctx: AlgorithmContext): void {
    if (this.pending.size === 0) return;
    for (const symbol of this.pending) if (ctx.portfolio.quantity(symbol) === 0) this.pending.delete(symbol);
  }
}

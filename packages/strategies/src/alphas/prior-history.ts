import type { AlgorithmContext, BarField, SymbolId } from '@alphaswarm/core';

const EMPTY = new Float64Array(0);

/**
 * The last `n` values of `field` for `symbol` **before** the current bar, oldest first
 * (`ctx.history` ends at the current bar when the symbol has one; this drops it, so
 * that `update` sees that bar once). Used to warm up a symbol's indicators when it
 * joins the universe. Empty when the symbol has no bar yet. Internal.
 */
export function priorHistory(ctx: AlgorithmContext, symbol: SymbolId, field: BarField, n: number): Float64Array {
  if (n <= 0 || ctx.securities.price(symbol) === undefined) return EMPTY;
  const last = ctx.history(symbol, 'timestamp', 1);
  const includesNow = last.length === 1 && last[0] === ctx.time;
  const values = ctx.history(symbol, field, includesNow ? n + 1 : n);
  return includesNow ? values.subarray(0, values.length - 1) : values;
}

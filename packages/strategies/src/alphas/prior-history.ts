import type { AlgorithmContext, BarField, EpochMs, SymbolId } from '@alphaswarm/core';

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

/**
 * Feeds the finite closes of the `n` bars before the current one to `step`, oldest
 * first, with their times: how an alpha warms up the state of a joining symbol. Internal.
 */
export function replayPriorCloses(ctx: AlgorithmContext, symbol: SymbolId, n: number, step: (close: number, time: EpochMs) => void): void {
  const closes = priorHistory(ctx, symbol, 'close', n);
  const times = priorHistory(ctx, symbol, 'timestamp', n);
  for (let i = 0; i < closes.length; i += 1) {
    const close = closes[i] as number;
    if (Number.isFinite(close)) step(close, times[i] as number);
  }
}

import type { AlgorithmContext, BarView, SymbolId } from '@alphaswarm/core';

/** The bar of `symbol` at the current time (a reused view), or `undefined` when it has no bar now. */
export function currentBar(ctx: AlgorithmContext, symbol: SymbolId): BarView | undefined {
  const bar = ctx.securities.lastBar(symbol);
  return bar !== undefined && bar.time === ctx.time ? bar : undefined;
}

import type { AlgorithmContext, SymbolId } from '@alphaswarm/core';

/**
 * Per-bar simple returns `close_t / close_{t−1} − 1` of `symbols` over their last
 * `lookback + 1` closes, aligned on the timestamps common to all of them (a return
 * spans two consecutive common timestamps, so a bar one symbol lacks merges into the
 * next return instead of pairing different dates). At most `lookback` returns per
 * symbol, the most recent last; all columns have the same length (0 when there is
 * not enough common history). Reads `ctx.history` only, so nothing after the
 * current bar is seen.
 */
export function alignedReturns(ctx: AlgorithmContext, symbols: readonly SymbolId[], lookback: number): Float64Array[] {
  const n = symbols.length;
  if (n === 0) return [];
  const times = symbols.map((s) => ctx.history(s, 'timestamp', lookback + 1));
  const closes = symbols.map((s) => ctx.history(s, 'close', lookback + 1));
  let common = times[0] as Float64Array;
  for (let i = 1; i < n; i++) common = intersectSorted(common, times[i] as Float64Array);
  const t = Math.max(0, common.length - 1);
  return symbols.map((_, i) => {
    const ts = times[i] as Float64Array;
    const cs = closes[i] as Float64Array;
    const out = new Float64Array(t);
    let row = 0;
    let previous = Number.NaN;
    for (let k = 0; k < common.length; k++) {
      const time = common[k] as number;
      while ((ts[row] as number) < time) row++;
      const close = cs[row] as number;
      if (k > 0) out[k - 1] = close / previous - 1;
      previous = close;
    }
    return out;
  });
}

/** Intersection of two strictly increasing arrays. */
function intersectSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out[k++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, k);
}

import type { BarFrame } from '@alphaswarm/core';

/**
 * The same crossover strategy as the pipeline benchmark, written as one tight loop
 * over typed arrays: per symbol, streaming SMA(fast) and SMA(slow); a golden cross
 * targets an equal weight long, a death cross a short, filled at the next bar's open.
 * It keeps a cash ledger so the fills cost what the pipeline's do. A yardstick, not
 * a product: no event log, no risk, no validation.
 */
export function crossoverLoop(frame: BarFrame, fast: number, slow: number, initialCash: number): { fills: number; equity: number } {
  const symbols = frame.symbols;
  const n = symbols.length;
  const series = symbols.map((s) => frame.series(s));
  const length = series[0]?.close.length ?? 0;
  const fastSum = new Float64Array(n);
  const slowSum = new Float64Array(n);
  const state = new Int8Array(n);
  const target = new Float64Array(n);
  const position = new Float64Array(n);
  const pending = new Uint8Array(n);
  let cash = initialCash;
  let fills = 0;
  for (let t = 0; t < length; t += 1) {
    let equity = cash;
    for (let s = 0; s < n; s += 1) {
      const col = series[s]!;
      if (pending[s] === 1) {
        const qty = target[s]! - position[s]!;
        cash -= qty * col.open[t]!;
        position[s] = target[s]!;
        pending[s] = 0;
        fills += 1;
      }
      const close = col.close[t]!;
      fastSum[s]! += close;
      slowSum[s]! += close;
      if (t >= fast) fastSum[s]! -= col.close[t - fast]!;
      if (t >= slow) slowSum[s]! -= col.close[t - slow]!;
      equity += position[s]! * close;
    }
    if (t + 1 < slow) continue;
    for (let s = 0; s < n; s += 1) {
      const diff = fastSum[s]! / fast - slowSum[s]! / slow;
      const sign = diff > 0 ? 1 : diff < 0 ? -1 : 0;
      if (sign === 0 || sign === state[s]) continue;
      state[s] = sign;
      const price = series[s]!.close[t]!;
      target[s] = Math.trunc((sign * equity) / n / price);
      pending[s] = 1;
    }
  }
  let equity = cash;
  for (let s = 0; s < n; s += 1) equity += position[s]! * series[s]!.close[length - 1]!;
  return { fills, equity };
}

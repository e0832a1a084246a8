/**
 * Returns of bar closes, and the alignment of several symbols' closes on their
 * common timestamps: what the MCP tools and the research debate compute statistics on.
 *
 * @module
 */
import { InvalidArgumentError } from '@alphaswarm/core';
import type { BarSeries, EpochMs } from '@alphaswarm/core';

/** How a period return is computed from two closes: `log` = ln(c_t / c_{t−1}), `simple` = c_t / c_{t−1} − 1. */
export type ReturnKind = 'log' | 'simple';

/** Several symbols' simple returns on their common timestamps, from {@link alignedReturns}. */
export interface AlignedReturns {
  /** One series per input series (same order): simple returns between consecutive common timestamps. */
  readonly returns: readonly Float64Array[];
  /** Number of returns per series. */
  readonly observations: number;
  /** Timestamp of the first close used (the base of the first return), epoch ms. */
  readonly start: EpochMs;
  /** Timestamp of the last close used, epoch ms. */
  readonly end: EpochMs;
}

/**
 * The last `count` period returns of a close series (fewer when the series is
 * shorter), oldest first: `log` or `simple` (see {@link ReturnKind}).
 *
 * @param close - closes, oldest first, all > 0 (as in a validated `BarFrame`)
 * @param count - the most returns wanted, a positive integer
 */
export function closeReturns(close: ArrayLike<number>, count: number, kind: ReturnKind): Float64Array {
  const n = Math.max(0, Math.min(count, close.length - 1));
  const out = new Float64Array(n);
  const first = close.length - n;
  for (let i = 0; i < n; i += 1) {
    const previous = close[first + i - 1] ?? Number.NaN;
    const current = close[first + i] ?? Number.NaN;
    out[i] = kind === 'log' ? Math.log(current / previous) : current / previous - 1;
  }
  return out;
}

/**
 * Sample standard deviation (divisor n − 1) by the two-pass formula; NaN for fewer
 * than two values.
 */
export function sampleStandardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += values[i] ?? 0;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i += 1) {
    const d = (values[i] ?? 0) - mean;
    squares += d * d;
  }
  return Math.sqrt(squares / (n - 1));
}

/**
 * Aligns several symbols' closes on the timestamps they ALL have (their
 * intersection), and returns the last `lookback` simple returns between consecutive
 * common timestamps (fewer when the common history is shorter), one series per
 * symbol, in the order given. A timestamp some symbol lacks is skipped for all, so
 * a return may span a gap; rows stay aligned in time, as a Monte Carlo bootstrap of
 * whole rows needs.
 *
 * @param series - the bars of each symbol (e.g. `BarFrame.series`)
 * @param lookback - the most returns wanted, a positive integer
 * @throws InvalidArgumentError (`symbols`) when the symbols share fewer than 3
 *   timestamps (fewer than 2 returns)
 */
export function alignedReturns(series: readonly BarSeries[], lookback: number): AlignedReturns {
  const k = series.length;
  const cursors = new Int32Array(k);
  const rows: number[][] = series.map(() => []);
  const times: number[] = [];
  // k-way intersection of strictly increasing timestamp arrays.
  outer: for (;;) {
    let target = Number.NEGATIVE_INFINITY;
    for (let s = 0; s < k; s += 1) {
      const ts = (series[s] as BarSeries).timestamp;
      const at = cursors[s] ?? 0;
      if (at >= ts.length) break outer;
      target = Math.max(target, ts[at] ?? Number.NaN);
    }
    let matched = true;
    for (let s = 0; s < k; s += 1) {
      const ts = (series[s] as BarSeries).timestamp;
      let at = cursors[s] ?? 0;
      while (at < ts.length && (ts[at] ?? Number.NaN) < target) at += 1;
      cursors[s] = at;
      if (at >= ts.length) break outer;
      if (ts[at] !== target) matched = false;
    }
    if (!matched) continue;
    times.push(target);
    for (let s = 0; s < k; s += 1) {
      const at = cursors[s] ?? 0;
      (rows[s] as number[]).push((series[s] as BarSeries).close[at] ?? Number.NaN);
      cursors[s] = at + 1;
    }
  }
  if (times.length < 3) {
    throw new InvalidArgumentError(
      'symbols',
      series.map((s) => s.symbol.value),
      `symbols with at least 3 common bar timestamps (they share ${times.length})`,
    );
  }
  const returns = rows.map((closes) => closeReturns(closes, lookback, 'simple'));
  const observations = returns[0]?.length ?? 0;
  return {
    returns,
    observations,
    start: times[times.length - 1 - observations] ?? Number.NaN,
    end: times[times.length - 1] ?? Number.NaN,
  };
}

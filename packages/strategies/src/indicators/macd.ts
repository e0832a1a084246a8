import { SeededAverage } from './seeded-average.js';
import type { StreamingIndicator } from './streaming-indicator.js';
import { requirePeriod } from './validate.js';

/** The three lines of {@link macd}, each as long as the input. */
export interface MacdResult {
  /** `EMA(fast) − EMA(slow)`, `NaN` for the first `max(fast, slow) − 1` values. */
  readonly macd: Float64Array;
  /** EMA of the MACD line over `signal` (seeded with the mean of its first `signal` values). */
  readonly signal: Float64Array;
  /** `macd − signal`, defined where the signal is. */
  readonly histogram: Float64Array;
}

/**
 * Streaming MACD, R's TTR `MACD(percent = FALSE)` convention with EMAs on both legs:
 *
 * - `macd = EMA(fast) − EMA(slow)` (each EMA seeded with the mean of its first
 *   values, ratio `2/(p+1)`), defined from the `max(fast, slow)`-th value;
 * - `signal` = EMA of the MACD line over `signal`, seeded with the mean of the first
 *   `signal` MACD values, ratio `2/(signal+1)`;
 * - `histogram = macd − signal`.
 *
 * With the defaults (12, 26, 9) the MACD line starts at index 25 and the signal and
 * histogram at index 33. `update` returns the MACD line (defined before `ready`);
 * `ready` (and `lookback = max(fast, slow) + signal − 2`) refer to all three lines.
 * Non-finite inputs are gaps (see {@link StreamingIndicator}).
 */
export class MacdIndicator implements StreamingIndicator {
  /** The fast EMA period. */
  readonly fast: number;
  /** The slow EMA period. */
  readonly slow: number;
  /** The signal EMA period. */
  readonly signalPeriod: number;
  /** `max(fast, slow) + signal − 2`. */
  readonly lookback: number;
  private readonly fastAverage: SeededAverage;
  private readonly slowAverage: SeededAverage;
  private readonly signalAverage: SeededAverage;
  private bars = 0;
  private currentMacd = NaN;
  private currentSignal = NaN;
  private currentHistogram = NaN;

  /**
   * @param fast - fast EMA period, a positive integer (default 12)
   * @param slow - slow EMA period, a positive integer (default 26)
   * @param signal - signal EMA period, a positive integer (default 9)
   */
  constructor(fast = 12, slow = 26, signal = 9) {
    this.fast = requirePeriod('fast', fast);
    this.slow = requirePeriod('slow', slow);
    this.signalPeriod = requirePeriod('signal', signal);
    this.lookback = Math.max(fast, slow) + signal - 2;
    this.fastAverage = new SeededAverage(fast, 2 / (fast + 1));
    this.slowAverage = new SeededAverage(slow, 2 / (slow + 1));
    this.signalAverage = new SeededAverage(signal, 2 / (signal + 1));
  }

  /** True once the signal line is defined (`lookback + 1` valid values). */
  get ready(): boolean {
    return this.bars > this.lookback;
  }

  /** The MACD line for the most recent value (same as {@link MacdIndicator.macd}). */
  get value(): number {
    return this.currentMacd;
  }

  /** The MACD line `EMA(fast) − EMA(slow)` for the most recent value. */
  get macd(): number {
    return this.currentMacd;
  }

  /** The signal line for the most recent value. */
  get signal(): number {
    return this.currentSignal;
  }

  /** `macd − signal` for the most recent value. */
  get histogram(): number {
    return this.currentHistogram;
  }

  /** Consumes one value and returns the MACD line; read `signal` and `histogram` after. */
  update(x: number): number {
    if (!Number.isFinite(x)) return this.clear();
    this.bars++;
    const line = this.fastAverage.push(x) - this.slowAverage.push(x);
    if (Number.isNaN(line)) return this.clear();
    const signal = this.signalAverage.push(line);
    this.currentSignal = signal;
    this.currentHistogram = line - signal;
    return (this.currentMacd = line);
  }

  /** Forgets every value. */
  reset(): void {
    this.fastAverage.reset();
    this.slowAverage.reset();
    this.signalAverage.reset();
    this.bars = 0;
    this.clear();
  }

  private clear(): number {
    this.currentSignal = NaN;
    this.currentHistogram = NaN;
    return (this.currentMacd = NaN);
  }
}

/**
 * MACD of `values` (R's TTR `MACD(x, nFast, nSlow, nSig, percent = FALSE)` with EMAs):
 * see {@link MacdIndicator}. With (12, 26, 9): `macd` is `NaN` before index 25,
 * `signal` and `histogram` before index 33. Runs {@link MacdIndicator}, so it agrees
 * with the streaming form bit for bit.
 *
 * @param values - the input series
 * @param fast - fast EMA period (default 12)
 * @param slow - slow EMA period (default 26)
 * @param signal - signal EMA period (default 9)
 */
export function macd(values: ArrayLike<number>, fast = 12, slow = 26, signal = 9): MacdResult {
  const indicator = new MacdIndicator(fast, slow, signal);
  const length = values.length;
  const line = new Float64Array(length);
  const signalLine = new Float64Array(length);
  const histogram = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    line[i] = indicator.update(values[i] ?? NaN);
    signalLine[i] = indicator.signal;
    histogram[i] = indicator.histogram;
  }
  return { macd: line, signal: signalLine, histogram };
}

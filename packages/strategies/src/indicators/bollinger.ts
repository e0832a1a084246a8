import { RollingMoments } from './rolling-moments.js';
import type { StreamingIndicator } from './streaming-indicator.js';
import { requirePeriod, requirePositiveNumber } from './validate.js';

/** The bands of {@link bollinger}, each as long as the input. */
export interface BollingerResult {
  /** `middle + k·sd`. */
  readonly upper: Float64Array;
  /** The simple moving average over `n` (bit for bit {@link sma}). */
  readonly middle: Float64Array;
  /** `middle − k·sd`. */
  readonly lower: Float64Array;
  /** `%B = (x − lower)/(upper − lower)`: 0 on the lower band, 1 on the upper; 0.5 when the bands coincide. */
  readonly percentB: Float64Array;
}

/**
 * Streaming Bollinger bands, R's TTR `BBands` convention:
 *
 * - `middle` = SMA of the last `n` valid values (bit for bit {@link SmaIndicator});
 * - `sd` = **population** standard deviation of the same window (divisor `n`);
 * - `upper = middle + k·sd`, `lower = middle − k·sd`;
 * - `percentB = (x − lower)/(upper − lower)`, and 0.5 when the window is flat
 *   (`sd = 0`, the bands coincide with the value).
 *
 * First output on the `n`-th value (`lookback = n − 1`). `update` returns the middle
 * band; read `upper`, `lower`, `percentB` after it. The standard deviation is kept in
 * O(1) per value (a fixed-window Welford update on deviations, recomputed two-pass
 * every `n` values so rounding drift stays bounded). Non-finite inputs are gaps (see
 * {@link StreamingIndicator}).
 */
export class BollingerIndicator implements StreamingIndicator {
  /** The window length. */
  readonly n: number;
  /** The band width in standard deviations. */
  readonly k: number;
  /** `n − 1`. */
  readonly lookback: number;
  private readonly window: RollingMoments;
  private bars = 0;
  private currentUpper = NaN;
  private currentMiddle = NaN;
  private currentLower = NaN;
  private currentPercentB = NaN;

  /**
   * @param n - window length, a positive integer (default 20)
   * @param k - band width in population standard deviations, finite and positive (default 2)
   */
  constructor(n = 20, k = 2) {
    this.n = requirePeriod('n', n);
    this.k = requirePositiveNumber('k', k);
    this.lookback = n - 1;
    this.window = new RollingMoments(n);
  }

  /** True once `n` valid values have been seen. */
  get ready(): boolean {
    return this.bars > this.lookback;
  }

  /** The middle band for the most recent value (same as {@link BollingerIndicator.middle}). */
  get value(): number {
    return this.currentMiddle;
  }

  /** The upper band for the most recent value. */
  get upper(): number {
    return this.currentUpper;
  }

  /** The middle band (SMA) for the most recent value. */
  get middle(): number {
    return this.currentMiddle;
  }

  /** The lower band for the most recent value. */
  get lower(): number {
    return this.currentLower;
  }

  /** %B for the most recent value. */
  get percentB(): number {
    return this.currentPercentB;
  }

  /** Consumes one value and returns the middle band. */
  update(x: number): number {
    if (!Number.isFinite(x)) return this.clear();
    this.bars++;
    const window = this.window;
    window.push(x);
    if (!window.full) return this.clear();
    const middle = window.mean;
    const width = this.k * Math.sqrt(window.sumSquaredDeviations / this.n);
    const upper = middle + width;
    const lower = middle - width;
    const span = upper - lower;
    this.currentUpper = upper;
    this.currentLower = lower;
    this.currentPercentB = span > 0 ? (x - lower) / span : 0.5;
    return (this.currentMiddle = middle);
  }

  /** Forgets every value. */
  reset(): void {
    this.window.reset();
    this.bars = 0;
    this.clear();
  }

  private clear(): number {
    this.currentUpper = NaN;
    this.currentLower = NaN;
    this.currentPercentB = NaN;
    return (this.currentMiddle = NaN);
  }
}

/**
 * Bollinger bands of `values` (R's TTR `BBands`, population standard deviation): see
 * {@link BollingerIndicator}. Every output is `NaN` for the first `n − 1` values. Runs
 * {@link BollingerIndicator}, so it agrees with the streaming form bit for bit.
 *
 * @param values - the input series
 * @param n - window length, a positive integer (default 20)
 * @param k - band width in standard deviations, finite and positive (default 2)
 */
export function bollinger(values: ArrayLike<number>, n = 20, k = 2): BollingerResult {
  const indicator = new BollingerIndicator(n, k);
  const length = values.length;
  const upper = new Float64Array(length);
  const middle = new Float64Array(length);
  const lower = new Float64Array(length);
  const percentB = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    middle[i] = indicator.update(values[i] ?? NaN);
    upper[i] = indicator.upper;
    lower[i] = indicator.lower;
    percentB[i] = indicator.percentB;
  }
  return { upper, middle, lower, percentB };
}

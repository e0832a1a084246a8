import { RollingMoments } from './rolling-moments.js';
import { runSeries, type StreamingIndicator } from './streaming-indicator.js';
import { requirePeriod } from './validate.js';

/**
 * Streaming rolling z-score: `(x − mean)/sd` over the last `n` valid values, current
 * value included, with the **sample** standard deviation (divisor `n − 1`, as R's
 * TTR `runSD` by default); 0 when the window is flat (`sd = 0`). Needs `n ≥ 2`. First
 * output on the `n`-th value (`lookback = n − 1`). The moments are kept in O(1) per
 * value (fixed-window Welford update, recomputed two-pass every `n` values).
 * Non-finite inputs are gaps (see {@link StreamingIndicator}).
 */
export class ZScoreIndicator implements StreamingIndicator {
  /** The window length. */
  readonly n: number;
  /** `n − 1`. */
  readonly lookback: number;
  private readonly window: RollingMoments;
  private bars = 0;
  private current = NaN;

  /** @param n - window length, an integer ≥ 2 */
  constructor(n: number) {
    this.n = requirePeriod('n', n, 2);
    this.lookback = n - 1;
    this.window = new RollingMoments(n);
  }

  /** True once `n` valid values have been seen. */
  get ready(): boolean {
    return this.bars > this.lookback;
  }

  /** The z-score for the most recent value (`NaN` during warm-up and on a gap). */
  get value(): number {
    return this.current;
  }

  /** Consumes one value and returns its z-score within the last `n` valid values. */
  update(x: number): number {
    if (!Number.isFinite(x)) return (this.current = NaN);
    this.bars++;
    const window = this.window;
    window.push(x);
    if (!window.full) return (this.current = NaN);
    const sd = Math.sqrt(window.sumSquaredDeviations / (this.n - 1));
    return (this.current = sd > 0 ? (x - window.mean) / sd : 0);
  }

  /** Forgets every value. */
  reset(): void {
    this.window.reset();
    this.bars = 0;
    this.current = NaN;
  }
}

/**
 * Rolling z-score `(x[t] − mean)/sd` over `values[t−n+1..t]`, sample standard deviation
 * (divisor `n − 1`), 0 for a flat window: see {@link ZScoreIndicator}. The first
 * `n − 1` outputs are `NaN`. Runs {@link ZScoreIndicator}, so it agrees with the
 * streaming form bit for bit.
 *
 * @param values - the input series
 * @param n - window length, an integer ≥ 2
 */
export function zScore(values: ArrayLike<number>, n: number): Float64Array {
  return runSeries(new ZScoreIndicator(n), values);
}

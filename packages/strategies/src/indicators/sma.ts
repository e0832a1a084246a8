import { RollingSum } from './rolling-sum.js';
import { runSeries, type StreamingIndicator } from './streaming-indicator.js';
import { requirePeriod } from './validate.js';

/**
 * Streaming simple moving average: the arithmetic mean of the last `n` valid values
 * (R's TTR `SMA`). First output after `n` values (`lookback = n − 1`). The window sum
 * is updated as `sum += x − old` and recomputed exactly every `n` values, so rounding
 * drift stays bounded. Non-finite inputs are gaps (see {@link StreamingIndicator}).
 */
export class SmaIndicator implements StreamingIndicator {
  /** The window length. */
  readonly n: number;
  /** `n − 1`. */
  readonly lookback: number;
  private readonly window: RollingSum;
  private bars = 0;
  private current = NaN;

  /** @param n - window length, a positive integer */
  constructor(n: number) {
    this.n = requirePeriod('n', n);
    this.lookback = n - 1;
    this.window = new RollingSum(n);
  }

  /** True once `n` valid values have been seen. */
  get ready(): boolean {
    return this.bars > this.lookback;
  }

  /** The mean for the most recent value (`NaN` during warm-up and on a gap). */
  get value(): number {
    return this.current;
  }

  /** Consumes one value and returns the mean of the last `n` valid values. */
  update(x: number): number {
    if (!Number.isFinite(x)) return (this.current = NaN);
    this.bars++;
    const window = this.window;
    window.push(x);
    return (this.current = window.full ? window.sum / this.n : NaN);
  }

  /** Forgets every value. */
  reset(): void {
    this.window.reset();
    this.bars = 0;
    this.current = NaN;
  }
}

/**
 * Simple moving average of `values` over `n` (R's TTR `SMA`): `out[t]` is the mean of
 * `values[t−n+1..t]`; the first `n − 1` outputs are `NaN`. Runs {@link SmaIndicator},
 * so it agrees with the streaming form bit for bit; a non-finite input gives `NaN`
 * there and is skipped by the window.
 *
 * @param values - the input series
 * @param n - window length, a positive integer
 */
export function sma(values: ArrayLike<number>, n: number): Float64Array {
  return runSeries(new SmaIndicator(n), values);
}

import { runSeries, type StreamingIndicator } from './streaming-indicator.js';
import { requirePeriod } from './validate.js';

/**
 * Streaming linearly weighted moving average (R's TTR `WMA` with its default weights
 * `1:n`): the newest of the last `n` valid values has weight `n`, the oldest weight 1,
 * divided by `n(n+1)/2`. First output on the `n`-th value (`lookback = n − 1`).
 *
 * O(1) per value: with `S` the window sum and `W` the weighted sum, a new value `x`
 * replacing `old` gives `W ← W − S + n·x` and `S ← S + x − old`; both are recomputed
 * exactly from the window every `n` values so rounding drift stays bounded.
 * Non-finite inputs are gaps (see {@link StreamingIndicator}).
 */
export class WmaIndicator implements StreamingIndicator {
  /** The window length. */
  readonly n: number;
  /** `n − 1`. */
  readonly lookback: number;
  private readonly window: Float64Array;
  private readonly denominator: number;
  private head = 0;
  private bars = 0;
  private sum = 0;
  private weighted = 0;
  private current = NaN;

  /** @param n - window length, a positive integer */
  constructor(n: number) {
    this.n = requirePeriod('n', n);
    this.lookback = n - 1;
    this.window = new Float64Array(n);
    this.denominator = (n * (n + 1)) / 2;
  }

  /** True once `n` valid values have been seen. */
  get ready(): boolean {
    return this.bars > this.lookback;
  }

  /** The WMA for the most recent value (`NaN` during warm-up and on a gap). */
  get value(): number {
    return this.current;
  }

  /** Consumes one value and returns the weighted mean of the last `n` valid values. */
  update(x: number): number {
    if (!Number.isFinite(x)) return (this.current = NaN);
    const n = this.n;
    const window = this.window;
    this.bars++;
    if (this.bars > n) {
      // The index is always in [0, n): the read cannot be undefined.
      const old = window[this.head] as number;
      this.weighted = this.weighted - this.sum + n * x;
      this.sum += x - old;
    }
    window[this.head] = x;
    if (++this.head === n) {
      // Oldest value at index 0 (weight 1), newest at n − 1 (weight n).
      this.head = 0;
      let sum = 0;
      let weighted = 0;
      for (let i = 0; i < n; i++) {
        const v = window[i] as number;
        sum += v;
        weighted += (i + 1) * v;
      }
      this.sum = sum;
      this.weighted = weighted;
    }
    return (this.current = this.bars >= n ? this.weighted / this.denominator : NaN);
  }

  /** Forgets every value. */
  reset(): void {
    this.head = 0;
    this.bars = 0;
    this.sum = 0;
    this.weighted = 0;
    this.current = NaN;
  }
}

/**
 * Linearly weighted moving average of `values` over `n` (R's TTR `WMA`, weights
 * `1..n`, newest heaviest): `out[t] = Σ_{j=1..n} j·x[t−n+j] / (n(n+1)/2)`. The first
 * `n − 1` outputs are `NaN`. Runs {@link WmaIndicator}, so it agrees with the streaming
 * form bit for bit.
 *
 * @param values - the input series
 * @param n - window length, a positive integer
 */
export function wma(values: ArrayLike<number>, n: number): Float64Array {
  return runSeries(new WmaIndicator(n), values);
}

import { runSeries, type StreamingIndicator } from './streaming-indicator.js';
import { requirePeriod } from './validate.js';

/**
 * Streaming rate of change, discrete (R's TTR `ROC(type = "discrete")`):
 * `x[t]/x[t−n] − 1`, as a fraction (0.05 = +5%), over the last `n + 1` valid values.
 * First output on the `(n+1)`-th value (`lookback = n`). A zero base gives `±Infinity`
 * (or `NaN` for 0/0), as IEEE division does. Non-finite inputs are gaps (see
 * {@link StreamingIndicator}).
 */
export class RocIndicator implements StreamingIndicator {
  /** The look-back in values. */
  readonly n: number;
  /** `n`. */
  readonly lookback: number;
  private readonly window: Float64Array;
  private head = 0;
  private bars = 0;
  private current = NaN;

  /** @param n - look-back, a positive integer */
  constructor(n: number) {
    this.n = requirePeriod('n', n);
    this.lookback = n;
    this.window = new Float64Array(n);
  }

  /** True once `n + 1` valid values have been seen. */
  get ready(): boolean {
    return this.bars > this.lookback;
  }

  /** The rate of change for the most recent value (`NaN` during warm-up and on a gap). */
  get value(): number {
    return this.current;
  }

  /** Consumes one value and returns `x / x[n values ago] − 1`. */
  update(x: number): number {
    if (!Number.isFinite(x)) return (this.current = NaN);
    const window = this.window;
    // The slot about to be overwritten holds the value n valid values ago; the index
    // is always in [0, n), so the read cannot be undefined.
    const result = this.bars >= this.n ? x / (window[this.head] as number) - 1 : NaN;
    window[this.head] = x;
    if (++this.head === this.n) this.head = 0;
    this.bars++;
    return (this.current = result);
  }

  /** Forgets every value. */
  reset(): void {
    this.head = 0;
    this.bars = 0;
    this.current = NaN;
  }
}

/**
 * Discrete rate of change (R's TTR `ROC(x, n, type = "discrete")`):
 * `out[t] = x[t]/x[t−n] − 1`, a fraction; the first `n` outputs are `NaN`. Runs
 * {@link RocIndicator}, so it agrees with the streaming form bit for bit.
 *
 * @param values - the input series
 * @param n - look-back, a positive integer
 */
export function roc(values: ArrayLike<number>, n: number): Float64Array {
  return runSeries(new RocIndicator(n), values);
}

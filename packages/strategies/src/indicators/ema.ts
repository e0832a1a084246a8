import { SeededAverage } from './seeded-average.js';
import { runSeries, type StreamingIndicator } from './streaming-indicator.js';
import { requirePeriod } from './validate.js';

/**
 * Streaming exponential moving average, R's TTR `EMA` convention: seeded with the
 * simple average of the first `n` valid values (first output on the `n`-th value,
 * `lookback = n − 1`), then `ema ← ema + α·(x − ema)` with `α = 2/(n+1)`.
 * Non-finite inputs are gaps (see {@link StreamingIndicator}).
 */
export class EmaIndicator implements StreamingIndicator {
  /** The period. */
  readonly n: number;
  /** `n − 1`. */
  readonly lookback: number;
  private readonly average: SeededAverage;
  private bars = 0;
  private current = NaN;

  /** @param n - period, a positive integer; the smoothing ratio is `2/(n+1)` */
  constructor(n: number) {
    this.n = requirePeriod('n', n);
    this.lookback = n - 1;
    this.average = new SeededAverage(n, 2 / (n + 1));
  }

  /** True once `n` valid values have been seen. */
  get ready(): boolean {
    return this.bars > this.lookback;
  }

  /** The EMA for the most recent value (`NaN` during warm-up and on a gap). */
  get value(): number {
    return this.current;
  }

  /** Consumes one value and returns the EMA. */
  update(x: number): number {
    if (!Number.isFinite(x)) return (this.current = NaN);
    this.bars++;
    return (this.current = this.average.push(x));
  }

  /** Forgets every value. */
  reset(): void {
    this.average.reset();
    this.bars = 0;
    this.current = NaN;
  }
}

/**
 * Exponential moving average of `values` (R's TTR `EMA`): seeded with the mean of the
 * first `n` values at index `n − 1`, then `ema[t] = ema[t−1] + α·(x[t] − ema[t−1])`,
 * `α = 2/(n+1)`. The first `n − 1` outputs are `NaN`. Runs {@link EmaIndicator}, so it
 * agrees with the streaming form bit for bit.
 *
 * @param values - the input series
 * @param n - period, a positive integer
 */
export function ema(values: ArrayLike<number>, n: number): Float64Array {
  return runSeries(new EmaIndicator(n), values);
}

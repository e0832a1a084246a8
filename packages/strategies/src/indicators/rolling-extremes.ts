import { MonotonicDeque } from './monotonic-deque.js';
import { runSeries, type StreamingIndicator } from './streaming-indicator.js';
import { requirePeriod } from './validate.js';

/**
 * Streaming rolling extreme — maximum or minimum — of the last `n` valid values (R's
 * TTR `runMax` / `runMin`), in amortised O(1) per value with a monotonic deque on a
 * preallocated ring buffer. First output on the `n`-th value (`lookback = n − 1`).
 * Non-finite inputs are gaps (see {@link StreamingIndicator}).
 * {@link RollingMaxIndicator} and {@link RollingMinIndicator} fix the side.
 */
export class RollingExtremeIndicator implements StreamingIndicator {
  /** The window length. */
  readonly n: number;
  /** `n − 1`. */
  readonly lookback: number;
  private readonly deque: MonotonicDeque;
  private current = NaN;

  /**
   * @param n - window length, a positive integer
   * @param keepsMax - true for the maximum, false for the minimum
   */
  constructor(n: number, keepsMax: boolean) {
    this.n = requirePeriod('n', n);
    this.lookback = n - 1;
    this.deque = new MonotonicDeque(n, keepsMax);
  }

  /** True once `n` valid values have been seen. */
  get ready(): boolean {
    return this.deque.full;
  }

  /** The extreme for the most recent value (`NaN` during warm-up and on a gap). */
  get value(): number {
    return this.current;
  }

  /** Consumes one value and returns the extreme of the last `n` valid values. */
  update(x: number): number {
    if (!Number.isFinite(x)) return (this.current = NaN);
    const deque = this.deque;
    deque.push(x);
    return (this.current = deque.full ? deque.extreme : NaN);
  }

  /** Forgets every value. */
  reset(): void {
    this.deque.reset();
    this.current = NaN;
  }
}

/** Streaming rolling maximum of the last `n` valid values (R's TTR `runMax`); see {@link RollingExtremeIndicator}. */
export class RollingMaxIndicator extends RollingExtremeIndicator {
  /** @param n - window length, a positive integer */
  constructor(n: number) {
    super(n, true);
  }
}

/** Streaming rolling minimum of the last `n` valid values (R's TTR `runMin`); see {@link RollingExtremeIndicator}. */
export class RollingMinIndicator extends RollingExtremeIndicator {
  /** @param n - window length, a positive integer */
  constructor(n: number) {
    super(n, false);
  }
}

/**
 * Rolling maximum of `values` over `n` (R's TTR `runMax`): `out[t] = max(x[t−n+1..t])`,
 * the first `n − 1` outputs `NaN`. Amortised O(1) per value. Runs
 * {@link RollingMaxIndicator}, so it agrees with the streaming form bit for bit.
 *
 * @param values - the input series
 * @param n - window length, a positive integer
 */
export function rollingMax(values: ArrayLike<number>, n: number): Float64Array {
  return runSeries(new RollingMaxIndicator(n), values);
}

/**
 * Rolling minimum of `values` over `n` (R's TTR `runMin`): `out[t] = min(x[t−n+1..t])`,
 * the first `n − 1` outputs `NaN`. Amortised O(1) per value. Runs
 * {@link RollingMinIndicator}, so it agrees with the streaming form bit for bit.
 *
 * @param values - the input series
 * @param n - window length, a positive integer
 */
export function rollingMin(values: ArrayLike<number>, n: number): Float64Array {
  return runSeries(new RollingMinIndicator(n), values);
}

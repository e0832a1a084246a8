/** An update that keeps less than this fraction of `m2` triggers a two-pass recomputation. */
const CANCELLATION = 2 ** -20;

/**
 * Mean and sum of squared deviations of the last `size` values pushed, updated in
 * O(1) per push on a ring buffer. Internal building block of Bollinger bands,
 * z-score and realized volatility.
 *
 * - The window sum is maintained exactly as in `RollingSum` (`sum += x - old`,
 *   recomputed exactly from the window at every wrap), and the mean is `sum / size`,
 *   so a Bollinger middle band is bit-for-bit the SMA.
 * - The sum of squared deviations `m2` uses the fixed-window Welford update
 *   `m2 += (x - old) * ((x - mean') + (old - mean))`, which works on deviations
 *   rather than raw squares (no catastrophic cancellation when the variance is small
 *   against the level). It is recomputed two-pass from the window at every wrap, so
 *   rounding drift stays bounded, and also whenever one update cancels all but less
 *   than 2⁻²⁰ of it (a spike leaving the window): the residue of such a cancellation
 *   would otherwise read as a spurious standard deviation of about √ε times the
 *   spike, e.g. on a window that has become flat. The recomputation is O(size), and
 *   happens at most once per such collapse, so the cost stays O(1) amortised on any
 *   realistic series; a flat window (m2 exactly 0) stays O(1).
 *
 * Only valid once `full`. Inputs are assumed finite.
 */
export class RollingMoments {
  /** The window length. */
  readonly size: number;
  private readonly window: Float64Array;
  private head = 0;
  private filled = 0;
  private total = 0;
  private m2 = 0;

  /** @param size - the window length, a positive integer (validated by the caller) */
  constructor(size: number) {
    this.size = size;
    this.window = new Float64Array(size);
  }

  /** True once `size` values have been pushed. */
  get full(): boolean {
    return this.filled === this.size;
  }

  /** The mean of the window, `sum / size` (meaningful once `full`). */
  get mean(): number {
    return this.total / this.size;
  }

  /** The sum of squared deviations from the mean, Σ(x − mean)² (meaningful once `full`). */
  get sumSquaredDeviations(): number {
    return this.m2;
  }

  /** Adds `x` to the window, dropping the oldest value once the window is full. */
  push(x: number): void {
    const window = this.window;
    const size = this.size;
    if (this.filled < size) {
      this.filled++;
      this.total += x;
    } else {
      // The index is always in [0, size): the read cannot be undefined.
      const old = window[this.head] as number;
      const oldMean = this.total / size;
      this.total += x - old;
      const newMean = this.total / size;
      const m2 = this.m2 + (x - old) * (x - newMean + (old - oldMean));
      window[this.head] = x;
      // Also catches a negative result (rounding), since this.m2 ≥ 0.
      this.m2 = m2 < this.m2 * CANCELLATION ? this.deviationsFrom(newMean) : m2;
    }
    window[this.head] = x;
    if (++this.head === size) {
      this.head = 0;
      let sum = 0;
      for (let i = 0; i < size; i++) sum += window[i] as number;
      this.total = sum;
      this.m2 = this.deviationsFrom(sum / size);
    }
  }

  /** Two-pass Σ(x − mean)² over the whole window (only called once it is full). */
  private deviationsFrom(mean: number): number {
    const window = this.window;
    let m2 = 0;
    for (let i = 0; i < this.size; i++) {
      const d = (window[i] as number) - mean;
      m2 += d * d;
    }
    return m2;
  }

  /** Empties the window. */
  reset(): void {
    this.head = 0;
    this.filled = 0;
    this.total = 0;
    this.m2 = 0;
  }
}

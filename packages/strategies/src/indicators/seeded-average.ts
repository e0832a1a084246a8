/**
 * An exponential moving average with smoothing ratio `alpha`, seeded (as in R's TTR)
 * with the arithmetic mean of the first `size` inputs:
 *
 * - inputs 1..size−1: no output (`NaN`);
 * - input `size`: `(x₁ + … + x_size) / size` (summed left to right);
 * - after that: `avg ← avg + alpha · (x − avg)`.
 *
 * With `alpha = 2/(size+1)` this is TTR's `EMA`; with `alpha = 1/size` it is Wilder's
 * smoothing (TTR's `EMA(..., wilder = TRUE)`), used by RSI, ATR and ADX. Internal
 * building block; inputs are assumed finite.
 */
export class SeededAverage {
  /** The number of inputs averaged for the seed. */
  readonly size: number;
  /** The smoothing ratio applied after the seed. */
  readonly alpha: number;
  private count = 0;
  private seedSum = 0;
  private current = NaN;

  /**
   * @param size - seed length, a positive integer (validated by the caller)
   * @param alpha - smoothing ratio in (0, 1]
   */
  constructor(size: number, alpha: number) {
    this.size = size;
    this.alpha = alpha;
  }

  /** The current average, `NaN` until `size` inputs have been pushed. */
  get value(): number {
    return this.current;
  }

  /** Consumes one input and returns the average (`NaN` during the seed). */
  push(x: number): number {
    if (this.count === this.size) {
      this.current = this.current + this.alpha * (x - this.current);
    } else {
      this.seedSum += x;
      if (++this.count === this.size) this.current = this.seedSum / this.size;
    }
    return this.current;
  }

  /** Forgets every input. */
  reset(): void {
    this.count = 0;
    this.seedSum = 0;
    this.current = NaN;
  }
}

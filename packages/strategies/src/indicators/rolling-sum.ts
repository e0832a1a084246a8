/**
 * The sum of the last `size` values pushed, updated in O(1) per push on a ring
 * buffer. Internal building block of SMA, %D, rolling VWAP.
 *
 * Rounding drift of the running sum is bounded: every time the ring wraps (every
 * `size` pushes, and first when the window fills) the sum is recomputed exactly from
 * the window, left to right from its oldest value. Between wraps it is updated as
 * `sum += x - old`. Amortised cost: one extra addition per push.
 *
 * Inputs are assumed finite (the public indicators filter gaps before pushing).
 */
export class RollingSum {
  /** The window length. */
  readonly size: number;
  private readonly window: Float64Array;
  private head = 0;
  private filled = 0;
  private total = 0;

  /** @param size - the window length, a positive integer (validated by the caller) */
  constructor(size: number) {
    this.size = size;
    this.window = new Float64Array(size);
  }

  /** True once `size` values have been pushed. */
  get full(): boolean {
    return this.filled === this.size;
  }

  /** The sum of the values in the window (of all values pushed while not yet full). */
  get sum(): number {
    return this.total;
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
      this.total += x - (window[this.head] as number);
    }
    window[this.head] = x;
    if (++this.head === size) {
      this.head = 0;
      let exact = 0;
      for (let i = 0; i < size; i++) exact += window[i] as number;
      this.total = exact;
    }
  }

  /** Empties the window. */
  reset(): void {
    this.head = 0;
    this.filled = 0;
    this.total = 0;
  }
}

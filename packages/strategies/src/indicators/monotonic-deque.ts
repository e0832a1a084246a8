/**
 * The maximum (or minimum) of the last `size` values pushed, in amortised O(1) per
 * push: a monotonic deque held in two preallocated ring buffers (values and their
 * sequence numbers), so nothing is allocated per push.
 *
 * The deque keeps, oldest first, only the values that can still become the extreme:
 * for a maximum, a strictly decreasing run (a new value evicts every older value
 * that is not greater). Values older than the window are dropped from the front.
 * Each value enters and leaves at most once. Inputs are assumed finite.
 */
export class MonotonicDeque {
  /** The window length. */
  readonly size: number;
  /** True for a rolling maximum, false for a rolling minimum. */
  readonly keepsMax: boolean;
  private readonly values: Float64Array;
  private readonly sequence: Float64Array;
  private front = 0;
  private length = 0;
  private pushed = 0;

  /**
   * @param size - the window length, a positive integer (validated by the caller)
   * @param keepsMax - true for a maximum, false for a minimum
   */
  constructor(size: number, keepsMax: boolean) {
    this.size = size;
    this.keepsMax = keepsMax;
    this.values = new Float64Array(size);
    this.sequence = new Float64Array(size);
  }

  /** True once `size` values have been pushed. */
  get full(): boolean {
    return this.pushed >= this.size;
  }

  /** The extreme of the window (of all values pushed while not yet full); NaN when empty. */
  get extreme(): number {
    return this.length > 0 ? (this.values[this.front] as number) : NaN;
  }

  /** Adds `x` to the window, dropping values older than the window. */
  push(x: number): void {
    const size = this.size;
    const values = this.values;
    const sequence = this.sequence;
    // Indices below are always reduced into [0, size): reads cannot be undefined.
    const expired = this.pushed - size;
    while (this.length > 0 && (sequence[this.front] as number) <= expired) {
      this.front = this.front + 1 === size ? 0 : this.front + 1;
      this.length--;
    }
    while (this.length > 0) {
      let back = this.front + this.length - 1;
      if (back >= size) back -= size;
      const last = values[back] as number;
      if (this.keepsMax ? last <= x : last >= x) this.length--;
      else break;
    }
    let tail = this.front + this.length;
    if (tail >= size) tail -= size;
    values[tail] = x;
    sequence[tail] = this.pushed;
    this.length++;
    this.pushed++;
  }

  /** Empties the window. */
  reset(): void {
    this.front = 0;
    this.length = 0;
    this.pushed = 0;
  }
}

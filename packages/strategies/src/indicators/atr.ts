import { SeededAverage } from './seeded-average.js';
import type { StreamingIndicator } from './streaming-indicator.js';
import { trueRangeOf } from './true-range.js';
import { requirePeriod, requireSameLength } from './validate.js';

/**
 * Streaming average true range, Wilder's definition as in R's TTR `ATR`:
 *
 * - true range `TR = max(high − low, |high − prevClose|, |low − prevClose|)`; the
 *   first bar has no previous close, so its TR is undefined (`NaN`): TRs exist from
 *   index 1;
 * - `ATR` = Wilder smoothing of TR (ratio `1/n`), seeded with the mean of the first
 *   `n` TRs, i.e. of the TRs at indices 1..n.
 *
 * So the first ATR is at index `n` (0-based) of a gap-free series (`lookback = n`).
 * A bar with any non-finite input is a gap (see {@link StreamingIndicator}); the next
 * TR uses the close of the last valid bar.
 */
export class AtrIndicator implements StreamingIndicator {
  /** The smoothing period. */
  readonly n: number;
  /** `n`. */
  readonly lookback: number;
  private readonly average: SeededAverage;
  private bars = 0;
  private previousClose = NaN;
  private currentTrueRange = NaN;
  private current = NaN;

  /** @param n - smoothing period, a positive integer (14 is Wilder's) */
  constructor(n = 14) {
    this.n = requirePeriod('n', n);
    this.lookback = n;
    this.average = new SeededAverage(n, 1 / n);
  }

  /** True once `n + 1` valid bars have been seen. */
  get ready(): boolean {
    return this.bars > this.lookback;
  }

  /** The ATR for the most recent bar (`NaN` during warm-up and on a gap). */
  get value(): number {
    return this.current;
  }

  /** The true range of the most recent bar (`NaN` on the first bar and on a gap). */
  get trueRange(): number {
    return this.currentTrueRange;
  }

  /** Consumes one bar and returns the ATR. */
  update(high: number, low: number, close: number): number {
    if (!(Number.isFinite(high) && Number.isFinite(low) && Number.isFinite(close))) {
      this.currentTrueRange = NaN;
      return (this.current = NaN);
    }
    this.bars++;
    const range = trueRangeOf(high, low, this.previousClose);
    this.previousClose = close;
    this.currentTrueRange = range;
    return (this.current = Number.isNaN(range) ? NaN : this.average.push(range));
  }

  /** Forgets every bar. */
  reset(): void {
    this.average.reset();
    this.bars = 0;
    this.previousClose = NaN;
    this.currentTrueRange = NaN;
    this.current = NaN;
  }
}

/**
 * Average true range (Wilder; R's TTR `ATR`): see {@link AtrIndicator}. The first `n`
 * outputs are `NaN`; `out[n]` is the mean of the true ranges at indices 1..n. Runs
 * {@link AtrIndicator}, so it agrees with the streaming form bit for bit.
 *
 * @param high - highs
 * @param low - lows, same length
 * @param close - closes, same length
 * @param n - smoothing period, a positive integer (default 14)
 */
export function atr(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, n = 14): Float64Array {
  const indicator = new AtrIndicator(n);
  const length = requireSameLength(['high', high], ['low', low], ['close', close]);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = indicator.update(high[i] ?? NaN, low[i] ?? NaN, close[i] ?? NaN);
  return out;
}

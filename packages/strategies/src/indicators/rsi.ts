import { SeededAverage } from './seeded-average.js';
import { runSeries, type StreamingIndicator } from './streaming-indicator.js';
import { requirePeriod } from './validate.js';

/**
 * Streaming relative strength index, Wilder's definition as in R's TTR `RSI`:
 *
 * - each valid value after the first gives a change `d = x − x_prev`, split into a
 *   gain `max(d, 0)` and a loss `max(−d, 0)`;
 * - gains and losses are each Wilder-smoothed (ratio `1/n`, seeded with the mean of
 *   the first `n` of them);
 * - `RSI = 100 · (avgGain / (avgGain + avgLoss))` (equal to `100 − 100/(1 + RS)`), so
 *   it is 100 when the average loss is 0 and 0 when the average gain is 0; when both
 *   are 0 (a perfectly flat stretch) it is 50, neither up nor down.
 *
 * The first output is on the `(n+1)`-th valid value (`lookback = n`: index `n` of a
 * gap-free series). Scale 0–100. Non-finite inputs are gaps (see
 * {@link StreamingIndicator}); the change after a gap is taken from the last valid
 * value.
 */
export class RsiIndicator implements StreamingIndicator {
  /** The smoothing period. */
  readonly n: number;
  /** `n`. */
  readonly lookback: number;
  private readonly gains: SeededAverage;
  private readonly losses: SeededAverage;
  private bars = 0;
  private previous = NaN;
  private current = NaN;

  /** @param n - smoothing period, a positive integer (14 is Wilder's) */
  constructor(n = 14) {
    this.n = requirePeriod('n', n);
    this.lookback = n;
    this.gains = new SeededAverage(n, 1 / n);
    this.losses = new SeededAverage(n, 1 / n);
  }

  /** True once `n + 1` valid values have been seen. */
  get ready(): boolean {
    return this.bars > this.lookback;
  }

  /** The RSI for the most recent value (`NaN` during warm-up and on a gap). */
  get value(): number {
    return this.current;
  }

  /** Consumes one value and returns the RSI (0–100). */
  update(x: number): number {
    if (!Number.isFinite(x)) return (this.current = NaN);
    this.bars++;
    const previous = this.previous;
    this.previous = x;
    if (this.bars === 1) return (this.current = NaN);
    const change = x - previous;
    const gain = this.gains.push(change > 0 ? change : 0);
    const loss = this.losses.push(change < 0 ? -change : 0);
    if (Number.isNaN(gain)) return (this.current = NaN);
    const total = gain + loss;
    // gain/total ≤ 1 exactly (rounding is monotone), so the RSI never exceeds 100.
    return (this.current = total > 0 ? 100 * (gain / total) : 50);
  }

  /** Forgets every value. */
  reset(): void {
    this.gains.reset();
    this.losses.reset();
    this.bars = 0;
    this.previous = NaN;
    this.current = NaN;
  }
}

/**
 * Relative strength index of `values` (Wilder; R's TTR `RSI` with its default Wilder
 * EMA): see {@link RsiIndicator} for the definition, including RSI = 50 when both
 * averages are 0. Scale 0–100; the first `n` outputs are `NaN` (first value at index
 * `n`). Runs {@link RsiIndicator}, so it agrees with the streaming form bit for bit.
 *
 * @param values - the input series (typically closes)
 * @param n - smoothing period, a positive integer (default 14)
 */
export function rsi(values: ArrayLike<number>, n = 14): Float64Array {
  return runSeries(new RsiIndicator(n), values);
}

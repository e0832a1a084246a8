import { SeededAverage } from './seeded-average.js';
import type { StreamingIndicator } from './streaming-indicator.js';
import { trueRangeOf } from './true-range.js';
import { requirePeriod, requireSameLength } from './validate.js';

/** The three lines of {@link adx}, each as long as the input. */
export interface AdxResult {
  /** Average directional index (0–100), first defined at index `2n − 1`. */
  readonly adx: Float64Array;
  /** Positive directional indicator +DI (0–100), first defined at index `n`. */
  readonly plusDI: Float64Array;
  /** Negative directional indicator −DI (0–100), first defined at index `n`. */
  readonly minusDI: Float64Array;
}

/**
 * Streaming average directional index, Wilder's definition as in R's TTR `ADX`:
 *
 * - from the second bar on, `up = high − prevHigh`, `down = prevLow − low`;
 *   `+DM = up` if `up > down` and `up > 0`, else 0; `−DM = down` if `down > up` and
 *   `down > 0`, else 0 (ties give 0 to both); TR as in {@link AtrIndicator};
 * - TR, +DM and −DM are each Wilder-smoothed (ratio `1/n`, seeded with the mean of
 *   the first `n` values, i.e. indices 1..n); `+DI = 100·avg(+DM)/avg(TR)`,
 *   `−DI = 100·avg(−DM)/avg(TR)` — the same ratios as TTR's Wilder sums, since both
 *   numerator and denominator are scaled by `n`; both are 0 when `avg(TR)` is 0;
 * - `DX = 100·|+DI − −DI| / (+DI + −DI)`, 0 when both DIs are 0;
 * - `ADX` = Wilder smoothing of DX (ratio `1/n`) seeded with the mean of the first
 *   `n` DX values.
 *
 * +DI and −DI start at index `n`, ADX at index `2n − 1` (`lookback = 2n − 1`).
 * `update` returns ADX; read `plusDI` and `minusDI` after it. A bar with any
 * non-finite input is a gap (see {@link StreamingIndicator}).
 */
export class AdxIndicator implements StreamingIndicator {
  /** The smoothing period. */
  readonly n: number;
  /** `2n − 1`. */
  readonly lookback: number;
  private readonly trueRangeAverage: SeededAverage;
  private readonly plusAverage: SeededAverage;
  private readonly minusAverage: SeededAverage;
  private readonly dxAverage: SeededAverage;
  private bars = 0;
  private previousHigh = NaN;
  private previousLow = NaN;
  private previousClose = NaN;
  private currentAdx = NaN;
  private currentPlus = NaN;
  private currentMinus = NaN;

  /** @param n - smoothing period, a positive integer (14 is Wilder's) */
  constructor(n = 14) {
    this.n = requirePeriod('n', n);
    this.lookback = 2 * n - 1;
    this.trueRangeAverage = new SeededAverage(n, 1 / n);
    this.plusAverage = new SeededAverage(n, 1 / n);
    this.minusAverage = new SeededAverage(n, 1 / n);
    this.dxAverage = new SeededAverage(n, 1 / n);
  }

  /** True once ADX is defined (`2n` valid bars). */
  get ready(): boolean {
    return this.bars > this.lookback;
  }

  /** ADX for the most recent bar (same as {@link AdxIndicator.adx}). */
  get value(): number {
    return this.currentAdx;
  }

  /** ADX for the most recent bar. */
  get adx(): number {
    return this.currentAdx;
  }

  /** +DI for the most recent bar. */
  get plusDI(): number {
    return this.currentPlus;
  }

  /** −DI for the most recent bar. */
  get minusDI(): number {
    return this.currentMinus;
  }

  /** Consumes one bar and returns ADX. */
  update(high: number, low: number, close: number): number {
    if (!(Number.isFinite(high) && Number.isFinite(low) && Number.isFinite(close))) return this.clear();
    this.bars++;
    const previousHigh = this.previousHigh;
    const previousLow = this.previousLow;
    const range = trueRangeOf(high, low, this.previousClose);
    this.previousHigh = high;
    this.previousLow = low;
    this.previousClose = close;
    if (Number.isNaN(range)) return this.clear();
    const up = high - previousHigh;
    const down = previousLow - low;
    const averageRange = this.trueRangeAverage.push(range);
    const plus = this.plusAverage.push(up > down && up > 0 ? up : 0);
    const minus = this.minusAverage.push(down > up && down > 0 ? down : 0);
    if (Number.isNaN(averageRange)) return this.clear();
    const plusDI = averageRange > 0 ? 100 * (plus / averageRange) : 0;
    const minusDI = averageRange > 0 ? 100 * (minus / averageRange) : 0;
    const sum = plusDI + minusDI;
    const dx = sum > 0 ? 100 * (Math.abs(plusDI - minusDI) / sum) : 0;
    this.currentPlus = plusDI;
    this.currentMinus = minusDI;
    return (this.currentAdx = this.dxAverage.push(dx));
  }

  /** Forgets every bar. */
  reset(): void {
    this.trueRangeAverage.reset();
    this.plusAverage.reset();
    this.minusAverage.reset();
    this.dxAverage.reset();
    this.bars = 0;
    this.previousHigh = NaN;
    this.previousLow = NaN;
    this.previousClose = NaN;
    this.clear();
  }

  private clear(): number {
    this.currentPlus = NaN;
    this.currentMinus = NaN;
    return (this.currentAdx = NaN);
  }
}

/**
 * Average directional index with +DI and −DI (Wilder; R's TTR `ADX`): see
 * {@link AdxIndicator}. `plusDI`/`minusDI` are `NaN` before index `n`, `adx` before
 * index `2n − 1`. Runs {@link AdxIndicator}, so it agrees with the streaming form bit
 * for bit.
 *
 * @param high - highs
 * @param low - lows, same length
 * @param close - closes, same length
 * @param n - smoothing period, a positive integer (default 14)
 */
export function adx(high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>, n = 14): AdxResult {
  const indicator = new AdxIndicator(n);
  const length = requireSameLength(['high', high], ['low', low], ['close', close]);
  const adxLine = new Float64Array(length);
  const plusDI = new Float64Array(length);
  const minusDI = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    adxLine[i] = indicator.update(high[i] ?? NaN, low[i] ?? NaN, close[i] ?? NaN);
    plusDI[i] = indicator.plusDI;
    minusDI[i] = indicator.minusDI;
  }
  return { adx: adxLine, plusDI, minusDI };
}

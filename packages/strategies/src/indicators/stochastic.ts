import { MonotonicDeque } from './monotonic-deque.js';
import { RollingSum } from './rolling-sum.js';
import type { StreamingIndicator } from './streaming-indicator.js';
import { requirePeriod, requireSameLength } from './validate.js';

/** The two lines of {@link stochastic} and {@link stochRsi}, each as long as the input. */
export interface StochasticResult {
  /** %K on a 0–100 scale. */
  readonly k: Float64Array;
  /** %D, the simple moving average of %K over `dPeriod`, 0–100. */
  readonly d: Float64Array;
}

/**
 * Streaming stochastic oscillator (Lane), on a 0–100 scale:
 *
 * - raw `%K = (close − LL)/(HH − LL) × 100`, with `HH` the highest high and `LL` the
 *   lowest low of the last `kPeriod` bars (current bar included); 50 when
 *   `HH = LL` (a flat window has no position in its range);
 * - `%K` = SMA of raw %K over `kSmoothing` (1 = the fast stochastic, raw %K itself;
 *   3 = the usual "slow" stochastic);
 * - `%D` = SMA of %K over `dPeriod`.
 *
 * R's TTR `stoch` gives the same lines on a 0–1 scale. %K is defined from index
 * `kPeriod + kSmoothing − 2`, %D from `lookback = kPeriod + kSmoothing + dPeriod − 3`.
 * Highest high and lowest low are kept with monotonic deques (amortised O(1)).
 * `update` returns %K; read `d` after it. Inputs are assumed to satisfy
 * `low ≤ close ≤ high` (else %K can leave 0–100). A bar with any non-finite input is
 * a gap (see {@link StreamingIndicator}).
 */
export class StochasticIndicator implements StreamingIndicator {
  /** Look-back of the high/low range. */
  readonly kPeriod: number;
  /** Length of the %D average. */
  readonly dPeriod: number;
  /** Length of the %K smoothing average (1 = none). */
  readonly kSmoothing: number;
  /** `kPeriod + kSmoothing + dPeriod − 3`. */
  readonly lookback: number;
  private readonly highest: MonotonicDeque;
  private readonly lowest: MonotonicDeque;
  private readonly kWindow: RollingSum;
  private readonly dWindow: RollingSum;
  private bars = 0;
  private currentK = NaN;
  private currentD = NaN;

  /**
   * @param kPeriod - look-back of the high/low range, a positive integer (default 14)
   * @param dPeriod - %D period, a positive integer (default 3)
   * @param kSmoothing - %K smoothing period, a positive integer (default 1: fast %K)
   */
  constructor(kPeriod = 14, dPeriod = 3, kSmoothing = 1) {
    this.kPeriod = requirePeriod('kPeriod', kPeriod);
    this.dPeriod = requirePeriod('dPeriod', dPeriod);
    this.kSmoothing = requirePeriod('kSmoothing', kSmoothing);
    this.lookback = kPeriod + kSmoothing + dPeriod - 3;
    this.highest = new MonotonicDeque(kPeriod, true);
    this.lowest = new MonotonicDeque(kPeriod, false);
    this.kWindow = new RollingSum(kSmoothing);
    this.dWindow = new RollingSum(dPeriod);
  }

  /** True once %D is defined (`lookback + 1` valid bars). */
  get ready(): boolean {
    return this.bars > this.lookback;
  }

  /** %K for the most recent bar (same as {@link StochasticIndicator.k}). */
  get value(): number {
    return this.currentK;
  }

  /** %K for the most recent bar (0–100). */
  get k(): number {
    return this.currentK;
  }

  /** %D for the most recent bar (0–100). */
  get d(): number {
    return this.currentD;
  }

  /** Consumes one bar and returns %K. */
  update(high: number, low: number, close: number): number {
    if (!(Number.isFinite(high) && Number.isFinite(low) && Number.isFinite(close))) return this.clear();
    this.bars++;
    const highest = this.highest;
    const lowest = this.lowest;
    highest.push(high);
    lowest.push(low);
    if (!highest.full) return this.clear();
    const floor = lowest.extreme;
    const range = highest.extreme - floor;
    const kWindow = this.kWindow;
    kWindow.push(range > 0 ? ((close - floor) / range) * 100 : 50);
    if (!kWindow.full) return this.clear();
    const k = kWindow.sum / this.kSmoothing;
    const dWindow = this.dWindow;
    dWindow.push(k);
    this.currentD = dWindow.full ? dWindow.sum / this.dPeriod : NaN;
    return (this.currentK = k);
  }

  /** Forgets every bar. */
  reset(): void {
    this.highest.reset();
    this.lowest.reset();
    this.kWindow.reset();
    this.dWindow.reset();
    this.bars = 0;
    this.clear();
  }

  private clear(): number {
    this.currentD = NaN;
    return (this.currentK = NaN);
  }
}

/**
 * Stochastic oscillator %K and %D (0–100): see {@link StochasticIndicator}. `k` is
 * `NaN` before index `kPeriod + kSmoothing − 2`, `d` before
 * `kPeriod + kSmoothing + dPeriod − 3`. Runs {@link StochasticIndicator}, so it agrees
 * with the streaming form bit for bit.
 *
 * @param high - highs
 * @param low - lows, same length
 * @param close - closes, same length
 * @param kPeriod - look-back of the high/low range (default 14)
 * @param dPeriod - %D period (default 3)
 * @param kSmoothing - %K smoothing period (default 1: fast stochastic)
 */
export function stochastic(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  kPeriod = 14,
  dPeriod = 3,
  kSmoothing = 1
): StochasticResult {
  const indicator = new StochasticIndicator(kPeriod, dPeriod, kSmoothing);
  const length = requireSameLength(['high', high], ['low', low], ['close', close]);
  const k = new Float64Array(length);
  const d = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    k[i] = indicator.update(high[i] ?? NaN, low[i] ?? NaN, close[i] ?? NaN);
    d[i] = indicator.d;
  }
  return { k, d };
}

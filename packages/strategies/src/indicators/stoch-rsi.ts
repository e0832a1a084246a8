import { RsiIndicator } from './rsi.js';
import type { StochasticResult } from './stochastic.js';
import { StochasticIndicator } from './stochastic.js';
import type { StreamingIndicator } from './streaming-indicator.js';
import { requirePeriod } from './validate.js';

/**
 * Streaming stochastic RSI (Chande and Kroll), on a 0–100 scale: the stochastic
 * oscillator applied to RSI values, the RSI serving as high, low and close alike.
 *
 * - `RSI` as {@link RsiIndicator} over `rsiPeriod` (defined from index `rsiPeriod`);
 * - raw = `(RSI − min RSI)/(max RSI − min RSI) × 100` over the last `stochPeriod`
 *   RSI values, 50 when they are all equal;
 * - `%K` = SMA of raw over `kSmoothing` (default 3, the common charting default; 1
 *   gives Chande and Kroll's original StochRSI, ×100);
 * - `%D` = SMA of %K over `dPeriod`.
 *
 * %K is defined from index `rsiPeriod + stochPeriod + kSmoothing − 2`, %D from
 * `lookback = rsiPeriod + stochPeriod + kSmoothing + dPeriod − 3`. `update` returns %K;
 * read `d` after it. Non-finite inputs are gaps (see {@link StreamingIndicator}).
 */
export class StochRsiIndicator implements StreamingIndicator {
  /** The RSI period. */
  readonly rsiPeriod: number;
  /** Look-back of the RSI range. */
  readonly stochPeriod: number;
  /** Length of the %K smoothing average (1 = none). */
  readonly kSmoothing: number;
  /** Length of the %D average. */
  readonly dPeriod: number;
  /** `rsiPeriod + stochPeriod + kSmoothing + dPeriod − 3`. */
  readonly lookback: number;
  private readonly rsi: RsiIndicator;
  private readonly stochastic: StochasticIndicator;
  private currentK = NaN;
  private currentD = NaN;

  /**
   * @param rsiPeriod - RSI period, a positive integer (default 14)
   * @param stochPeriod - look-back of the RSI range, a positive integer (default 14)
   * @param kSmoothing - %K smoothing period, a positive integer (default 3)
   * @param dPeriod - %D period, a positive integer (default 3)
   */
  constructor(rsiPeriod = 14, stochPeriod = 14, kSmoothing = 3, dPeriod = 3) {
    // Validated here so that an error names this class's parameters.
    this.rsiPeriod = requirePeriod('rsiPeriod', rsiPeriod);
    this.stochPeriod = requirePeriod('stochPeriod', stochPeriod);
    this.kSmoothing = requirePeriod('kSmoothing', kSmoothing);
    this.dPeriod = requirePeriod('dPeriod', dPeriod);
    this.rsi = new RsiIndicator(rsiPeriod);
    this.stochastic = new StochasticIndicator(stochPeriod, dPeriod, kSmoothing);
    this.lookback = this.rsi.lookback + this.stochastic.lookback;
  }

  /** True once %D is defined (`lookback + 1` valid values). */
  get ready(): boolean {
    return this.stochastic.ready;
  }

  /** %K for the most recent value (same as {@link StochRsiIndicator.k}). */
  get value(): number {
    return this.currentK;
  }

  /** %K for the most recent value (0–100). */
  get k(): number {
    return this.currentK;
  }

  /** %D for the most recent value (0–100). */
  get d(): number {
    return this.currentD;
  }

  /** Consumes one value and returns %K. */
  update(x: number): number {
    const r = this.rsi.update(x);
    if (Number.isNaN(r)) {
      this.currentD = NaN;
      return (this.currentK = NaN);
    }
    const stochastic = this.stochastic;
    this.currentK = stochastic.update(r, r, r);
    this.currentD = stochastic.d;
    return this.currentK;
  }

  /** Forgets every value. */
  reset(): void {
    this.rsi.reset();
    this.stochastic.reset();
    this.currentK = NaN;
    this.currentD = NaN;
  }
}

/**
 * Stochastic RSI %K and %D (0–100): see {@link StochRsiIndicator}. `k` is `NaN`
 * before index `rsiPeriod + stochPeriod + kSmoothing − 2`, `d` before
 * `rsiPeriod + stochPeriod + kSmoothing + dPeriod − 3`. Runs {@link StochRsiIndicator},
 * so it agrees with the streaming form bit for bit.
 *
 * @param values - the input series (typically closes)
 * @param rsiPeriod - RSI period (default 14)
 * @param stochPeriod - look-back of the RSI range (default 14)
 * @param kSmoothing - %K smoothing period (default 3)
 * @param dPeriod - %D period (default 3)
 */
export function stochRsi(
  values: ArrayLike<number>,
  rsiPeriod = 14,
  stochPeriod = 14,
  kSmoothing = 3,
  dPeriod = 3
): StochasticResult {
  const indicator = new StochRsiIndicator(rsiPeriod, stochPeriod, kSmoothing, dPeriod);
  const length = values.length;
  const k = new Float64Array(length);
  const d = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    k[i] = indicator.update(values[i] ?? NaN);
    d[i] = indicator.d;
  }
  return { k, d };
}

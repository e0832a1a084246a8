import { InvalidArgumentError } from '@alphaswarm/core';
import { RollingSum } from './rolling-sum.js';
import type { StreamingIndicator } from './streaming-indicator.js';
import { requirePeriod, requireSameLength } from './validate.js';

/**
 * Streaming volume-weighted average price of the typical price
 * `(high + low + close)/3`:
 *
 * - cumulative (no `n`): `Σ tp·volume / Σ volume` over every valid bar since
 *   construction or the last `reset()` — call `reset()` at each session open for the
 *   usual intraday VWAP; defined from the first bar (`lookback = 0`);
 * - rolling (`n` given): the same ratio over the last `n` valid bars (R's TTR `VWAP`
 *   with the typical price as its price), defined from the `n`-th bar
 *   (`lookback = n − 1`); the rolling sums are recomputed exactly every `n` bars so
 *   rounding drift stays bounded.
 *
 * While the volume summed is 0 the VWAP is `NaN` (no trade, no price). A negative
 * volume throws `InvalidArgumentError` (from `@alphaswarm/core`). A bar with any non-finite input is a gap
 * (see {@link StreamingIndicator}).
 */
export class VwapIndicator implements StreamingIndicator {
  /** The rolling window length, or `undefined` for a cumulative VWAP. */
  readonly n: number | undefined;
  /** 0 when cumulative, `n − 1` when rolling. */
  readonly lookback: number;
  private readonly priceVolume: RollingSum | undefined;
  private readonly volume: RollingSum | undefined;
  private bars = 0;
  private cumulativePriceVolume = 0;
  private cumulativeVolume = 0;
  private current = NaN;

  /** @param n - rolling window length, a positive integer; omit for a cumulative VWAP */
  constructor(n?: number) {
    if (n === undefined) {
      this.n = undefined;
      this.lookback = 0;
    } else {
      this.n = requirePeriod('n', n);
      this.lookback = n - 1;
      this.priceVolume = new RollingSum(n);
      this.volume = new RollingSum(n);
    }
  }

  /** True once `lookback + 1` valid bars have been seen. */
  get ready(): boolean {
    return this.bars > this.lookback;
  }

  /** VWAP after the most recent bar (`NaN` during warm-up, on a gap and while no volume traded). */
  get value(): number {
    return this.current;
  }

  /** Consumes one bar and returns the VWAP. */
  update(high: number, low: number, close: number, volume: number): number {
    if (!(Number.isFinite(high) && Number.isFinite(low) && Number.isFinite(close) && Number.isFinite(volume))) {
      return (this.current = NaN);
    }
    if (volume < 0) throw new InvalidArgumentError('volume', volume, 'a non-negative number');
    this.bars++;
    const priceVolume = ((high + low + close) / 3) * volume;
    const rollingPriceVolume = this.priceVolume;
    const rollingVolume = this.volume;
    if (rollingPriceVolume === undefined || rollingVolume === undefined) {
      this.cumulativePriceVolume += priceVolume;
      this.cumulativeVolume += volume;
      return (this.current = this.cumulativeVolume > 0 ? this.cumulativePriceVolume / this.cumulativeVolume : NaN);
    }
    rollingPriceVolume.push(priceVolume);
    rollingVolume.push(volume);
    if (!rollingVolume.full) return (this.current = NaN);
    const totalVolume = rollingVolume.sum;
    return (this.current = totalVolume > 0 ? rollingPriceVolume.sum / totalVolume : NaN);
  }

  /** Forgets every bar (for a cumulative VWAP: starts a new session). */
  reset(): void {
    this.priceVolume?.reset();
    this.volume?.reset();
    this.bars = 0;
    this.cumulativePriceVolume = 0;
    this.cumulativeVolume = 0;
    this.current = NaN;
  }
}

/**
 * Volume-weighted average price of the typical price `(high + low + close)/3`: see
 * {@link VwapIndicator}. Without `n` it is cumulative from the first bar (one session;
 * no warm-up); with `n` it is rolling over the last `n` bars (first `n − 1` outputs
 * `NaN`). `NaN` wherever the volume summed is 0. Runs {@link VwapIndicator}, so it
 * agrees with the streaming form bit for bit.
 *
 * @param high - highs
 * @param low - lows, same length
 * @param close - closes, same length
 * @param volume - volumes (non-negative), same length
 * @param n - rolling window length, a positive integer; omit for a cumulative VWAP
 * @throws InvalidArgumentError on a negative volume, with path `volume[i]`
 */
export function vwap(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  volume: ArrayLike<number>,
  n?: number
): Float64Array {
  const indicator = new VwapIndicator(n);
  const length = requireSameLength(['high', high], ['low', low], ['close', close], ['volume', volume]);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = volume[i] ?? NaN;
    // A non-finite volume is a gap (left to the indicator); a finite negative one is an error.
    if (v < 0 && Number.isFinite(v)) throw new InvalidArgumentError(`volume[${i}]`, v, 'a non-negative number');
    out[i] = indicator.update(high[i] ?? NaN, low[i] ?? NaN, close[i] ?? NaN, v);
  }
  return out;
}

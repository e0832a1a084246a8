import type { StreamingIndicator } from './streaming-indicator.js';
import { requireSameLength } from './validate.js';

/**
 * Streaming on-balance volume (Granville), R's TTR `OBV` convention: the first bar's
 * OBV is its own volume; after that `OBV ← OBV + volume` when the close rose,
 * `OBV − volume` when it fell, unchanged when it is equal. Defined from the first bar
 * (`lookback = 0`). A bar with any non-finite input is a gap (see
 * {@link StreamingIndicator}); the next bar compares with the last valid close.
 */
export class ObvIndicator implements StreamingIndicator {
  /** 0: OBV is defined from the first bar. */
  readonly lookback = 0;
  private bars = 0;
  private previousClose = NaN;
  private total = 0;
  private current = NaN;

  /** True once a valid bar has been seen. */
  get ready(): boolean {
    return this.bars > 0;
  }

  /** OBV after the most recent bar (`NaN` before the first and on a gap). */
  get value(): number {
    return this.current;
  }

  /** Consumes one bar and returns the OBV. */
  update(close: number, volume: number): number {
    if (!(Number.isFinite(close) && Number.isFinite(volume))) return (this.current = NaN);
    if (this.bars++ === 0) this.total = volume;
    else if (close > this.previousClose) this.total += volume;
    else if (close < this.previousClose) this.total -= volume;
    this.previousClose = close;
    return (this.current = this.total);
  }

  /** Forgets every bar. */
  reset(): void {
    this.bars = 0;
    this.previousClose = NaN;
    this.total = 0;
    this.current = NaN;
  }
}

/**
 * On-balance volume (R's TTR `OBV`): `out[0] = volume[0]`, then volume added on an up
 * close, subtracted on a down close, nothing on an unchanged close. No warm-up. Runs
 * {@link ObvIndicator}, so it agrees with the streaming form bit for bit.
 *
 * @param close - closes
 * @param volume - volumes, same length
 */
export function obv(close: ArrayLike<number>, volume: ArrayLike<number>): Float64Array {
  const length = requireSameLength(['close', close], ['volume', volume]);
  const indicator = new ObvIndicator();
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = indicator.update(close[i] ?? NaN, volume[i] ?? NaN);
  return out;
}

import type { EpochMs } from '@alphaswarm/core';

/**
 * The smallest spacing between consecutive bars of one symbol seen so far, in ms:
 * the bar interval used to turn insight periods in bars into ms. Internal.
 */
export class BarSpacing {
  /** Time of the last bar observed, epoch ms (`NaN` before the first). */
  last: EpochMs = Number.NaN;
  /** Smallest positive spacing seen, ms (`Infinity` before the second bar). */
  min = Infinity;

  /** True once two bars were observed. */
  get known(): boolean {
    return this.min !== Infinity;
  }

  /** Records a bar at `time` (non-decreasing). */
  observe(time: EpochMs): void {
    const dt = time - this.last;
    if (dt > 0 && dt < this.min) this.min = dt;
    this.last = time;
  }
}

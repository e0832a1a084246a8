import type { EpochMs, InsightDirection } from '@alphaswarm/core';

/**
 * What a symbol's last emitted insight asks for while it is active: a sign (1 up,
 * −1 down, 0 flat) and the insight's close time. Level-based alphas compare the
 * condition of the bar with {@link ActiveSignal.sign} so that they emit only on a
 * change, and again once the previous insight has expired. Internal.
 */
export class ActiveSignal {
  private direction: -1 | 0 | 1 = 0;
  private closeTime = -Infinity;

  /** The active sign at `time`: the last emitted one if its insight is still active, else 0 (nothing held). */
  sign(time: EpochMs): -1 | 0 | 1 {
    return time < this.closeTime ? this.direction : 0;
  }

  /**
   * The direction to emit when `wanted` (1 up, 0 flat, −1 down) differs from the
   * active sign at `time`, or `undefined` when nothing changes.
   */
  changeTo(wanted: number, time: EpochMs): InsightDirection | undefined {
    if (wanted === this.sign(time)) return undefined;
    return wanted > 0 ? 'up' : wanted < 0 ? 'down' : 'flat';
  }

  /** Records an insight emitted at `time` lasting `period` ms (`undefined` = open-ended). */
  set(direction: InsightDirection, time: EpochMs, period: number | undefined): void {
    this.direction = direction === 'up' ? 1 : direction === 'down' ? -1 : 0;
    this.closeTime = period === undefined ? Infinity : time + period;
  }
}

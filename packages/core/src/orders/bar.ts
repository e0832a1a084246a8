import type { EpochMs } from '../time.js';

/**
 * One OHLCV bar as seen by fill, slippage and fee models. Prices are in the
 * instrument's quote currency (the account currency in this SDK); volume is in
 * units of the instrument (shares, contracts, coins).
 *
 * The backtester may hand the same mutable object for every bar (a view over Arrow
 * columns), so models must read it during the call and never keep a reference.
 */
export interface BarView {
  /** Time of the bar in epoch ms (UTC); fills made against the bar carry this time. */
  readonly time: EpochMs;
  /** First traded price of the bar. */
  readonly open: number;
  /** Highest traded price of the bar. */
  readonly high: number;
  /** Lowest traded price of the bar. */
  readonly low: number;
  /** Last traded price of the bar. */
  readonly close: number;
  /** Traded volume of the bar, in units of the instrument (≥ 0). */
  readonly volume: number;
}

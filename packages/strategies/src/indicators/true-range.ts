/**
 * Wilder's true range of a bar given the previous bar's close:
 * `max(high − low, |high − prevClose|, |low − prevClose|)`. `NaN` when `prevClose` is
 * `NaN` (the first bar has no true range). Internal helper of ATR and ADX.
 *
 * @param high - the bar's high
 * @param low - the bar's low
 * @param previousClose - the previous bar's close
 */
export function trueRangeOf(high: number, low: number, previousClose: number): number {
  return Math.max(high - low, Math.abs(high - previousClose), Math.abs(low - previousClose));
}

/**
 * What every streaming indicator of this library offers besides its `update` method
 * (whose arguments differ from one indicator to the next).
 *
 * Conventions shared by all of them:
 * - `update(...)` consumes one bar in O(1) (amortised O(1) for rolling extremes)
 *   without allocating, and returns the indicator's headline output for that bar.
 * - During warm-up the outputs are `NaN` (never `undefined`), so a streaming run
 *   can be written straight into a `Float64Array`.
 * - A bar with a non-finite input (`NaN`, `±Infinity`) is a gap: its outputs are
 *   `NaN` and the indicator's state is left untouched, so the bars after the gap
 *   continue exactly as if the gap bar had not been in the series. Gap bars do not
 *   count towards warm-up.
 */
export interface StreamingIndicator {
  /**
   * True once warm-up is over: every output of the indicator is defined from the
   * bar on which this becomes true (a later gap bar still reports `NaN` outputs,
   * but does not make `ready` false again).
   */
  readonly ready: boolean;
  /** The headline output for the most recent bar: `NaN` during warm-up and on a gap bar. */
  readonly value: number;
  /**
   * The number of valid (non-gap) bars consumed before `ready` becomes true: the
   * first fully defined output is at index `lookback` of a gap-free series.
   */
  readonly lookback: number;
  /** Returns the indicator to its freshly constructed state, keeping its parameters. */
  reset(): void;
}

/** A streaming indicator over one series of values. */
export interface SeriesIndicator {
  /** Consumes one value and returns the output for it. */
  update(x: number): number;
}

/**
 * Runs `indicator` over `values` and returns its outputs, index for index: the batch
 * form of every single-series indicator, so that batch and streaming agree bit for
 * bit. A missing value is `NaN` (a gap). Internal.
 */
export function runSeries(indicator: SeriesIndicator, values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = indicator.update(values[i] ?? NaN);
  return out;
}

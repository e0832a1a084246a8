import { InvalidArgumentError } from '@alphaswarm/core';
import { RollingMoments } from './rolling-moments.js';
import type { StreamingIndicator } from './streaming-indicator.js';
import { requirePeriod, requirePositiveNumber } from './validate.js';

/**
 * Streaming realized volatility, annualised: the **sample** standard deviation
 * (divisor `n − 1`, mean subtracted) of the last `n` log returns `ln(p[t]/p[t−1])`,
 * times `√periodsPerYear` (252 for daily bars; 1 for a per-bar figure). Needs `n ≥ 2`.
 * Returns exist from the second price, so the first output is on the `(n+1)`-th
 * valid price (`lookback = n`). Prices must be positive: a zero or negative price
 * throws `InvalidArgumentError` (from `@alphaswarm/core`). Non-finite inputs are gaps (see
 * {@link StreamingIndicator}); the return after a gap is taken from the last valid
 * price.
 */
export class RealizedVolatilityIndicator implements StreamingIndicator {
  /** The number of returns in the window. */
  readonly n: number;
  /** Bars per year, the argument of the annualisation factor `√periodsPerYear`. */
  readonly periodsPerYear: number;
  /** `n`. */
  readonly lookback: number;
  private readonly window: RollingMoments;
  private readonly annualisation: number;
  private bars = 0;
  private previous = NaN;
  private current = NaN;

  /**
   * @param n - number of log returns in the window, an integer ≥ 2
   * @param periodsPerYear - bars per year, finite and positive (default 252)
   */
  constructor(n: number, periodsPerYear = 252) {
    this.n = requirePeriod('n', n, 2);
    this.periodsPerYear = requirePositiveNumber('periodsPerYear', periodsPerYear);
    this.lookback = n;
    this.window = new RollingMoments(n);
    this.annualisation = Math.sqrt(periodsPerYear);
  }

  /** True once `n + 1` valid prices have been seen. */
  get ready(): boolean {
    return this.bars > this.lookback;
  }

  /** The annualised volatility for the most recent price (`NaN` during warm-up and on a gap). */
  get value(): number {
    return this.current;
  }

  /** Consumes one price and returns the annualised volatility of the last `n` log returns. */
  update(price: number): number {
    if (!Number.isFinite(price)) return (this.current = NaN);
    if (price <= 0) throw new InvalidArgumentError('price', price, 'a positive price');
    const previous = this.previous;
    this.previous = price;
    if (this.bars++ === 0) return (this.current = NaN);
    const window = this.window;
    window.push(Math.log(price / previous));
    if (!window.full) return (this.current = NaN);
    return (this.current = Math.sqrt(window.sumSquaredDeviations / (this.n - 1)) * this.annualisation);
  }

  /** Forgets every price. */
  reset(): void {
    this.window.reset();
    this.bars = 0;
    this.previous = NaN;
    this.current = NaN;
  }
}

/**
 * Rolling annualised realized volatility: sample standard deviation of the last `n`
 * log returns × `√periodsPerYear`; see {@link RealizedVolatilityIndicator}. The first
 * `n` outputs are `NaN` (first value at index `n`). Runs
 * {@link RealizedVolatilityIndicator}, so it agrees with the streaming form bit for bit.
 *
 * @param values - prices, positive
 * @param n - number of log returns in the window, an integer ≥ 2
 * @param periodsPerYear - bars per year (default 252; 1 for no annualisation)
 * @throws InvalidArgumentError on a zero or negative price, with path `values[i]`
 */
export function realizedVolatility(values: ArrayLike<number>, n: number, periodsPerYear = 252): Float64Array {
  const indicator = new RealizedVolatilityIndicator(n, periodsPerYear);
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++) {
    const price = values[i] ?? NaN;
    // Non-finite prices are gaps (left to the indicator); finite non-positive ones are errors.
    if (price <= 0 && Number.isFinite(price)) throw new InvalidArgumentError(`values[${i}]`, price, 'a positive price');
    out[i] = indicator.update(price);
  }
  return out;
}

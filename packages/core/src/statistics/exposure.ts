/**
 * Market exposure over time: how often, and how much, the account was invested.
 *
 * @module
 */
import { checkSeries } from './validate.js';

/**
 * Time in the market: the fraction of entries of `positions` that are not 0 (a
 * position, exposure or weight per period, of any sign). 0.25 = invested a quarter
 * of the time.
 *
 * @param positions - one value per period (or per equity point), at least one, finite
 * @returns a fraction in [0, 1]
 * @throws InvalidArgumentError (`positions`, `positions[i]`)
 */
export function exposure(positions: ArrayLike<number>): number {
  checkSeries('positions', positions);
  let invested = 0;
  for (let i = 0; i < positions.length; i++) {
    if (positions[i] !== 0) invested++;
  }
  return invested / positions.length;
}

/**
 * Mean gross exposure: mean |x| over the entries of `exposures`, in their own unit
 * (currency for Σ |quantity| × price, a fraction for weights or leverage); shorts
 * count positively.
 *
 * @param exposures - one value per period (or per equity point), at least one, finite
 * @throws InvalidArgumentError (`exposures`, `exposures[i]`)
 */
export function averageGrossExposure(exposures: ArrayLike<number>): number {
  checkSeries('exposures', exposures);
  let sum = 0;
  for (let i = 0; i < exposures.length; i++) sum += Math.abs(exposures[i] ?? 0);
  return sum / exposures.length;
}

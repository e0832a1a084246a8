/**
 * The Calmar ratio of an equity curve.
 *
 * @module
 */
import { maxDrawdown } from './drawdown.js';
import { cagr } from './returns.js';

/**
 * Calmar ratio: CAGR / maximum drawdown depth, both as fractions, over the whole
 * curve given (not a trailing 36-month window). See {@link cagr} and {@link maxDrawdown}.
 *
 * Edge cases follow IEEE division: a curve that never draws down (depth 0) gives
 * +Infinity when it grew and NaN when it ended where it started.
 *
 * @param equity - account values, at least 2 points, each finite and > 0
 * @param periodsPerYear - periods in a year, > 0
 * @throws InvalidArgumentError (`equity`, `equity[i]`, `periodsPerYear`)
 */
export function calmarRatio(equity: ArrayLike<number>, periodsPerYear: number): number {
  const growth = cagr(equity, periodsPerYear);
  return growth / maxDrawdown(equity).depth;
}

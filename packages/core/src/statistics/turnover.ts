/**
 * Trading turnover: traded notional relative to the capital employed.
 *
 * @module
 */
import { InvalidArgumentError } from '../errors.js';
import { meanOf } from './moments.js';
import { checkArray, checkEquity, checkFinite, checkPeriodsPerYear } from './validate.js';

/** The fields of a fill that {@link turnover} reads. Structural: the orders module's `Fill` satisfies it. */
export interface FillLike {
  /** Quantity executed; signed or not (its absolute value is used). */
  readonly quantity: number;
  /** Execution price per unit. */
  readonly price: number;
}

function tradedNotional(fills: readonly FillLike[]): number {
  checkArray('fills', fills);
  let total = 0;
  for (let i = 0; i < fills.length; i++) {
    const fill: unknown = fills[i];
    if (typeof fill !== 'object' || fill === null) throw new InvalidArgumentError(`fills[${i}]`, fill, 'a fill object');
    const { quantity, price } = fill as Partial<Record<keyof FillLike, unknown>>;
    checkFinite(`fills[${i}].quantity`, quantity);
    checkFinite(`fills[${i}].price`, price);
    total += Math.abs(quantity * price);
  }
  return total;
}

/**
 * Turnover over the whole curve: Σ |quantity × price| of the fills (buys and sells
 * both count) divided by the mean equity of the curve (all of its points). 2.0 means
 * the account traded twice its average capital. 0 without fills.
 *
 * @param fills - executions over the span of the curve
 * @param equity - account values, at least 2 points, each finite and > 0
 * @throws InvalidArgumentError (`fills`, `fills[i]`, `fills[i].quantity`, `fills[i].price`, `equity`, `equity[i]`)
 */
export function turnover(fills: readonly FillLike[], equity: ArrayLike<number>): number {
  const notional = tradedNotional(fills);
  checkEquity('equity', equity);
  return notional / meanOf(equity);
}

/**
 * Annualised turnover: {@link turnover} × periodsPerYear / N, with N =
 * `equity.length − 1` the number of periods the curve spans.
 *
 * @param fills - executions over the span of the curve
 * @param equity - account values, at least 2 points, each finite and > 0
 * @param periodsPerYear - periods in a year, > 0
 * @throws InvalidArgumentError (as {@link turnover}, and `periodsPerYear`)
 */
export function annualizedTurnover(fills: readonly FillLike[], equity: ArrayLike<number>, periodsPerYear: number): number {
  checkPeriodsPerYear('periodsPerYear', periodsPerYear);
  return (turnover(fills, equity) * periodsPerYear) / (equity.length - 1);
}

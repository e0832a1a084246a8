/**
 * Cheap argument checks shared by the statistics functions. Internal: not exported
 * from the package. Every check throws {@link InvalidArgumentError} naming the
 * offending path (`equity[3]`, `trades[2].pnl`, `periodsPerYear`) and value; when a
 * series has the wrong length, the path is the series' (`benchmark`) and the value
 * is the length received (so messages stay short for long series).
 *
 * @module
 */
import { InvalidArgumentError } from '../errors.js';

/** True when `value` has a numeric `length` (an array, a typed array, any ArrayLike). */
function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return (
    value !== null &&
    value !== undefined &&
    typeof value !== 'string' &&
    typeof (value as { length?: unknown }).length === 'number'
  );
}

/** Throws unless `value` is a finite number. */
export function checkFinite(path: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(path, value, 'a finite number');
  }
}

/** Throws unless `value` is a finite number > 0 (periods per year: 252, 52, 12, 365.25, …). */
export function checkPeriodsPerYear(path: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError(path, value, 'a finite number of periods per year > 0');
  }
}

/**
 * Throws unless `values` is array-like with at least `minLength` entries (default 1),
 * each a finite number; an entry's error names it `path[i]`.
 */
export function checkSeries(path: string, values: unknown, minLength = 1): asserts values is ArrayLike<number> {
  if (!isArrayLike(values)) {
    throw new InvalidArgumentError(path, values, 'an array of finite numbers');
  }
  if (values.length < minLength) {
    throw new InvalidArgumentError(path, values.length, `a length of at least ${minLength}`);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new InvalidArgumentError(`${path}[${i}]`, v, 'a finite number');
    }
  }
}

/**
 * Throws unless `equity` is an equity curve: array-like with at least 2 points, each
 * finite and > 0; an entry's error names it `path[i]`.
 */
export function checkEquity(path: string, equity: unknown): asserts equity is ArrayLike<number> {
  if (!isArrayLike(equity)) {
    throw new InvalidArgumentError(path, equity, 'an equity curve (array of finite numbers > 0)');
  }
  if (equity.length < 2) {
    throw new InvalidArgumentError(path, equity.length, 'an equity curve with a length of at least 2');
  }
  for (let i = 0; i < equity.length; i++) {
    const v = equity[i];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      throw new InvalidArgumentError(`${path}[${i}]`, v, 'a finite equity value > 0');
    }
  }
}

/** Throws unless `values` is an array-like (its entries are checked by the caller). */
export function checkArray(path: string, values: unknown): asserts values is ArrayLike<unknown> {
  if (!isArrayLike(values)) {
    throw new InvalidArgumentError(path, values, 'an array');
  }
}

/** Throws unless `other` has `expected` entries, like the series it is paired with. */
export function checkSameLength(path: string, other: ArrayLike<number>, expected: number): void {
  if (other.length !== expected) {
    throw new InvalidArgumentError(path, other.length, `a length of ${expected}, that of the series it is paired with`);
  }
}

/**
 * Cheap validation of model options, shared by the risk models and pre-trade
 * controls of this package. Each check throws an InvalidArgumentError that
 * names the option and the value. Internal: not exported from the package.
 *
 * @module
 */
import { InvalidArgumentError } from '@alphaswarm/core';

/**
 * A finite number `> 0`.
 *
 * @internal
 */
export function positive(path: string, value: number): number {
  if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) throw new InvalidArgumentError(path, value, 'a finite number > 0');
  return value;
}

/**
 * A fraction in `(0, 1]` (e.g. `0.05` = 5 %), unless `max` widens the range.
 *
 * @internal
 */
export function fraction(path: string, value: number, max = 1): number {
  if (!(typeof value === 'number' && value > 0 && value <= max)) {
    throw new InvalidArgumentError(path, value, `a fraction in (0, ${max}]`);
  }
  return value;
}

/**
 * An integer `≥ min`.
 *
 * @internal
 */
export function integerAtLeast(path: string, value: number, min: number): number {
  if (!(typeof value === 'number' && Number.isSafeInteger(value) && value >= min)) {
    throw new InvalidArgumentError(path, value, `an integer ≥ ${min}`);
  }
  return value;
}

/**
 * One of the allowed string values.
 *
 * @internal
 */
export function oneOf<T extends string>(path: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) throw new InvalidArgumentError(path, value, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  return value;
}

/**
 * A model name: a non-empty string, or the default when omitted.
 *
 * @internal
 */
export function modelName(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.length === 0) throw new InvalidArgumentError('name', value, 'a non-empty string');
  return value;
}

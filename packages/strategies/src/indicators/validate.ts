import { InvalidArgumentError } from '@alphaswarm/core';

/**
 * Checks that a window length or period is an integer of at least `min` (1 unless
 * told) and returns it. Throws {@link @alphaswarm/core!InvalidArgumentError} naming `name` otherwise.
 *
 * @param name - the parameter's name as the caller knows it, e.g. `n` or `kPeriod`
 * @param value - the value received
 * @param min - the smallest allowed value
 */
export function requirePeriod(name: string, value: unknown, min = 1): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new InvalidArgumentError(name, value, min === 1 ? 'a positive integer' : `an integer >= ${min}`);
  }
  return value;
}

/**
 * Checks that a number is finite and strictly positive and returns it. Throws
 * {@link @alphaswarm/core!InvalidArgumentError} naming `name` otherwise.
 *
 * @param name - the parameter's name, e.g. `periodsPerYear`
 * @param value - the value received
 */
export function requirePositiveNumber(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError(name, value, 'a finite positive number');
  }
  return value;
}

/** A named input series, as passed to {@link requireSameLength}. */
export type NamedSeries = readonly [name: string, series: ArrayLike<number>];

/**
 * Checks that every series has the length of the first one and returns that length.
 * Throws {@link @alphaswarm/core!InvalidArgumentError} with path `<name>.length` for the first one that
 * does not.
 *
 * @param first - the reference series
 * @param rest - the series that must match it
 */
export function requireSameLength(first: NamedSeries, ...rest: readonly NamedSeries[]): number {
  const length = first[1].length;
  for (const [name, series] of rest) {
    if (series.length !== length) {
      throw new InvalidArgumentError(`${name}.length`, series.length, `${length} (the length of ${first[0]})`);
    }
  }
  return length;
}

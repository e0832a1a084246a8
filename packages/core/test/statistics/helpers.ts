import { errorFunction } from 'simple-statistics';
import { expect } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { SeededRandom } from '../../src/random.js';

/**
 * Shared fixtures of the statistics tests.
 *
 * The hand-worked example: equity 100 → 110 → 99 → 120.
 *   r1 = 110/100 − 1 = 0.1, r2 = 99/110 − 1 = −0.1, r3 = 120/99 − 1 = 21/99 = 0.212121…
 *   mean = (0.1 − 0.1 + 21/99) / 3 = 7/99
 *   deviations (in 990ths): 0.1 − 7/99 = 29/990, −0.1 − 7/99 = −169/990, 21/99 − 7/99 = 140/990
 *   Σd² = (29² + 169² + 140²)/990² = (841 + 28 561 + 19 600)/990² = 49 002/990²
 *   sample variance s² = 24 501/990², s = √24 501 / 990
 *   Σd³ = (29³ − 169³ + 140³)/990³ = (24 389 − 4 826 809 + 2 744 000)/990³ = −2 058 420/990³
 *   Σd⁴ = (29⁴ + 169⁴ + 140⁴)/990⁴ = (707 281 + 815 730 721 + 384 160 000)/990⁴ = 1 200 598 002/990⁴
 */
export const HAND_EQUITY = [100, 110, 99, 120] as const;
export const HAND_RETURNS = [0.1, -0.1, 21 / 99] as const;
export const HAND_MEAN = 7 / 99;
export const HAND_SD = Math.sqrt(24_501) / 990;
export const HAND_SUM_D2 = 49_002 / 990 ** 2;
export const HAND_SUM_D3 = -2_058_420 / 990 ** 3;
export const HAND_SUM_D4 = 1_200_598_002 / 990 ** 4;

/** Standard normal CDF through simple-statistics' error function (|error| < 1.2e-7): Φ(z) = (1 + erf(z/√2))/2. */
export function phi(z: number): number {
  return (1 + errorFunction(z / Math.SQRT2)) / 2;
}

/** `n` normal returns with the given mean and sd, seeded. */
export function randomReturns(seed: number, n: number, mean = 0.0005, sd = 0.01): number[] {
  const rng = new SeededRandom(seed);
  return Array.from({ length: n }, () => mean + sd * rng.normal());
}

/** The equity curve compounding `returns` from `start` (length returns.length + 1). */
export function equityFrom(returns: readonly number[], start = 100): number[] {
  const out = [start];
  let v = start;
  for (const r of returns) {
    v *= 1 + r;
    out.push(v);
  }
  return out;
}

/** Asserts |actual − expected| ≤ rel × max(1, |expected|). */
export function expectClose(actual: number, expected: number, rel = 1e-10): void {
  expect(Number.isFinite(actual), `${actual} is finite`).toBe(true);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
}

/** Asserts that `fn` throws an InvalidArgumentError whose path is `path`. */
export function expectPath(fn: () => unknown, path: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidArgumentError);
  expect((caught as InvalidArgumentError).path).toBe(path);
}

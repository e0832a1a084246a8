/**
 * Relative tolerance under which a quantity is treated as zero: `|x| ≤ 1e-10 × |ref|`.
 * It only absorbs floating-point dust left by fractional quantities (0.1 + 0.2 − 0.3);
 * with whole-unit quantities it never changes a result. Money is never rounded.
 */
export const QUANTITY_TOLERANCE = 1e-10;

/** True when `x` is zero up to {@link QUANTITY_TOLERANCE} relative to `reference`. */
export function isQuantityDust(x: number, reference: number): boolean {
  return Math.abs(x) <= QUANTITY_TOLERANCE * Math.abs(reference);
}

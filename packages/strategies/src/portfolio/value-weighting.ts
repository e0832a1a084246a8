import type { Insight } from '@alphaswarm/core';

/**
 * How value-weighted models scale the values into weights: `full` divides by their
 * sum (`Σ|w| = 1` whenever a value is positive); `cap` scales down only when the sum
 * exceeds 1 (`Σ|w| ≤ 1`, LEAN's rule), leaving the rest in cash.
 */
export type WeightNormalization = 'full' | 'cap';

/**
 * Writes `sign(direction) × |valueᵢ| × scale` into `out`, where `valueᵢ` is what
 * `valueOf` reads from each insight (`undefined` counts as 0, no position) and the
 * scale follows `normalization` over `Σ|valueᵢ|`.
 */
export function weightByValue(
  insights: readonly Insight[],
  valueOf: (insight: Insight) => number | undefined,
  normalization: WeightNormalization,
  out: Float64Array,
): void {
  let gross = 0;
  for (let i = 0; i < insights.length; i++) {
    const value = Math.abs(valueOf(insights[i] as Insight) ?? 0);
    out[i] = value;
    gross += value;
  }
  const scale = normalization === 'full' ? (gross > 0 ? 1 / gross : 0) : gross > 1 ? 1 / gross : 1;
  for (let i = 0; i < insights.length; i++) {
    const value = out[i] as number;
    out[i] = value === 0 ? 0 : (insights[i] as Insight).sign * value * scale;
  }
}

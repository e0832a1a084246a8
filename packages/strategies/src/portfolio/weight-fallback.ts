import type { Insight } from '@alphaswarm/core';
import type { SquareMatrix } from './square-matrix.js';

/** Writes `signᵢ / N` into `out`: the fallback of the covariance-based models when the history is too short. */
export function equalWeights(insights: readonly Insight[], out: Float64Array): void {
  const n = insights.length;
  for (let i = 0; i < n; i++) out[i] = (insights[i] as Insight).sign / n;
}

/** True when every entry is finite and every variance is positive. */
export function covarianceIsUsable(covariance: SquareMatrix): boolean {
  const { n, data } = covariance;
  for (let k = 0; k < data.length; k++) if (!Number.isFinite(data[k] as number)) return false;
  for (let i = 0; i < n; i++) if (!((data[i * n + i] as number) > 0)) return false;
  return true;
}

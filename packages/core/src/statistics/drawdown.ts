/**
 * Drawdowns of an equity curve.
 *
 * Drawdowns are POSITIVE fractions below the running peak: d_i = 1 − P_i / max_{j≤i} P_j,
 * so 0 at a new high and 0.25 a quarter below the best value so far; always in [0, 1)
 * for a positive curve.
 *
 * @module
 */
import { checkEquity } from './validate.js';

/** The deepest peak-to-trough fall of an equity curve, from {@link maxDrawdown}. */
export interface MaxDrawdown {
  /** Depth as a positive fraction of the peak (0.25 = 25 % below it); 0 if the curve never falls below a running peak. */
  readonly depth: number;
  /** Index of the peak: the LAST index before the trough at which the curve stood at its running maximum. */
  readonly peakIndex: number;
  /** Index of the trough: the FIRST index at which the maximum depth is reached. */
  readonly troughIndex: number;
  /**
   * First index after the trough at which equity is back at or above the peak value,
   * or null when it never recovers by the end of the curve. When `depth` is 0 it
   * equals `troughIndex` (nothing to recover from).
   */
  readonly recoveryIndex: number | null;
}

/**
 * The drawdown of every point of an equity curve, as positive fractions below the
 * running peak: d_i = 1 − P_i / max_{j≤i} P_j (d_0 = 0).
 *
 * @param equity - account values, at least 2 points, each finite and > 0
 * @returns a new Float64Array of the same length as `equity`, values in [0, 1)
 * @throws InvalidArgumentError (`equity`, `equity[i]`)
 */
export function drawdownSeries(equity: ArrayLike<number>): Float64Array {
  checkEquity('equity', equity);
  const out = new Float64Array(equity.length);
  let peak = equity[0] ?? Number.NaN;
  for (let i = 0; i < equity.length; i++) {
    const v = equity[i] ?? Number.NaN;
    if (v >= peak) {
      peak = v;
      out[i] = 0;
    } else {
      out[i] = 1 - v / peak;
    }
  }
  return out;
}

/**
 * The maximum drawdown of an equity curve and where it happened. `depth` equals the
 * maximum of {@link drawdownSeries}. Ties: the first trough reaching the maximum depth
 * is reported, with the last index at the running peak before it as `peakIndex`.
 * A curve that never falls below a running peak reports depth 0 and peakIndex =
 * troughIndex = recoveryIndex = 0.
 *
 * @param equity - account values, at least 2 points, each finite and > 0
 * @throws InvalidArgumentError (`equity`, `equity[i]`)
 */
export function maxDrawdown(equity: ArrayLike<number>): MaxDrawdown {
  checkEquity('equity', equity);
  const n = equity.length;
  let peak = equity[0] ?? Number.NaN;
  let peakAt = 0;
  let depth = 0;
  let peakIndex = 0;
  let troughIndex = 0;
  for (let i = 0; i < n; i++) {
    const v = equity[i] ?? Number.NaN;
    if (v >= peak) {
      peak = v;
      peakAt = i;
    } else {
      const d = 1 - v / peak;
      if (d > depth) {
        depth = d;
        peakIndex = peakAt;
        troughIndex = i;
      }
    }
  }
  if (depth === 0) return { depth: 0, peakIndex: 0, troughIndex: 0, recoveryIndex: 0 };
  const peakValue = equity[peakIndex] ?? Number.NaN;
  let recoveryIndex: number | null = null;
  for (let i = troughIndex + 1; i < n; i++) {
    if ((equity[i] ?? Number.NaN) >= peakValue) {
      recoveryIndex = i;
      break;
    }
  }
  return { depth, peakIndex, troughIndex, recoveryIndex };
}

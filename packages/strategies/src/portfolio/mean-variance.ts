import { InvalidArgumentError } from '@alphaswarm/core';
import { choleskyWithRidge } from './cholesky.js';
import { solveQuadraticProgram } from './quadratic-program.js';
import { addRidge, meanDiagonal, requireSquareMatrix, type SquareMatrix } from './square-matrix.js';

/** Bounds on each weight of a long-only, fully invested portfolio. */
export interface WeightBounds {
  /** Smallest weight of an asset, in [0, 1] (default 0). */
  readonly minWeight?: number;
  /** Largest weight of an asset, in (0, 1] (default 1). */
  readonly maxWeight?: number;
}

/**
 * The bounds actually used for `n` assets: `[minWeight, maxWeight]`, widened to
 * contain `1/n` when they would make `Σw = 1` infeasible (`n·maxWeight < 1` lowers
 * nothing but raises the cap to `1/n`; `n·minWeight > 1` lowers the floor to `1/n`).
 *
 * @throws `InvalidArgumentError` naming `minWeight` / `maxWeight` when out of range.
 */
export function effectiveBounds(n: number, { minWeight = 0, maxWeight = 1 }: WeightBounds = {}): { lower: number; upper: number } {
  if (!(minWeight >= 0 && minWeight <= 1)) throw new InvalidArgumentError('minWeight', minWeight, 'a weight in [0, 1]');
  if (!(maxWeight > 0 && maxWeight <= 1)) throw new InvalidArgumentError('maxWeight', maxWeight, 'a weight in (0, 1]');
  if (minWeight > maxWeight) throw new InvalidArgumentError('minWeight', minWeight, `at most maxWeight = ${maxWeight}`);
  if (n === 0) return { lower: minWeight, upper: maxWeight };
  return { lower: Math.min(minWeight, 1 / n), upper: Math.max(maxWeight, 1 / n) };
}

/**
 * The long-only minimum-variance portfolio: `argmin wᵀΣw` subject to `Σw = 1` and
 * `lower ≤ wᵢ ≤ upper` (see `effectiveBounds`), solved exactly with the
 * active-set quadratic-program solver from the equal-weight start. For two assets
 * inside the bounds this is `w₁ = (σ₂² − σ₁₂)/(σ₁² + σ₂² − 2σ₁₂)`.
 *
 * A covariance that is only positive semi-definite gets the ridge of
 * `choleskyWithRidge` (≤ 1e-6 × the mean variance), which picks one of the tied optima.
 *
 * @throws `InvalidArgumentError` on a malformed covariance or bounds.
 */
export function minimumVarianceWeights(covariance: SquareMatrix, bounds: WeightBounds = {}): Float64Array {
  requireSquareMatrix(covariance, 'covariance');
  const n = covariance.n;
  if (n === 0) return new Float64Array(0);
  const { lower, upper } = effectiveBounds(n, bounds);
  const hessian = withRidge(covariance);
  const ones = new Float64Array(n).fill(1);
  const rows: Float64Array[] = [];
  const rhs: number[] = [];
  for (let i = 0; i < n; i++) {
    rows.push(unit(n, i, 1));
    rhs.push(lower);
    if (upper < 1) {
      rows.push(unit(n, i, -1));
      rhs.push(-upper);
    }
  }
  const start = new Float64Array(n).fill(1 / n);
  const { x } = solveQuadraticProgram({ hessian, equalities: { rows: [ones], rhs: [1] }, inequalities: { rows, rhs }, start });
  return clean(x, lower, upper);
}

/**
 * The long-only maximum-Sharpe (tangency) portfolio:
 * `argmax (μ − r_f)ᵀw / √(wᵀΣw)` subject to `Σw = 1` and `lower ≤ wᵢ ≤ upper`.
 *
 * Solved exactly through the standard transformation to a convex quadratic program:
 * with `y = w / ((μ − r_f)ᵀw)` (positive at the optimum), minimise `yᵀΣy` subject to
 * `(μ − r_f)ᵀy = 1`, `yᵢ ≥ lower·Σy` and `yᵢ ≤ upper·Σy`, then `w = y / Σy`. Without
 * binding bounds the result is the closed form `w ∝ Σ⁻¹(μ − r_f)`.
 *
 * When no admissible portfolio has a positive excess return (`max (μ − r_f)ᵀw ≤ 0`,
 * up to 1e-6 of the largest |excess return|) the Sharpe ratio has no positive
 * maximum and the minimum-variance portfolio is returned instead.
 *
 * @param expectedReturns - `μ`, per-period expected returns
 * @param covariance - `Σ` of the same per-period returns
 * @param riskFree - `r_f`, per-period risk-free rate (default 0)
 * @param bounds - weight bounds (default [0, 1])
 * @throws `InvalidArgumentError` on mismatched sizes or non-finite inputs.
 */
export function maximumSharpeWeights(expectedReturns: ArrayLike<number>, covariance: SquareMatrix, riskFree = 0, bounds: WeightBounds = {}): Float64Array {
  requireSquareMatrix(covariance, 'covariance');
  const n = covariance.n;
  if (expectedReturns.length !== n) throw new InvalidArgumentError('expectedReturns.length', expectedReturns.length, `${n} (the size of the covariance)`);
  if (!Number.isFinite(riskFree)) throw new InvalidArgumentError('riskFree', riskFree, 'a finite per-period rate');
  if (n === 0) return new Float64Array(0);
  const { lower, upper } = effectiveBounds(n, bounds);
  const excess = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mu = expectedReturns[i] as number;
    if (!Number.isFinite(mu)) throw new InvalidArgumentError(`expectedReturns[${i}]`, mu, 'a finite number');
    excess[i] = mu - riskFree;
  }
  // The tangency portfolio does not change when the excess returns are scaled by a
  // positive factor: scale them to max |eᵢ| = 1 so the transformed problem is well scaled.
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(excess[i] as number));
  if (!(scale > 0)) return minimumVarianceWeights(covariance, bounds);
  for (let i = 0; i < n; i++) excess[i] = (excess[i] as number) / scale;
  const best = bestExcessPortfolio(excess, lower, upper);
  let bestExcess = 0;
  for (let i = 0; i < n; i++) bestExcess += (best[i] as number) * (excess[i] as number);
  if (!(bestExcess > 1e-6)) return minimumVarianceWeights(covariance, bounds);
  const start = best.map((w) => w / bestExcess);
  const rows: Float64Array[] = [];
  const rhs: number[] = [];
  for (let i = 0; i < n; i++) {
    const lowerRow = new Float64Array(n).fill(-lower);
    lowerRow[i] = 1 - lower;
    rows.push(lowerRow);
    rhs.push(0);
    if (upper < 1) {
      const upperRow = new Float64Array(n).fill(upper);
      upperRow[i] = upper - 1;
      rows.push(upperRow);
      rhs.push(0);
    }
  }
  const { x } = solveQuadraticProgram({ hessian: withRidge(covariance), equalities: { rows: [excess], rhs: [1] }, inequalities: { rows, rhs }, start });
  let total = 0;
  for (let i = 0; i < n; i++) total += x[i] as number;
  return clean(
    x.map((y) => y / total),
    lower,
    upper,
  );
}

/** The LP `argmax excessᵀw` over the box-constrained simplex, greedily: floors first, then the best assets up to the cap. */
function bestExcessPortfolio(excess: Float64Array, lower: number, upper: number): Float64Array {
  const n = excess.length;
  const w = new Float64Array(n).fill(lower);
  let budget = 1 - n * lower;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (excess[b] as number) - (excess[a] as number) || a - b);
  for (const i of order) {
    if (budget <= 0) break;
    const add = Math.min(upper - lower, budget);
    w[i] = lower + add;
    budget -= add;
  }
  return w;
}

/**
 * The covariance scaled to a mean variance of 1 (the optimal weights do not change
 * when `Σ` is scaled, and the KKT systems are better conditioned), plus the ridge of
 * `choleskyWithRidge` when it is only positive semi-definite.
 */
function withRidge(covariance: SquareMatrix): SquareMatrix {
  const scale = meanDiagonal(covariance);
  const scaled = scale > 0 ? { n: covariance.n, data: covariance.data.map((x) => x / scale) } : covariance;
  const { ridge } = choleskyWithRidge(scaled);
  return ridge === 0 ? scaled : addRidge(scaled, ridge);
}

function unit(n: number, i: number, value: number): Float64Array {
  const row = new Float64Array(n);
  row[i] = value;
  return row;
}

/** Clamps rounding dust into the bounds (snapping within 1e-12 of a bound onto it) and renormalises the sum to 1. */
function clean(w: Float64Array, lower: number, upper: number): Float64Array {
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    let x = Math.min(upper, Math.max(lower, w[i] as number));
    if (x - lower <= 1e-12) x = lower;
    else if (upper - x <= 1e-12) x = upper;
    w[i] = x;
    total += x;
  }
  if (total > 0) for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) / total;
  return w;
}

import { AlphaSwarmError, InvalidArgumentError } from '@alphaswarm/core';
import { cholesky, choleskySolve } from './cholesky.js';
import { multiplyMatrixVector, quadraticForm, requireSquareMatrix, type SquareMatrix } from './square-matrix.js';

/** Options of {@link equalRiskContributionWeights}. */
export interface RiskBudgetingOptions {
  /** Risk budgets `bᵢ > 0` (normalised to sum 1); equal budgets `1/n` when omitted. */
  readonly budgets?: ArrayLike<number>;
  /** Largest allowed `|RCᵢ/σ² − bᵢ|` at the solution (default 1e-10). */
  readonly tolerance?: number;
  /** Newton iterations before giving up (default 100). */
  readonly maxIterations?: number;
}

/**
 * Inverse-volatility weights `wᵢ = (1/σᵢ) / Σⱼ (1/σⱼ)` from the diagonal of a
 * covariance matrix (equal risk contributions when the assets are uncorrelated).
 *
 * @throws `InvalidArgumentError` when a variance is not positive.
 */
export function inverseVolatilityWeights(covariance: SquareMatrix): Float64Array {
  requireSquareMatrix(covariance, 'covariance');
  const n = covariance.n;
  const w = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const variance = covariance.data[i * n + i] as number;
    if (!(variance > 0)) throw new InvalidArgumentError(`covariance[${i}][${i}]`, variance, 'a positive variance');
    w[i] = 1 / Math.sqrt(variance);
    total += w[i] as number;
  }
  for (let i = 0; i < n; i++) w[i] = (w[i] as number) / total;
  return w;
}

/**
 * Risk-budgeting (equal-risk-contribution by default) long-only weights: the unique
 * `w > 0`, `Σw = 1`, whose risk contributions `RCᵢ = wᵢ (Σw)ᵢ` are in proportion to
 * the budgets, `RCᵢ = bᵢ · wᵀΣw`.
 *
 * Solved with Spinu's convex formulation (2013): minimise
 * `f(y) = ½ yᵀΣy − Σ bᵢ ln yᵢ` over `y > 0`, whose stationary point satisfies
 * `yᵢ (Σy)ᵢ = bᵢ`; then `w = y / Σy`. The budgets are rescaled so the smallest is 1,
 * which makes `f` self-concordant, and the damped Newton method (step `1/(1 + λ)`
 * while the Newton decrement `λ` exceeds 0.25, full steps after) converges globally
 * and quadratically, staying inside `y > 0`. Each Newton system
 * `(Σ + diag(bᵢ/yᵢ²)) Δ = ∇f` is positive definite and is solved by Cholesky, so a
 * covariance that is only positive semi-definite (fewer observations than assets) is
 * fine as long as every variance is positive.
 *
 * @throws `InvalidArgumentError` on a non-positive variance or budget;
 * `AlphaSwarmError` `ERC_DID_NOT_CONVERGE` when the tolerance is not reached.
 */
export function equalRiskContributionWeights(covariance: SquareMatrix, options: RiskBudgetingOptions = {}): Float64Array {
  requireSquareMatrix(covariance, 'covariance');
  const n = covariance.n;
  const { tolerance = 1e-10, maxIterations = 100 } = options;
  if (!(tolerance > 0)) throw new InvalidArgumentError('tolerance', tolerance, 'a positive number');
  if (!(Number.isSafeInteger(maxIterations) && maxIterations >= 1)) throw new InvalidArgumentError('maxIterations', maxIterations, 'a positive integer');
  if (n === 0) return new Float64Array(0);
  const budgets = new Float64Array(n);
  let budgetSum = 0;
  let budgetMin = Infinity;
  for (let i = 0; i < n; i++) {
    const b = options.budgets === undefined ? 1 : (options.budgets[i] as number);
    if (!(b > 0 && Number.isFinite(b))) throw new InvalidArgumentError(`budgets[${i}]`, b, 'a positive finite budget');
    if (!((covariance.data[i * n + i] as number) > 0)) throw new InvalidArgumentError(`covariance[${i}][${i}]`, covariance.data[i * n + i], 'a positive variance');
    budgets[i] = b;
    budgetSum += b;
    budgetMin = Math.min(budgetMin, b);
  }
  const target = budgets.map((b) => b / budgetSum);
  const scaled = budgets.map((b) => b / budgetMin);

  // Start from inverse volatility, scaled onto yᵀΣy = Σb (which holds at the optimum).
  const y = inverseVolatilityWeights(covariance);
  let scaledSum = 0;
  for (let i = 0; i < n; i++) scaledSum += scaled[i] as number;
  const s0 = Math.sqrt(scaledSum / quadraticForm(covariance, y));
  for (let i = 0; i < n; i++) y[i] = (y[i] as number) * s0;

  const sy = new Float64Array(n);
  const gradient = new Float64Array(n);
  const hessian = { n, data: new Float64Array(n * n) };
  for (let iteration = 0; iteration <= maxIterations; iteration++) {
    multiplyMatrixVector(covariance, y, sy);
    if (riskContributionError(y, sy, target) <= tolerance) break;
    if (iteration === maxIterations) {
      throw new AlphaSwarmError('ERC_DID_NOT_CONVERGE', `equal risk contribution did not reach ${tolerance} in ${maxIterations} Newton iterations`);
    }
    hessian.data.set(covariance.data);
    for (let i = 0; i < n; i++) {
      const yi = y[i] as number;
      const bi = scaled[i] as number;
      gradient[i] = (sy[i] as number) - bi / yi;
      hessian.data[i * n + i] = (hessian.data[i * n + i] as number) + bi / (yi * yi);
    }
    const factor = cholesky(hessian);
    if (factor === undefined) throw new AlphaSwarmError('ERC_DID_NOT_CONVERGE', 'equal risk contribution: the Newton system is not positive definite');
    const delta = choleskySolve(factor, gradient);
    let decrement = 0;
    for (let i = 0; i < n; i++) decrement += (gradient[i] as number) * (delta[i] as number);
    const lambda = Math.sqrt(Math.max(0, decrement));
    let step = lambda > 0.25 ? 1 / (1 + lambda) : 1;
    for (;;) {
      let inside = true;
      for (let i = 0; i < n; i++) if (!((y[i] as number) - step * (delta[i] as number) > 0)) inside = false;
      if (inside) break;
      step /= 2;
    }
    for (let i = 0; i < n; i++) y[i] = (y[i] as number) - step * (delta[i] as number);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += y[i] as number;
  return y.map((v) => v / total);
}

/** `maxᵢ |yᵢ(Σy)ᵢ / yᵀΣy − targetᵢ|`: the relative risk contributions' distance to the budgets. */
function riskContributionError(y: Float64Array, sy: Float64Array, target: Float64Array): number {
  let variance = 0;
  for (let i = 0; i < y.length; i++) variance += (y[i] as number) * (sy[i] as number);
  let worst = 0;
  for (let i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(((y[i] as number) * (sy[i] as number)) / variance - (target[i] as number)));
  return worst;
}

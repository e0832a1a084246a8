import { InvalidArgumentError } from '@alphaswarm/core';
import { solveLinearSystem } from './linear-solve.js';
import { multiplyMatrixVector, requireSquareMatrix, type SquareMatrix } from './square-matrix.js';

/** One Black-Litterman view: "the portfolio `p` will return `q`", held with a confidence. */
export interface BlackLittermanView {
  /** The view portfolio `p` (a row of `P`); a unit vector `eᵢ` for an absolute view on asset i. */
  readonly portfolio: ArrayLike<number>;
  /** The expected return `q` of the view portfolio, per period (same units as the covariance). */
  readonly expectedReturn: number;
  /**
   * Confidence `c` in (0, 1]: the view's variance is `Ω = τ pᵀΣp / c`, so `c = 1` is He
   * and Litterman's `Ω = diag(τ P Σ Pᵀ)` and smaller values trust the view less.
   */
  readonly confidence: number;
}

/** Inputs of {@link blackLittermanPosterior}. */
export interface BlackLittermanInputs {
  /** `Σ`: covariance of per-period returns. */
  readonly covariance: SquareMatrix;
  /** `w_mkt`: the market (equilibrium) weights, summing to 1. */
  readonly marketWeights: ArrayLike<number>;
  /** `δ`: risk aversion (> 0). */
  readonly riskAversion: number;
  /** `τ`: scale of the uncertainty of the prior mean (> 0). */
  readonly tau: number;
  /** The views (possibly none). */
  readonly views: readonly BlackLittermanView[];
}

/** Outputs of {@link blackLittermanPosterior}. */
export interface BlackLittermanPosterior {
  /** `π = δ Σ w_mkt`: the implied equilibrium returns. */
  readonly equilibriumReturns: Float64Array;
  /** `μ_BL`: the posterior expected returns. */
  readonly posteriorReturns: Float64Array;
}

/**
 * The Black-Litterman posterior mean:
 * `π = δ Σ w_mkt` and
 * `μ_BL = [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹ [(τΣ)⁻¹π + PᵀΩ⁻¹Q]`,
 * with `Ω = diag(τ pₖᵀΣpₖ / cₖ)` (He & Litterman's choice scaled by each view's
 * confidence). It is evaluated in the algebraically equal form
 * `μ_BL = π + τΣPᵀ (τPΣPᵀ + Ω)⁻¹ (Q − Pπ)`, which inverts only the small `K × K`
 * view matrix and never `Σ` (so a singular sample covariance is fine). Without views
 * the posterior is `π`.
 *
 * @throws `InvalidArgumentError` naming the field on a size mismatch, a
 * non-positive `δ` or `τ`, a confidence outside (0, 1], or a view portfolio with
 * zero variance.
 */
export function blackLittermanPosterior(inputs: BlackLittermanInputs): BlackLittermanPosterior {
  const { covariance, marketWeights, riskAversion, tau, views } = inputs;
  requireSquareMatrix(covariance, 'covariance');
  const n = covariance.n;
  if (marketWeights.length !== n) throw new InvalidArgumentError('marketWeights.length', marketWeights.length, `${n} (the size of the covariance)`);
  if (!(riskAversion > 0 && Number.isFinite(riskAversion))) throw new InvalidArgumentError('riskAversion', riskAversion, 'a positive number');
  if (!(tau > 0 && Number.isFinite(tau))) throw new InvalidArgumentError('tau', tau, 'a positive number');
  const equilibrium = multiplyMatrixVector(covariance, marketWeights).map((v) => riskAversion * v);
  const k = views.length;
  if (k === 0) return { equilibriumReturns: equilibrium, posteriorReturns: equilibrium.slice() };
  // sp[k] = Σ pₖ (n-vector) for each view.
  const sp = views.map((view, v) => {
    if (view.portfolio.length !== n) throw new InvalidArgumentError(`views[${v}].portfolio.length`, view.portfolio.length, `${n}`);
    if (!(view.confidence > 0 && view.confidence <= 1)) throw new InvalidArgumentError(`views[${v}].confidence`, view.confidence, 'a confidence in (0, 1]');
    if (!Number.isFinite(view.expectedReturn)) throw new InvalidArgumentError(`views[${v}].expectedReturn`, view.expectedReturn, 'a finite number');
    return multiplyMatrixVector(covariance, view.portfolio);
  });
  const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += (a[i] as number) * (b[i] as number);
    return s;
  };
  // M = τ P Σ Pᵀ + Ω, r = Q − Pπ.
  const m = new Float64Array(k * k);
  const r = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const va = views[a] as BlackLittermanView;
    for (let b = 0; b < k; b++) m[a * k + b] = tau * dot(va.portfolio, sp[b] as Float64Array);
    const viewVariance = tau * dot(va.portfolio, sp[a] as Float64Array);
    if (!(viewVariance > 0)) throw new InvalidArgumentError(`views[${a}].portfolio`, Array.from(va.portfolio), 'a view portfolio with positive variance');
    m[a * k + a] = (m[a * k + a] as number) + viewVariance / va.confidence;
    r[a] = va.expectedReturn - dot(va.portfolio, equilibrium);
  }
  const z = solveLinearSystem(m, k, r);
  // μ = π + τ Σ Pᵀ z = π + τ Σₖ zₖ (Σ pₖ).
  const posterior = equilibrium.slice();
  for (let a = 0; a < k; a++) {
    const spa = sp[a] as Float64Array;
    const za = z[a] as number;
    for (let i = 0; i < n; i++) posterior[i] = (posterior[i] as number) + tau * za * (spa[i] as number);
  }
  return { equilibriumReturns: equilibrium, posteriorReturns: posterior };
}

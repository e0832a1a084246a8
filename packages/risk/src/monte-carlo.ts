/**
 * Monte Carlo stress of a constant-weight portfolio over a horizon: simulated
 * horizon losses, their VaR and TVaR, and the probability that the running drawdown
 * breaches a limit. Seeded, so the same options give byte-identical losses.
 *
 * @module
 */
import { AlphaSwarmError, InvalidArgumentError, SeededRandom } from '@alphaswarm/core';
import {
  checkAlpha,
  checkSeries,
  covarianceMatrix,
  portfolioReturns,
  quantileOfSorted,
  tailMeanOfSorted,
} from './tvar/measures.js';

/**
 * How each simulated period's asset returns are drawn:
 * - `'bootstrap'`: a whole historical row (the same period index for every asset, so
 *   the cross-sectional correlation is kept), in blocks of `blockSize` consecutive
 *   periods;
 * - `'parametric'`: a multivariate normal with the sample mean vector and the sample
 *   covariance matrix of the history.
 */
export type MonteCarloMethod = 'bootstrap' | 'parametric';

/** Options of {@link monteCarloStress}. */
export interface MonteCarloStressOptions {
  /** Weight per asset, as signed fractions of equity (short < 0), held constant (rebalanced every period). */
  readonly weights: ArrayLike<number>;
  /** One series of historical simple returns per asset, same order as `weights`, all of one length (≥ 2), aligned in time. */
  readonly returns: readonly ArrayLike<number>[];
  /** Number of periods simulated per path (a positive integer), in the periods of `returns`. */
  readonly horizon: number;
  /** Number of simulated paths (a positive integer). */
  readonly paths: number;
  /** How period returns are drawn; see {@link MonteCarloMethod}. */
  readonly method: MonteCarloMethod;
  /** Integer seed of the {@link SeededRandom} that drives every draw (used as a 32-bit integer). */
  readonly seed: number;
  /** Confidence level of `var` and `tvar`, in (0, 1). Default 0.95. */
  readonly alpha?: number;
  /** Drawdown limit as a positive fraction (0.2 = 20 % below the running peak). Omit to skip the breach count. */
  readonly drawdownLimit?: number;
  /**
   * Bootstrap block length in periods, an integer in [1, history length]. Default 1
   * (independent rows). Ignored by the parametric method.
   */
  readonly blockSize?: number;
}

/** Outcome of {@link monteCarloStress}. */
export interface MonteCarloStressResult {
  /** Horizon loss `1 − V_H` of each path, positive = loss, in PATH ORDER (not sorted). */
  readonly losses: Float64Array;
  /** Mean of `losses`. */
  readonly meanLoss: number;
  /** α-quantile of `losses`, linear interpolation as in `historicalVaR` (R type 7). */
  readonly var: number;
  /** Mean of the losses `>=` `var`, as in `historicalES`. */
  readonly tvar: number;
  /**
   * Fraction of paths whose running drawdown `1 − V_t / max_{s≤t} V_s` (peak starting
   * at `V_0 = 1`) strictly exceeded `drawdownLimit` at some period; NaN when no
   * limit was given.
   */
  readonly probabilityOfDrawdownBreach: number;
  /** Number of paths simulated. */
  readonly paths: number;
  /** Periods per path. */
  readonly horizon: number;
  /** Sampling method used. */
  readonly method: MonteCarloMethod;
  /** Seed used. */
  readonly seed: number;
  /** Confidence level of `var` and `tvar`. */
  readonly alpha: number;
}

/** Relative size of the residual variance at which pivoted Cholesky stops (see {@link choleskyFactor}). */
const PIVOT_TOLERANCE = 1e-10;

/**
 * A square-root factor `F` with `F·Fᵀ = Σ` of a symmetric positive semi-definite
 * matrix, by Cholesky factorisation with diagonal pivoting (as LAPACK `dpstrf`):
 * `P·Σ·Pᵀ = L·Lᵀ` with `L` lower-triangular, returned as `F = Pᵀ·L`, i.e. with its
 * rows in the ORIGINAL order of `matrix` (row `i` of `F` belongs to index `i`;
 * column `k` is the k-th pivot). `F` is the plain lower-triangular Cholesky factor
 * whenever the pivots come in the original order, e.g. for `[[9,3,−3],[3,5,1],[−3,1,3]]`.
 * Any such `F` turns independent standard normals `z` into `F·z ~ N(0, Σ)`.
 *
 * Each step takes the index with the largest residual variance as the pivot, which
 * keeps the factorisation stable for ill-conditioned and semi-definite matrices
 * (perfectly collinear assets, an asset with zero variance) without jitter. It stops
 * when every residual variance is at most `tol = 1e-10 · max_i |Σ_ii|`; the remaining
 * Schur complement is then dropped, so `F·Fᵀ = Σ` to within about `2·tol` per entry
 * (and to rounding when no step is dropped). The tolerance is far above the rounding
 * of a sample covariance of exactly collinear series. Only `matrix[i][j]` with
 * `i ≥ j` (the lower triangle) is read.
 *
 * @param matrix - square symmetric matrix, one row per index
 * @returns `F`, one Float64Array row per index of `matrix`, `n` columns (columns past the rank are 0)
 * @throws InvalidArgumentError when `matrix` is not square or has non-finite entries
 * @throws AlphaSwarmError with code `NOT_POSITIVE_SEMIDEFINITE` when a residual variance is below `−tol`, or a residual covariance exceeds `2·tol` in absolute value after every residual variance fell to `tol` or less (impossible for a positive semi-definite matrix)
 */
export function choleskyFactor(matrix: readonly ArrayLike<number>[]): Float64Array[] {
  if (!Array.isArray(matrix) || matrix.length === 0) {
    throw new InvalidArgumentError('matrix', matrix, 'a non-empty square matrix');
  }
  const n = matrix.length;
  let maxDiag = 0;
  const residual = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = matrix[i] ?? [];
    checkSeries(row, `matrix[${i}]`, n);
    if (row.length !== n) throw new InvalidArgumentError(`matrix[${i}]`, row.length, `a row of ${n} entries`);
    const d = row[i] ?? 0;
    residual[i] = d;
    maxDiag = Math.max(maxDiag, Math.abs(d));
  }
  const entry = (i: number, j: number): number => (i >= j ? matrix[i]?.[j] : matrix[j]?.[i]) ?? 0;
  const tol = PIVOT_TOLERANCE * maxDiag;
  const factor: Float64Array[] = [];
  for (let i = 0; i < n; i++) factor.push(new Float64Array(n));
  const pivoted = new Uint8Array(n);
  let rank = 0;
  for (; rank < n; rank++) {
    let p = -1;
    let best = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const d = residual[i] ?? 0;
      if (pivoted[i] === 0 && d > best) {
        best = d;
        p = i;
      }
    }
    if (p < 0 || !(best > tol)) break;
    pivoted[p] = 1;
    const fp = factor[p] ?? new Float64Array(n);
    const pivot = Math.sqrt(best);
    fp[rank] = pivot;
    for (let i = 0; i < n; i++) {
      if (pivoted[i] === 1) continue;
      const fi = factor[i] ?? new Float64Array(n);
      let s = entry(i, p);
      for (let k = 0; k < rank; k++) s -= (fi[k] ?? 0) * (fp[k] ?? 0);
      const l = s / pivot;
      fi[rank] = l;
      residual[i] = (residual[i] ?? 0) - l * l;
    }
  }
  // What is left unpivoted must be (numerically) zero, as a PSD matrix requires.
  for (let i = 0; i < n; i++) {
    if (pivoted[i] === 1) continue;
    const d = residual[i] ?? 0;
    if (d < -tol) {
      throw new AlphaSwarmError('NOT_POSITIVE_SEMIDEFINITE', `matrix is not positive semi-definite: residual variance of index ${i} is ${d}`, {
        path: `matrix[${i}][${i}]`,
        value: d,
      });
    }
    const fi = factor[i] ?? new Float64Array(n);
    for (let j = 0; j < i; j++) {
      if (pivoted[j] === 1) continue;
      const fj = factor[j] ?? new Float64Array(n);
      let s = entry(i, j);
      for (let k = 0; k < rank; k++) s -= (fi[k] ?? 0) * (fj[k] ?? 0);
      if (Math.abs(s) > 2 * tol) {
        throw new AlphaSwarmError(
          'NOT_POSITIVE_SEMIDEFINITE',
          `matrix is not positive semi-definite: residual covariance (${i}, ${j}) is ${s} while both residual variances are about zero`,
          { path: `matrix[${i}][${j}]`, value: s },
        );
      }
    }
  }
  return factor;
}

function checkPositiveInteger(value: number, path: string): void {
  if (!(Number.isInteger(value) && value > 0)) throw new InvalidArgumentError(path, value, 'a positive integer');
}

/**
 * Simulates `paths` portfolio value paths of `horizon` periods and reports the
 * distribution of the horizon loss.
 *
 * - Portfolio: constant weights `w` rebalanced every period; value path
 *   `V_t = Π_{s≤t} (1 + Σ_i w_i · r_{i,s})` from `V_0 = 1`; horizon loss `1 − V_H`.
 *   Nothing clamps `V_t` at zero: a levered portfolio can lose more than 100 %.
 * - `'bootstrap'`: circular block bootstrap (Politis and Romano). Each block starts
 *   at a uniformly drawn period index `s` and takes `blockSize` consecutive rows
 *   `s, s+1, …` (wrapping from the last period to the first), each row holding the
 *   returns of every asset at one period; blocks are drawn until the horizon is
 *   filled (the last one truncated). `blockSize = 1` is the ordinary i.i.d. bootstrap
 *   of rows.
 * - `'parametric'`: period returns are independent draws `r = μ + F·z` with `μ` the
 *   sample mean vector, `F` the pivoted {@link choleskyFactor} of the sample
 *   covariance (n − 1 divisor), and `z` independent standard normals (one per asset
 *   per period); the portfolio return `w·r = w·μ + (Fᵀw)·z` is evaluated directly.
 * - Random numbers: one {@link SeededRandom} from `seed`, consumed path after path,
 *   so results depend only on the options (and are byte-identical for equal options).
 *
 * Cost: O(paths · horizon) for the bootstrap, O(paths · horizon · assets) for the
 * parametric method, plus one O(paths log paths) sort; the only allocations are the
 * result arrays.
 *
 * @param options - see {@link MonteCarloStressOptions}
 * @returns the losses in path order and their statistics; see {@link MonteCarloStressResult}
 * @throws InvalidArgumentError naming the offending option and value
 */
export function monteCarloStress(options: MonteCarloStressOptions): MonteCarloStressResult {
  const { weights, returns, horizon, paths, method, seed, alpha = 0.95, drawdownLimit, blockSize = 1 } = options;
  checkSeries(weights, 'weights', 1);
  if (!Array.isArray(returns) || returns.length !== weights.length) {
    throw new InvalidArgumentError('returns', returns, `one return series per weight (${weights.length})`);
  }
  const periods = returns[0]?.length ?? 0;
  for (let i = 0; i < returns.length; i++) {
    const series = returns[i] ?? [];
    checkSeries(series, `returns[${i}]`, 2);
    if (series.length !== periods) {
      throw new InvalidArgumentError(`returns[${i}]`, series.length, `a series of length ${periods} like returns[0]`);
    }
  }
  checkPositiveInteger(horizon, 'horizon');
  checkPositiveInteger(paths, 'paths');
  if (method !== 'bootstrap' && method !== 'parametric') {
    throw new InvalidArgumentError('method', method, '"bootstrap" or "parametric"');
  }
  if (!Number.isInteger(seed)) throw new InvalidArgumentError('seed', seed, 'an integer');
  checkAlpha(alpha);
  if (drawdownLimit !== undefined && !(typeof drawdownLimit === 'number' && Number.isFinite(drawdownLimit) && drawdownLimit > 0)) {
    throw new InvalidArgumentError('drawdownLimit', drawdownLimit, 'a positive finite fraction');
  }
  if (!(Number.isInteger(blockSize) && blockSize >= 1 && (method !== 'bootstrap' || blockSize <= periods))) {
    throw new InvalidArgumentError('blockSize', blockSize, `an integer in [1, ${periods}] (the history length)`);
  }

  const rng = new SeededRandom(seed);
  const losses = new Float64Array(paths);
  const limit = drawdownLimit ?? Number.POSITIVE_INFINITY;
  let breaches = 0;

  if (method === 'bootstrap') {
    const rows = portfolioReturns(weights, returns);
    for (let p = 0; p < paths; p++) {
      let value = 1;
      let peak = 1;
      let breached = false;
      let t = 0;
      while (t < horizon) {
        let index = rng.int(periods);
        for (let k = 0; k < blockSize && t < horizon; k++, t++) {
          value *= 1 + (rows[index] ?? 0);
          if (value > peak) peak = value;
          else if (1 - value / peak > limit) breached = true;
          index = index + 1 === periods ? 0 : index + 1;
        }
      }
      losses[p] = 1 - value;
      if (breached) breaches++;
    }
  } else {
    const n = weights.length;
    const factor = choleskyFactor(covarianceMatrix(returns));
    // drift = w·μ; loadings = Fᵀw, so that w·(μ + F z) = drift + loadings·z.
    let drift = 0;
    const loadings = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const series = returns[i] ?? [];
      let sum = 0;
      for (let t = 0; t < periods; t++) sum += series[t] ?? 0;
      const wi = weights[i] ?? 0;
      drift += (wi * sum) / periods;
      const fi = factor[i] ?? new Float64Array(n);
      for (let j = 0; j < n; j++) loadings[j] = (loadings[j] ?? 0) + wi * (fi[j] ?? 0);
    }
    for (let p = 0; p < paths; p++) {
      let value = 1;
      let peak = 1;
      let breached = false;
      for (let t = 0; t < horizon; t++) {
        let r = drift;
        for (let j = 0; j < n; j++) r += (loadings[j] ?? 0) * rng.normal();
        value *= 1 + r;
        if (value > peak) peak = value;
        else if (1 - value / peak > limit) breached = true;
      }
      losses[p] = 1 - value;
      if (breached) breaches++;
    }
  }

  let sum = 0;
  for (let p = 0; p < paths; p++) sum += losses[p] ?? 0;
  const sorted = losses.slice().sort();
  const valueAtRisk = quantileOfSorted(sorted, alpha);
  return {
    losses,
    meanLoss: sum / paths,
    var: valueAtRisk,
    tvar: tailMeanOfSorted(sorted, valueAtRisk),
    probabilityOfDrawdownBreach: drawdownLimit === undefined ? Number.NaN : breaches / paths,
    paths,
    horizon,
    method,
    seed,
    alpha,
  };
}

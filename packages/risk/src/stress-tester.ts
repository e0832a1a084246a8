/**
 * The risk package's implementation of core's `StressTester` contract: Monte Carlo
 * stress of a proposed position set through {@link monteCarloStress}.
 *
 * @module
 */
import { InvalidArgumentError } from '@alphaswarm/core';
import type { StressRequest, StressResult, StressTester } from '@alphaswarm/core';
import { monteCarloStress } from './monte-carlo.js';
import type { MonteCarloMethod } from './monte-carlo.js';

/** Options of {@link MonteCarloStressTester}. */
export interface MonteCarloStressTesterOptions {
  /** Sampling method when a request names none (default `'bootstrap'`); see {@link MonteCarloMethod}. */
  readonly method?: MonteCarloMethod;
  /**
   * Bootstrap block length in periods (default 1, i.i.d. rows). Capped at each
   * request's history length, so a short history never fails for it. Ignored by the
   * parametric method.
   */
  readonly blockSize?: number;
  /** Confidence level of VaR and TVaR when a request gives none (default 0.95). */
  readonly alpha?: number;
  /**
   * Largest `paths × horizon` a request may ask for (default 50 000 000), so that a
   * request from outside (an MCP tool call, an agent) cannot tie the process up.
   */
  readonly maxSteps?: number;
}

/** Default bound on simulated path-periods per request. */
const DEFAULT_MAX_STEPS = 50_000_000;

/**
 * Monte Carlo stress of a constant-weight portfolio, implementing core's
 * `StressTester` with {@link monteCarloStress}:
 *
 * - the portfolio is `request.weights` (signed fractions of equity) rebalanced every
 *   period, over `request.horizon` periods of the history `request.returns` (simple
 *   returns per period, one aligned series per asset);
 * - period returns are drawn by the request's `method`, else the tester's (default
 *   `'bootstrap'`: whole historical rows, keeping the cross-asset correlation, in
 *   blocks of `blockSize` periods); `'parametric'` draws a multivariate normal with
 *   the sample mean and covariance;
 * - losses are positive fractions of starting equity: `var` is the α-quantile of the
 *   horizon loss (R type 7), `tvar` the mean loss at or beyond it, and
 *   `probabilityOfDrawdownBreach` the fraction of paths whose running drawdown
 *   exceeded `drawdownLimit` (NaN when the request gives no limit);
 * - seeding: one `SeededRandom(request.seed)` drives every draw, so equal requests
 *   give identical results.
 *
 * @example
 * ```ts
 * const tester = new MonteCarloStressTester();
 * const r = tester.stress({ weights: [0.5, 0.5], returns: [a, b], horizon: 21, paths: 10_000, seed: 7, drawdownLimit: 0.1 });
 * ```
 */
export class MonteCarloStressTester implements StressTester {
  /** Method used when a request names none. */
  readonly method: MonteCarloMethod;
  /** Bootstrap block length (capped at the history length per request). */
  readonly blockSize: number;
  /** Default confidence level. */
  readonly alpha: number;
  /** Largest `paths × horizon` accepted. */
  readonly maxSteps: number;

  /** @throws InvalidArgumentError naming the offending option. */
  constructor(options: MonteCarloStressTesterOptions = {}) {
    const { method = 'bootstrap', blockSize = 1, alpha = 0.95, maxSteps = DEFAULT_MAX_STEPS } = options;
    if (method !== 'bootstrap' && method !== 'parametric') throw new InvalidArgumentError('method', method, '"bootstrap" or "parametric"');
    if (!(Number.isSafeInteger(blockSize) && blockSize >= 1)) throw new InvalidArgumentError('blockSize', blockSize, 'a positive integer number of periods');
    if (!(typeof alpha === 'number' && alpha > 0 && alpha < 1)) throw new InvalidArgumentError('alpha', alpha, 'a confidence level strictly between 0 and 1');
    if (!(typeof maxSteps === 'number' && maxSteps >= 1)) throw new InvalidArgumentError('maxSteps', maxSteps, 'a number ≥ 1');
    this.method = method;
    this.blockSize = blockSize;
    this.alpha = alpha;
    this.maxSteps = maxSteps;
  }

  /**
   * Simulates the request; see the class description for the conventions.
   *
   * @throws InvalidArgumentError naming the offending request field (`weights`,
   *   `returns[i]`, `horizon`, `paths`, `seed`, `alpha`, `drawdownLimit`, `method`), or
   *   `paths` when `paths × horizon` exceeds `maxSteps`.
   */
  stress(request: StressRequest): StressResult {
    const { weights, returns, horizon, paths, seed, drawdownLimit } = request;
    const method = request.method ?? this.method;
    if (Number.isFinite(horizon) && Number.isFinite(paths) && horizon * paths > this.maxSteps) {
      throw new InvalidArgumentError('paths', paths, `at most ${Math.floor(this.maxSteps / Math.max(1, horizon))} paths at horizon ${horizon} (paths × horizon ≤ ${this.maxSteps})`);
    }
    const history = Array.isArray(returns) && returns.length > 0 ? (returns[0]?.length ?? 0) : 0;
    const blockSize = Math.max(1, Math.min(this.blockSize, history));
    const result = monteCarloStress({
      weights,
      returns,
      horizon,
      paths,
      method,
      seed,
      alpha: request.alpha ?? this.alpha,
      ...(drawdownLimit === undefined ? {} : { drawdownLimit }),
      blockSize,
    });
    return {
      meanLoss: result.meanLoss,
      var: result.var,
      tvar: result.tvar,
      probabilityOfDrawdownBreach: result.probabilityOfDrawdownBreach,
      paths: result.paths,
    };
  }
}

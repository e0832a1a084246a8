/** A proposed position set to stress: weights per symbol and their aligned return history. */
export interface StressRequest {
  /** Signed weights per asset (fractions of equity). */
  readonly weights: readonly number[];
  /** Per-asset historical simple returns, aligned by period. */
  readonly returns: readonly ArrayLike<number>[];
  /** Horizon in periods. */
  readonly horizon: number;
  /** Number of simulated paths. */
  readonly paths: number;
  /** Seed: the same request and seed give the same result. */
  readonly seed: number;
  /** Confidence level of VaR and TVaR, e.g. 0.95. */
  readonly alpha?: number;
  /** Drawdown limit (positive fraction) whose breach probability is reported. */
  readonly drawdownLimit?: number;
  /** `bootstrap` (resampled history) or `parametric` (multivariate normal). */
  readonly method?: 'bootstrap' | 'parametric';
}

/** The loss distribution of a stress run (losses are positive fractions). */
export interface StressResult {
  /** Mean horizon loss. */
  readonly meanLoss: number;
  /** Value at Risk of the horizon loss at `alpha`. */
  readonly var: number;
  /** Tail Value at Risk (expected shortfall) of the horizon loss at `alpha`. */
  readonly tvar: number;
  /** Fraction of paths whose drawdown exceeded the limit (NaN without a limit). */
  readonly probabilityOfDrawdownBreach: number;
  /** Paths simulated. */
  readonly paths: number;
}

/**
 * Monte Carlo stress of a proposed position set. The risk package implements it;
 * agents and tools use it only through this contract.
 */
export interface StressTester {
  /** Simulates the request. */
  stress(request: StressRequest): StressResult;
}

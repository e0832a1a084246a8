/**
 * The Risk Simulator of the research debate: Monte Carlo stress of a proposed book
 * against fixed limits. Its verdict is the only one that counts.
 *
 * @module
 */
import { InvalidArgumentError } from '@alphaswarm/core';
import type { BarFrame, EpochMs, StressTester } from '@alphaswarm/core';
import { alignedReturns } from '../mcp/bar-returns.js';
import { loadBarSeries } from '../mcp/market-data-source.js';
import type { ProposedBook } from './proposed-book.js';

/** The limits a proposal must meet. */
export interface RiskLimits {
  /** Largest Tail VaR (expected shortfall) of the horizon loss allowed, as a fraction of equity (e.g. 0.08). */
  readonly maxTvar: number;
  /** Largest probability that the running drawdown breaches the simulator's `drawdownLimit` (e.g. 0.05). */
  readonly maxDrawdownBreachProbability: number;
  /** Largest gross exposure (Σ |weight|) allowed (default 2). */
  readonly maxGrossExposure?: number;
}

/** Options of {@link RiskSimulator}. */
export interface RiskSimulatorOptions {
  /** The Monte Carlo engine (e.g. `MonteCarloStressTester` of `@alphaswarm/risk`). */
  readonly stress: StressTester;
  /** The limits. */
  readonly limits: RiskLimits;
  /** Periods (bars) simulated per path (default 21). */
  readonly horizon?: number;
  /** Paths simulated (default 10 000). */
  readonly paths?: number;
  /** Seed of every stress run (default 1): the same seed each round, so rounds are compared on common random numbers. */
  readonly seed?: number;
  /** Confidence level of VaR and TVaR (default 0.95). */
  readonly alpha?: number;
  /** Drawdown limit whose breach probability is checked (default 0.10). */
  readonly drawdownLimit?: number;
  /** Most recent aligned returns resampled (default 252). */
  readonly lookback?: number;
  /** Sampling method (default: the stress tester's). */
  readonly method?: 'bootstrap' | 'parametric';
}

/** The stress figures of a proposal (losses are positive fractions of equity). */
export interface RiskMetrics {
  /** Mean horizon loss. */
  readonly meanLoss: number;
  /** VaR of the horizon loss at `alpha`. */
  readonly var: number;
  /** TVaR of the horizon loss at `alpha`. */
  readonly tvar: number;
  /** Share of paths whose drawdown exceeded `drawdownLimit`. */
  readonly probabilityOfDrawdownBreach: number;
  /** Paths simulated. */
  readonly paths: number;
  /** Periods per path. */
  readonly horizon: number;
  /** Confidence level. */
  readonly alpha: number;
  /** Drawdown limit of the breach count. */
  readonly drawdownLimit: number;
  /** Aligned historical returns resampled per symbol. */
  readonly observations: number;
  /** Σ |weight| of the book. */
  readonly grossExposure: number;
  /** Σ weight of the book. */
  readonly netExposure: number;
}

/** The limits as applied (defaults filled in). */
export interface AppliedRiskLimits {
  /** See {@link RiskLimits.maxTvar}. */
  readonly maxTvar: number;
  /** See {@link RiskLimits.maxDrawdownBreachProbability}. */
  readonly maxDrawdownBreachProbability: number;
  /** See {@link RiskLimits.maxGrossExposure}. */
  readonly maxGrossExposure: number;
}

/** The Risk Simulator's verdict on one proposal. */
export interface RiskVerdict {
  /** True only when the book is not empty, was stressed, and meets every limit. */
  readonly approved: boolean;
  /** Why it was rejected, one line per failed check (empty when approved). */
  readonly reasons: readonly string[];
  /** The stress figures, or null when no stress could be run (empty book, bad history). */
  readonly metrics: RiskMetrics | null;
  /** The limits applied. */
  readonly limits: AppliedRiskLimits;
}

function positiveNumber(value: number, path: string): number {
  if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) throw new InvalidArgumentError(path, value, 'a positive finite number');
  return value;
}

function positiveInteger(value: number, path: string): number {
  if (!(Number.isSafeInteger(value) && value > 0)) throw new InvalidArgumentError(path, value, 'a positive integer');
  return value;
}

function round(value: number): string {
  return Number(value.toPrecision(4)).toString();
}

/**
 * Stresses a proposed book with the {@link StressTester} on the book's symbols'
 * aligned simple returns (the last `lookback` common bars at or before the decision
 * time: no look-ahead) and approves it only when
 *
 * 1. the book holds at least one position,
 * 2. its gross exposure is at most `maxGrossExposure`,
 * 3. the stress ran, and
 * 4. TVaR ≤ `maxTvar` and P(drawdown > `drawdownLimit`) ≤ `maxDrawdownBreachProbability`.
 *
 * Every failed check adds a reason with the numbers, which the debate feeds back to
 * the generator. Deterministic: every round uses the same seed.
 */
export class RiskSimulator {
  /** The limits applied. */
  readonly limits: AppliedRiskLimits;
  /** Periods per path. */
  readonly horizon: number;
  /** Paths per stress. */
  readonly paths: number;
  /** Seed of every stress. */
  readonly seed: number;
  /** Confidence level. */
  readonly alpha: number;
  /** Drawdown limit of the breach probability. */
  readonly drawdownLimit: number;
  /** Returns resampled. */
  readonly lookback: number;
  private readonly stress: StressTester;
  private readonly method: 'bootstrap' | 'parametric' | undefined;

  /** @throws InvalidArgumentError naming the offending option. */
  constructor(options: RiskSimulatorOptions) {
    if (options.stress === null || typeof options.stress !== 'object' || typeof options.stress.stress !== 'function') {
      throw new InvalidArgumentError('stress', options.stress, 'a StressTester');
    }
    const limits = options.limits;
    if (limits === null || typeof limits !== 'object') throw new InvalidArgumentError('limits', limits, '{maxTvar, maxDrawdownBreachProbability}');
    const maxBreach = limits.maxDrawdownBreachProbability;
    if (!(typeof maxBreach === 'number' && maxBreach >= 0 && maxBreach <= 1)) {
      throw new InvalidArgumentError('limits.maxDrawdownBreachProbability', maxBreach, 'a probability in [0, 1]');
    }
    this.limits = {
      maxTvar: positiveNumber(limits.maxTvar, 'limits.maxTvar'),
      maxDrawdownBreachProbability: maxBreach,
      maxGrossExposure: positiveNumber(limits.maxGrossExposure ?? 2, 'limits.maxGrossExposure'),
    };
    this.stress = options.stress;
    this.horizon = positiveInteger(options.horizon ?? 21, 'horizon');
    this.paths = positiveInteger(options.paths ?? 10_000, 'paths');
    this.seed = options.seed ?? 1;
    if (!Number.isInteger(this.seed)) throw new InvalidArgumentError('seed', this.seed, 'an integer');
    const alpha = options.alpha ?? 0.95;
    if (!(alpha > 0 && alpha < 1)) throw new InvalidArgumentError('alpha', alpha, 'a confidence level in (0, 1)');
    this.alpha = alpha;
    this.drawdownLimit = positiveNumber(options.drawdownLimit ?? 0.1, 'drawdownLimit');
    this.lookback = positiveInteger(options.lookback ?? 252, 'lookback');
    if (options.method !== undefined && options.method !== 'bootstrap' && options.method !== 'parametric') {
      throw new InvalidArgumentError('method', options.method, '"bootstrap" or "parametric"');
    }
    this.method = options.method;
  }

  /**
   * Stresses `book` on the bars of `frame` at or before `asOf` and decides; see the
   * class description. Never throws for a bad proposal: a book that cannot be
   * stressed (no common history) is rejected with the reason.
   */
  async evaluate(book: ProposedBook, frame: BarFrame, asOf: EpochMs): Promise<RiskVerdict> {
    const reasons: string[] = [];
    const { limits } = this;
    if (book.positions.length === 0) {
      return { approved: false, reasons: ['the alpha holds no position at the decision time: nothing to emit'], metrics: null, limits };
    }
    if (book.grossExposure > limits.maxGrossExposure * (1 + 1e-12)) {
      reasons.push(`gross exposure ${round(book.grossExposure)} > limit ${round(limits.maxGrossExposure)}`);
    }
    let metrics: RiskMetrics;
    try {
      const series = await loadBarSeries(
        frame,
        book.positions.map((p) => p.symbol),
        asOf,
      );
      const history = alignedReturns(series, this.lookback);
      const result = this.stress.stress({
        weights: book.positions.map((p) => p.weight),
        returns: history.returns,
        horizon: this.horizon,
        paths: this.paths,
        seed: this.seed,
        alpha: this.alpha,
        drawdownLimit: this.drawdownLimit,
        ...(this.method === undefined ? {} : { method: this.method }),
      });
      metrics = {
        meanLoss: result.meanLoss,
        var: result.var,
        tvar: result.tvar,
        probabilityOfDrawdownBreach: result.probabilityOfDrawdownBreach,
        paths: result.paths,
        horizon: this.horizon,
        alpha: this.alpha,
        drawdownLimit: this.drawdownLimit,
        observations: history.observations,
        grossExposure: book.grossExposure,
        netExposure: book.netExposure,
      };
    } catch (error) {
      reasons.push(`stress test failed: ${error instanceof Error ? error.message : String(error)}`);
      return { approved: false, reasons, metrics: null, limits };
    }
    if (!(metrics.tvar <= limits.maxTvar)) {
      reasons.push(`TVaR${Math.round(this.alpha * 100)} of the ${this.horizon}-bar loss ${round(metrics.tvar)} > limit ${round(limits.maxTvar)}`);
    }
    if (!(metrics.probabilityOfDrawdownBreach <= limits.maxDrawdownBreachProbability)) {
      reasons.push(
        `P(drawdown > ${round(this.drawdownLimit)}) = ${round(metrics.probabilityOfDrawdownBreach)} > limit ${round(limits.maxDrawdownBreachProbability)}`,
      );
    }
    return { approved: reasons.length === 0, reasons, metrics, limits };
  }
}

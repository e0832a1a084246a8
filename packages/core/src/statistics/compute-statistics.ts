/**
 * All the statistics of a run in one call: the backtester's summary figures.
 *
 * @module
 */
import { InvalidArgumentError } from '../errors.js';
import { alphaBeta, informationRatio, trackingError } from './benchmark.js';
import { calmarRatio } from './calmar.js';
import { maxDrawdown, type MaxDrawdown } from './drawdown.js';
import { averageGrossExposure, exposure } from './exposure.js';
import { excessKurtosis, skewness } from './higher-moments.js';
import { probabilisticSharpeRatio } from './probabilistic-sharpe.js';
import { cagr, returnsFromEquity, totalReturn } from './returns.js';
import { sharpeRatio } from './sharpe.js';
import { sortinoRatio } from './sortino.js';
import { tradeStatistics, type TradeLike, type TradeStatistics } from './trades.js';
import { annualizedTurnover, turnover, type FillLike } from './turnover.js';
import { checkEquity, checkFinite, checkPeriodsPerYear, checkSeries } from './validate.js';
import { annualizedVolatility } from './volatility.js';

/** Periods per year assumed when none is given: 252 trading days (daily bars). */
export const DEFAULT_PERIODS_PER_YEAR = 252;

/** What {@link computeStatistics} measures. Only `equity` is required. */
export interface StatisticsInput {
  /** The equity curve P_0 … P_N: at least 2 points, each finite and > 0; N + 1 points span N periods. */
  readonly equity: ArrayLike<number>;
  /** Time of each equity point, epoch ms, strictly increasing, same length as `equity`; only reported as startTime/endTime. */
  readonly timestamps?: ArrayLike<number>;
  /** Periods in a year, > 0; default {@link DEFAULT_PERIODS_PER_YEAR} (252). */
  readonly periodsPerYear?: number;
  /** Annual risk-free rate as a simple fraction, default 0, de-annualised as riskFree / periodsPerYear; see {@link sharpeRatio}. */
  readonly riskFree?: number;
  /**
   * The benchmark over the same periods: either its equity curve (same length as
   * `equity`, values > 0) or its per-period simple returns (length `equity.length − 1`).
   */
  readonly benchmark?: ArrayLike<number>;
  /** Closed round-trip trades. */
  readonly trades?: readonly TradeLike[];
  /** Executions over the span of the curve. */
  readonly fills?: readonly FillLike[];
  /** Exposure (gross, in currency or as a fraction), one per equity point or one per period. */
  readonly exposure?: ArrayLike<number>;
}

/**
 * The statistics of a run, from {@link computeStatistics}. Plain numbers, nulls and
 * objects (no series, no class instances), so it serialises as JSON.
 * Conventions: returns are simple fractions (0.1 = 10 %); annualised figures use
 * `periodsPerYear`; undefined figures are NaN (too few observations, zero spread),
 * divergent ones ±Infinity; figures whose input was not supplied are null.
 */
export interface Statistics {
  /** N, the number of periods (returns) the equity curve spans. */
  readonly periods: number;
  /** Periods per year used to annualise. */
  readonly periodsPerYear: number;
  /** Annual risk-free rate used by the Sharpe, Sortino and probabilistic Sharpe ratios. */
  readonly riskFree: number;
  /** First timestamp, epoch ms; null without timestamps. */
  readonly startTime: number | null;
  /** Last timestamp, epoch ms; null without timestamps. */
  readonly endTime: number | null;
  /** P_N / P_0 − 1; see `totalReturn()`. */
  readonly totalReturn: number;
  /** Compound annual growth rate; see `cagr()`. */
  readonly cagr: number;
  /** Annualised sample volatility of the returns; see `annualizedVolatility()`. */
  readonly annualizedVolatility: number;
  /** Annualised Sharpe ratio; see `sharpeRatio()`. */
  readonly sharpeRatio: number;
  /** Annualised Sortino ratio; see `sortinoRatio()`. */
  readonly sortinoRatio: number;
  /** Deepest drawdown and where it happened; see `maxDrawdown()`. */
  readonly maxDrawdown: MaxDrawdown;
  /** CAGR / maximum drawdown depth; see `calmarRatio()`. */
  readonly calmarRatio: number;
  /** Sample skewness G1 of the returns; see `skewness()`. */
  readonly skewness: number;
  /** Sample excess kurtosis G2 of the returns; see `excessKurtosis()`. */
  readonly excessKurtosis: number;
  /** Probability that the true Sharpe ratio exceeds 0; see `probabilisticSharpeRatio()`. */
  readonly probabilisticSharpeRatio: number;
  /** Annualised CAPM alpha against the benchmark; null without a benchmark. See `alphaBeta()`. */
  readonly alpha: number | null;
  /** CAPM beta against the benchmark; null without a benchmark. */
  readonly beta: number | null;
  /** Annualised tracking error; null without a benchmark. See `trackingError()`. */
  readonly trackingError: number | null;
  /** Information ratio; null without a benchmark. See `informationRatio()`. */
  readonly informationRatio: number | null;
  /** Statistics of the trades (returnOnInitialEquity against P_0); null without trades. */
  readonly trades: TradeStatistics | null;
  /** Traded notional over mean equity; null without fills. See `turnover()`. */
  readonly turnover: number | null;
  /** Turnover per year; null without fills. See `annualizedTurnover()`. */
  readonly annualizedTurnover: number | null;
  /** Fraction of exposure entries that are not 0; null without exposure. See `exposure()`. */
  readonly exposure: number | null;
  /** Mean |exposure|, in the unit of the input; null without exposure. See `averageGrossExposure()`. */
  readonly averageGrossExposure: number | null;
}

function benchmarkReturns(benchmark: ArrayLike<number>, points: number): ArrayLike<number> {
  if (benchmark.length === points) {
    checkEquity('benchmark', benchmark);
    const out = new Float64Array(points - 1);
    for (let i = 1; i < points; i++) out[i - 1] = (benchmark[i] ?? Number.NaN) / (benchmark[i - 1] ?? Number.NaN) - 1;
    return out;
  }
  if (benchmark.length === points - 1) {
    checkSeries('benchmark', benchmark);
    return benchmark;
  }
  throw new InvalidArgumentError(
    'benchmark',
    benchmark.length,
    `a length of ${points} (an equity curve) or ${points - 1} (returns), like the equity curve of ${points} points`,
  );
}

function checkTimestamps(timestamps: ArrayLike<number>, points: number): void {
  checkSeries('timestamps', timestamps);
  if (timestamps.length !== points) {
    throw new InvalidArgumentError('timestamps', timestamps.length, `a length of ${points}, one per equity point`);
  }
  for (let i = 1; i < points; i++) {
    const t = timestamps[i] ?? Number.NaN;
    const previous = timestamps[i - 1] ?? Number.NaN;
    if (!(t > previous)) throw new InvalidArgumentError(`timestamps[${i}]`, t, `a time after ${previous} (strictly increasing)`);
  }
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return value !== null && value !== undefined && typeof (value as { length?: unknown }).length === 'number';
}

/**
 * Computes every statistic of a run from its equity curve and, when given, its
 * benchmark, trades, fills and exposure. Returns are the simple returns of the
 * curve; see {@link Statistics} for each figure and the NaN / ±Infinity / null
 * conventions. Deterministic and allocation-light (called once per run).
 *
 * @param input - the equity curve and optional context
 * @returns a plain object, safe to compare with `toEqual` and to serialise
 * @throws InvalidArgumentError naming the offending path: `equity`, `equity[i]`,
 *   `timestamps[i]`, `periodsPerYear`, `riskFree`, `benchmark`, `benchmark[i]`,
 *   `trades[i].pnl` (and the other trade fields), `fills[i].price`, `exposure`, `exposure[i]`
 */
export function computeStatistics(input: StatisticsInput): Statistics {
  if (typeof input !== 'object' || input === null) throw new InvalidArgumentError('input', input, 'a statistics input object');
  const { equity, timestamps, periodsPerYear = DEFAULT_PERIODS_PER_YEAR, riskFree = 0 } = input;
  checkEquity('equity', equity);
  checkPeriodsPerYear('periodsPerYear', periodsPerYear);
  checkFinite('riskFree', riskFree);
  const points = equity.length;
  if (timestamps !== undefined) checkTimestamps(timestamps, points);
  const returns = returnsFromEquity(equity);
  const options = { periodsPerYear, riskFree };

  let alpha: number | null = null;
  let beta: number | null = null;
  let tracking: number | null = null;
  let information: number | null = null;
  if (input.benchmark !== undefined) {
    if (!isArrayLike(input.benchmark)) throw new InvalidArgumentError('benchmark', input.benchmark, 'an equity curve or returns');
    const b = benchmarkReturns(input.benchmark, points);
    ({ alpha, beta } = alphaBeta(returns, b, { periodsPerYear }));
    tracking = trackingError(returns, b, periodsPerYear);
    information = informationRatio(returns, b, periodsPerYear);
  }

  let exposureFraction: number | null = null;
  let grossExposure: number | null = null;
  if (input.exposure !== undefined) {
    checkSeries('exposure', input.exposure);
    const length = input.exposure.length;
    if (length !== points && length !== points - 1) {
      throw new InvalidArgumentError('exposure', length, `a length of ${points} (one per equity point) or ${points - 1} (one per period)`);
    }
    exposureFraction = exposure(input.exposure);
    grossExposure = averageGrossExposure(input.exposure);
  }

  return {
    periods: returns.length,
    periodsPerYear,
    riskFree,
    startTime: timestamps === undefined ? null : (timestamps[0] ?? null),
    endTime: timestamps === undefined ? null : (timestamps[points - 1] ?? null),
    totalReturn: totalReturn(equity),
    cagr: cagr(equity, periodsPerYear),
    annualizedVolatility: annualizedVolatility(returns, periodsPerYear),
    sharpeRatio: sharpeRatio(returns, options),
    sortinoRatio: sortinoRatio(returns, options),
    maxDrawdown: maxDrawdown(equity),
    calmarRatio: calmarRatio(equity, periodsPerYear),
    skewness: skewness(returns),
    excessKurtosis: excessKurtosis(returns),
    probabilisticSharpeRatio: probabilisticSharpeRatio(returns, options),
    alpha,
    beta,
    trackingError: tracking,
    informationRatio: information,
    trades: input.trades === undefined ? null : tradeStatistics(input.trades, { equity }),
    turnover: input.fills === undefined ? null : turnover(input.fills, equity),
    annualizedTurnover: input.fills === undefined ? null : annualizedTurnover(input.fills, equity, periodsPerYear),
    exposure: exposureFraction,
    averageGrossExposure: grossExposure,
  };
}

/**
 * Performance statistics of equity curves, returns series and trades.
 *
 * Conventions: returns are simple per-period fractions; annualisation uses
 * `periodsPerYear` (√p for dispersion, ×p for means, compounding for CAGR); standard
 * deviations are SAMPLE (n − 1); drawdowns are positive fractions; undefined figures
 * are NaN, divergent ones ±Infinity; bad input throws InvalidArgumentError.
 *
 * @module
 */
export { alphaBeta, informationRatio, trackingError } from './benchmark.js';
export type { AlphaBeta, AlphaBetaOptions } from './benchmark.js';
export { calmarRatio } from './calmar.js';
export { DEFAULT_PERIODS_PER_YEAR, computeStatistics } from './compute-statistics.js';
export type { Statistics, StatisticsInput } from './compute-statistics.js';
export { drawdownSeries, maxDrawdown } from './drawdown.js';
export type { MaxDrawdown } from './drawdown.js';
export { averageGrossExposure, exposure } from './exposure.js';
export { excessKurtosis, skewness } from './higher-moments.js';
export { probabilisticSharpeRatio } from './probabilistic-sharpe.js';
export type { ProbabilisticSharpeOptions } from './probabilistic-sharpe.js';
export { cagr, returnsFromEquity, totalReturn } from './returns.js';
export { sharpeRatio } from './sharpe.js';
export type { RiskAdjustedOptions } from './sharpe.js';
export { sortinoRatio } from './sortino.js';
export { tradeStatistics } from './trades.js';
export type { TradeLike, TradeStatistics, TradeStatisticsOptions } from './trades.js';
export { annualizedTurnover, turnover } from './turnover.js';
export type { FillLike } from './turnover.js';
export { annualizedVolatility } from './volatility.js';

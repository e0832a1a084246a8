import type { Statistics } from '../statistics/compute-statistics.js';
import type { MetricThreshold } from './bot-spec.js';

/** The outcome of one metric threshold. */
export interface MetricResult {
  /** Metric name as in the spec. */
  readonly name: MetricThreshold['name'];
  /** The run's value (NaN when undefined for the run). */
  readonly value: number;
  /** The threshold. */
  readonly threshold: number;
  /** `max`: pass when value ≥ threshold; `min`: pass when value ≤ threshold. */
  readonly direction: 'max' | 'min';
  /** Whether it passed (a NaN value never passes). */
  readonly passed: boolean;
}

/** The value of a named metric in a statistics object. */
export function metricValue(statistics: Statistics, name: MetricThreshold['name']): number {
  switch (name) {
    case 'sharpe':
      return statistics.sharpeRatio;
    case 'sortino':
      return statistics.sortinoRatio;
    case 'max_drawdown':
      return statistics.maxDrawdown.depth;
    case 'cagr':
      return statistics.cagr;
    case 'total_return':
      return statistics.totalReturn;
    case 'calmar':
      return statistics.calmarRatio;
    case 'volatility':
      return statistics.annualizedVolatility;
    case 'win_rate':
      return statistics.trades?.winRate ?? Number.NaN;
    case 'profit_factor':
      return statistics.trades?.profitFactor ?? Number.NaN;
    case 'psr':
      return statistics.probabilisticSharpeRatio;
  }
}

/** Checks every threshold against the statistics of a run. */
export function evaluateMetrics(statistics: Statistics, thresholds: readonly MetricThreshold[]): MetricResult[] {
  return thresholds.map((t) => {
    const value = metricValue(statistics, t.name);
    const passed = t.direction === 'max' ? value >= t.threshold : value <= t.threshold;
    return { name: t.name, value, threshold: t.threshold, direction: t.direction, passed };
  });
}

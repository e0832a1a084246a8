import type { BacktestResult } from '../backtest/result.js';
import type { Statistics } from '../statistics/compute-statistics.js';
import { toIso } from '../time.js';
import type { MetricResult } from './metrics.js';

/** One fill as reported: ISO time, symbol, signed quantity, price and fee. */
export interface FillSummary {
  /** ISO-8601 UTC time of the fill. */
  readonly time: string;
  /** Canonical symbol text. */
  readonly symbol: string;
  /** Signed quantity (+ bought, − sold). */
  readonly quantity: number;
  /** Price after slippage. */
  readonly price: number;
  /** Fee charged. */
  readonly fee: number;
}

/**
 * What a bot backtest reports (the CLI's `--json`, and the deployment row's result).
 * JSON-safe: non-finite statistics are written as `null`.
 */
export interface BacktestSummary {
  /** SHA-256 of the canonical spec. */
  readonly specHash: string | null;
  /** Spec version the run used. */
  readonly versionId: string | null;
  /** Statistics of the run. */
  readonly statistics: Statistics;
  /** Metric thresholds and whether they passed. */
  readonly metrics: readonly MetricResult[];
  /** True when every metric passed (true when there are none). */
  readonly metricsPassed: boolean;
  /** Equity at the end. */
  readonly finalEquity: number;
  /** Starting cash. */
  readonly initialCash: number;
  /** SHA-256 of the event log. */
  readonly eventLogHash: string;
  /** Bars processed. */
  readonly bars: number;
  /** True when the kill switch stopped the run. */
  readonly halted: boolean;
  /** Every fill. */
  readonly fills: readonly FillSummary[];
}

/** Builds the summary of a result. */
export function summarizeBacktest(
  result: BacktestResult,
  meta: { readonly specHash?: string | null; readonly versionId?: string | null; readonly metrics?: readonly MetricResult[] } = {},
): BacktestSummary {
  const metrics = meta.metrics ?? [];
  return {
    specHash: meta.specHash ?? result.specHash,
    versionId: meta.versionId ?? null,
    statistics: result.statistics,
    metrics,
    metricsPassed: metrics.every((m) => m.passed),
    finalEquity: result.finalEquity,
    initialCash: result.config.initialCash,
    eventLogHash: result.eventLogHash,
    bars: result.bars,
    halted: result.halted,
    fills: result.fills.map((f) => ({ time: toIso(f.time), symbol: f.symbol.value, quantity: f.quantity, price: f.price, fee: f.fee })),
  };
}

/** A deep copy with every non-finite number replaced by `null`, ready for JSON storage. */
export function jsonSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))) as T;
}

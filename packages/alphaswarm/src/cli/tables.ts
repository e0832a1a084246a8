import type { BotRecord, MetricResult, Statistics } from '@alphaswarm/core';
import { formatMoney, formatNumber } from '../report/html-report.js';

/** Renders rows as an aligned text table. */
export function textTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')).join('\n');
}

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(2)}%` : formatNumber(x));

/** The headline statistics of a run. */
export function statisticsTable(statistics: Statistics, finalEquity: number): string {
  const t = statistics.trades;
  const rows: string[][] = [
    ['final equity', formatMoney(finalEquity)],
    ['total return', pct(statistics.totalReturn)],
    ['CAGR', pct(statistics.cagr)],
    ['annualized volatility', pct(statistics.annualizedVolatility)],
    ['Sharpe ratio', formatNumber(statistics.sharpeRatio)],
    ['Sortino ratio', formatNumber(statistics.sortinoRatio)],
    ['max drawdown', pct(statistics.maxDrawdown.depth)],
    ['Calmar ratio', formatNumber(statistics.calmarRatio)],
    ['probabilistic Sharpe', formatNumber(statistics.probabilisticSharpeRatio)],
  ];
  if (t !== null && t !== undefined) {
    rows.push(['trades', formatNumber(t.tradeCount)], ['win rate', pct(t.winRate)], ['profit factor', formatNumber(t.profitFactor)], ['total fees', formatMoney(t.totalFees)]);
  }
  return textTable([['statistic', 'value'], ...rows]);
}

/** Metric verdicts. */
export function metricsTable(metrics: readonly MetricResult[]): string {
  return textTable([
    ['metric', 'value', 'threshold', 'verdict'],
    ...metrics.map((m) => [m.name, formatNumber(m.value), `${m.direction === 'max' ? '>=' : '<='} ${formatNumber(m.threshold)}`, m.passed ? 'pass' : 'FAIL']),
  ]);
}

/** A list of bots. */
export function botsTable(bots: readonly BotRecord[]): string {
  return textTable([
    ['slug', 'name', 'kind', 'version', 'spec hash'],
    ...bots.map((b) => [b.slug, b.name, b.kind, `v${b.currentVersion.version}`, b.currentVersion.specHash.slice(0, 12)]),
  ]);
}

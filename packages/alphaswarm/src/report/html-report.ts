import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BacktestResult, MetricResult } from '@alphaswarm/core';
import { drawdownSeries, toIsoDate } from '@alphaswarm/core';

/** What goes into a report besides the result. */
export interface ReportOptions {
  /** Title of the page. */
  readonly title: string;
  /** Spec hash of the run, shown in the header. */
  readonly specHash?: string | null;
  /** Spec version id of the run. */
  readonly versionId?: string | null;
  /** Metric verdicts to show. */
  readonly metrics?: readonly MetricResult[];
  /** Most trades listed (the newest are dropped past it). */
  readonly maxTrades?: number;
}

const requireFromHere = createRequire(import.meta.url);

/** The uPlot library and stylesheet, read from the installed package to be inlined. */
function uplotAssets(): { js: string; css: string } {
  const js = readFileSync(requireFromHere.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
  const css = readFileSync(requireFromHere.resolve('uplot/dist/uPlot.min.css'), 'utf8');
  return { js, css };
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Inline `<script>` payloads must not close the tag early. */
const scriptSafe = (json: string): string => json.replace(/</g, '\\u003c');

/** Formats a statistic for display: ratios to 3 decimals, non-finite as words. */
export function formatNumber(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  if (Number.isNaN(value)) return 'n/a';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return value.toLocaleString('en-US');
  return Math.abs(value) >= 1000 ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : value.toFixed(4);
}

/** Formats an amount of money with two decimals and thousands separators, e.g. `76,336.42`. */
export function formatMoney(value: number): string {
  return Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : formatNumber(value);
}

/** Formats a fraction as a percentage with two decimals, e.g. `-23.66%`. */
export function formatPercent(value: number): string {
  return Number.isFinite(value) ? `${(100 * value).toFixed(2)}%` : formatNumber(value);
}

/** Flattens nested statistics into `[label, value]` rows (`maxDrawdown.depth`). */
export function statisticRows(statistics: object, prefix = ''): [string, unknown][] {
  const rows: [string, unknown][] = [];
  for (const [key, value] of Object.entries(statistics)) {
    const label = prefix === '' ? key : `${prefix}.${key}`;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) rows.push(...statisticRows(value, label));
    else rows.push([label, value]);
  }
  return rows;
}

/**
 * Renders one self-contained HTML page (works offline: the chart library and all
 * data are inlined) with the equity curve, the drawdown, the statistics, the metric
 * verdicts and the trades table.
 */
export function renderHtmlReport(result: BacktestResult, options: ReportOptions): string {
  const { js, css } = uplotAssets();
  const times = Array.from(result.equityCurve.timestamps, (t) => t / 1000);
  const equity = Array.from(result.equityCurve.equity);
  const drawdown = Array.from(drawdownSeries(result.equityCurve.equity), (d) => -d * 100);
  const stats = statisticRows(result.statistics)
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(formatNumber(v))}</td></tr>`)
    .join('');
  const metrics = (options.metrics ?? [])
    .map(
      (m) =>
        `<tr class="${m.passed ? 'pass' : 'fail'}"><th>${escapeHtml(m.name)}</th><td>${escapeHtml(formatNumber(m.value))}</td><td>${m.direction === 'max' ? '≥' : '≤'} ${escapeHtml(formatNumber(m.threshold))}</td><td>${m.passed ? 'pass' : 'FAIL'}</td></tr>`,
    )
    .join('');
  const maxTrades = options.maxTrades ?? 500;
  const trades = result.trades
    .slice(0, maxTrades)
    .map(
      (t) =>
        `<tr><td>${escapeHtml(t.symbol.value)}</td><td>${t.direction}</td><td>${toIsoDate(t.entryTime)}</td><td>${toIsoDate(t.exitTime)}</td><td>${formatNumber(t.quantity)}</td><td>${formatNumber(t.entryPrice)}</td><td>${formatNumber(t.exitPrice)}</td><td class="${t.pnl >= 0 ? 'pos' : 'neg'}">${formatMoney(t.pnl)}</td><td>${formatMoney(t.fees)}</td></tr>`,
    )
    .join('');
  const first = result.equityCurve.timestamps[0];
  const last = result.equityCurve.timestamps[result.equityCurve.timestamps.length - 1];
  const span = first === undefined || last === undefined ? '' : `${toIsoDate(first)} → ${toIsoDate(last)}`;
  const data = scriptSafe(JSON.stringify({ times, equity, drawdown }));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${css}
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330;background:#fff}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
.meta{color:#5b6475;font-size:12px;word-break:break-all}
.grid{display:grid;grid-template-columns:minmax(0,2fr) minmax(260px,1fr);gap:24px;align-items:start}
table{border-collapse:collapse;width:100%;font-size:12px}th,td{padding:3px 8px;border-bottom:1px solid #e4e7ee;text-align:right}
th{text-align:left;font-weight:500;color:#3b4252}.pass td:last-child{color:#1a7f37}.fail td:last-child{color:#cf222e;font-weight:600}
.pos{color:#1a7f37}.neg{color:#cf222e}.kpi{display:flex;gap:24px;margin:12px 0}.kpi div{font-size:12px;color:#5b6475}.kpi b{display:block;font-size:18px;color:#1d2330}
</style></head><body>
<h1>${escapeHtml(options.title)}</h1>
<div class="meta">${escapeHtml(span)} · ${result.bars.toLocaleString('en-US')} bars · spec ${escapeHtml(options.specHash ?? 'n/a')} · version ${escapeHtml(options.versionId ?? 'n/a')} · event log ${escapeHtml(result.eventLogHash)}${result.halted ? ' · HALTED: ' + escapeHtml(result.haltReason ?? '') : ''}</div>
<div class="kpi"><div>Final equity<b>${formatMoney(result.finalEquity)}</b></div><div>Total return<b>${formatPercent(result.statistics.totalReturn)}</b></div><div>Sharpe<b>${formatNumber(result.statistics.sharpeRatio)}</b></div><div>Max drawdown<b>${formatPercent(result.statistics.maxDrawdown.depth)}</b></div><div>Trades<b>${result.trades.length}</b></div><div>Fills<b>${result.fills.length}</b></div></div>
<div class="grid"><div><h2>Equity</h2><div id="equity"></div><h2>Drawdown (%)</h2><div id="drawdown"></div></div>
<div>${metrics === '' ? '' : `<h2>Metrics</h2><table>${metrics}</table>`}<h2>Statistics</h2><table>${stats}</table></div></div>
<h2>Trades${result.trades.length > maxTrades ? ` (first ${maxTrades} of ${result.trades.length})` : ''}</h2>
<table><tr><th>symbol</th><th>side</th><th>entry</th><th>exit</th><th>qty</th><th>entry px</th><th>exit px</th><th>pnl</th><th>fees</th></tr>${trades}</table>
<script>${js}</script>
<script>
const d = ${data};
const width = Math.max(480, document.getElementById('equity').clientWidth || 800);
const money = (u, values) => values.map((v) => v.toLocaleString('en-US', { maximumFractionDigits: 0 }));
new uPlot({ width, height: 300, scales: { x: { time: true } }, axes: [{}, { size: 80, values: money }], series: [{}, { label: 'equity', stroke: '#0969da', width: 1.5 }] }, [d.times, d.equity], document.getElementById('equity'));
new uPlot({ width, height: 160, scales: { x: { time: true } }, axes: [{}, { size: 80 }], series: [{}, { label: 'drawdown %', stroke: '#cf222e', fill: 'rgba(207,34,46,0.12)' }] }, [d.times, d.drawdown], document.getElementById('drawdown'));
</script>
</body></html>
`;
}

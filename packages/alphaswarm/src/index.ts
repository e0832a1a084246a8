/**
 * `alphaswarm`: the whole AlphaSwarm SDK in one package — core, strategies, risk,
 * agents and adapters re-exported — plus the default model registry, the HTML
 * report and the `alphaswarm` command-line tool.
 *
 * @packageDocumentation
 */
export * from '@alphaswarm/core';
export * from '@alphaswarm/strategies';
export * from '@alphaswarm/risk';
export * from '@alphaswarm/agents';
export * from '@alphaswarm/adapters';
export { createDefaultRegistry } from './registry.js';
export { formatMoney, formatNumber, formatPercent, renderHtmlReport, statisticRows } from './report/html-report.js';
export type { ReportOptions } from './report/html-report.js';
export { EXIT } from './cli/exit-codes.js';
export { buildProgram, exitCodeOf, main } from './cli/program.js';
export type { CliIo } from './cli/program.js';

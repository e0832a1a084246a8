/**
 * The `get_historical_volatility` MCP tool: realized volatility of a symbol's closes.
 *
 * @module
 */
import { InvalidArgumentError, parseIso, toIso } from '@alphaswarm/core';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { closeReturns, sampleStandardDeviation } from './bar-returns.js';
import { loadBarSeries } from './market-data-source.js';
import type { McpMarketData } from './market-data-source.js';
import { guarded } from './tool-result.js';

/** Name of the tool. */
export const HISTORICAL_VOLATILITY_TOOL = 'get_historical_volatility';

const inputShape = {
  symbol: z.string().min(1).describe('Symbol text, e.g. "AAPL" or "AAPL.NASDAQ".'),
  lookback: z.number().int().min(2).max(100_000).describe('Number of most recent period returns to use (at least 2).'),
  periods_per_year: z.number().positive().max(1_000_000).optional().describe('Periods per year for annualising (default: the server setting, 252 for daily bars).'),
  returns: z.enum(['log', 'simple']).optional().describe('Log returns ln(c_t/c_{t-1}) (default) or simple returns c_t/c_{t-1} - 1.'),
  as_of: z.string().optional().describe('ISO-8601 date or date-time: use only bars at or before it (default: all bars).'),
};

const outputShape = {
  symbol: z.string(),
  returns: z.enum(['log', 'simple']),
  observations: z.number().int().describe('Number of returns used (fewer than lookback when the history is shorter).'),
  period_volatility: z.number().describe('Sample standard deviation (n - 1) of the per-period returns.'),
  annualized_volatility: z.number().describe('period_volatility × √periods_per_year.'),
  periods_per_year: z.number(),
  start: z.string().describe('Time of the first close used (ISO-8601).'),
  end: z.string().describe('Time of the last close used (ISO-8601).'),
};

/**
 * Registers `get_historical_volatility({symbol, lookback, periods_per_year?, returns?, as_of?})`:
 * the SAMPLE standard deviation (divisor n − 1) of the last `lookback` per-period
 * returns of the symbol's closes — log returns `ln(c_t / c_{t−1})` by default, or
 * simple returns — and its annualisation by √periods_per_year (square-root-of-time).
 * With a shorter history it uses what there is and reports `observations`; fewer
 * than two returns, an unknown symbol or a bad number is a tool error.
 *
 * @internal
 */
export function registerVolatilityTool(server: McpServer, data: McpMarketData, defaultPeriodsPerYear: number): void {
  server.registerTool(
    HISTORICAL_VOLATILITY_TOOL,
    {
      title: 'Historical volatility',
      description:
        'Realized volatility of a symbol: sample standard deviation (n-1) of its last `lookback` close-to-close returns (log by default), per period and annualised by √periods_per_year.',
      inputSchema: z.strictObject(inputShape),
      outputSchema: z.object(outputShape),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        const kind = args.returns ?? 'log';
        const periodsPerYear = args.periods_per_year ?? defaultPeriodsPerYear;
        const end = args.as_of === undefined ? undefined : parseIso(args.as_of, 'as_of');
        const [series] = await loadBarSeries(data, [args.symbol], end);
        const close = series?.close ?? new Float64Array(0);
        const returns = closeReturns(close, args.lookback, kind);
        if (returns.length < 2) {
          throw new InvalidArgumentError('symbol', args.symbol, `a symbol with at least 3 closes in range (it has ${close.length})`);
        }
        const timestamps = series?.timestamp ?? new Float64Array(0);
        const sd = sampleStandardDeviation(returns);
        return {
          symbol: series?.symbol.value ?? args.symbol,
          returns: kind,
          observations: returns.length,
          period_volatility: sd,
          annualized_volatility: sd * Math.sqrt(periodsPerYear),
          periods_per_year: periodsPerYear,
          start: toIso(timestamps[timestamps.length - 1 - returns.length] ?? Number.NaN),
          end: toIso(timestamps[timestamps.length - 1] ?? Number.NaN),
        };
      }),
  );
}

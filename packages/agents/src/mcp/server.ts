/**
 * The AlphaSwarm MCP server: market, portfolio and stress tools over the Model Context Protocol.
 *
 * @module
 */
import { InvalidArgumentError } from '@alphaswarm/core';
import type { StressTester } from '@alphaswarm/core';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerImpactTool } from './impact-tool.js';
import { registerMarginTool } from './margin-tool.js';
import type { McpPortfolioSource } from './margin-tool.js';
import type { McpMarketData } from './market-data-source.js';
import { registerVolatilityTool } from './volatility-tool.js';

/** Options of {@link createAlphaSwarmMcpServer}. */
export interface AlphaSwarmMcpServerOptions {
  /** Bars for `get_historical_volatility` and `simulate_insight_impact`: a `MarketDataAdapter` or a `BarFrame`. */
  readonly data: McpMarketData;
  /** The portfolio for `query_portfolio_margin`: a `Portfolio`, or a function returning one or its snapshot. */
  readonly portfolio: McpPortfolioSource;
  /** Monte Carlo engine of `simulate_insight_impact` (e.g. `MonteCarloStressTester` of `@alphaswarm/risk`). */
  readonly stress: StressTester;
  /** Server name reported to clients (default `alphaswarm`). */
  readonly name?: string;
  /** Server version reported to clients (default `0.1.0`). */
  readonly version?: string;
  /** Periods per year for annualised volatility when a call gives none (default 252, daily bars). */
  readonly periodsPerYear?: number;
  /** Leverage limit of `query_portfolio_margin` when a call gives none (default 1, a cash account). */
  readonly leverage?: number;
  /** Largest `paths` of `simulate_insight_impact` (default 100 000). */
  readonly maxPaths?: number;
  /** Largest `horizon` of `simulate_insight_impact`, in periods (default 2520). */
  readonly maxHorizon?: number;
  /** Returns resampled by `simulate_insight_impact` when a call gives no `lookback` (default 252). */
  readonly defaultLookback?: number;
}

function positive(value: number, path: string, integer: boolean): number {
  if (!(typeof value === 'number' && Number.isFinite(value) && value > 0 && (!integer || Number.isSafeInteger(value)))) {
    throw new InvalidArgumentError(path, value, integer ? 'a positive integer' : 'a positive finite number');
  }
  return value;
}

/**
 * Builds an MCP server (the SDK's `McpServer`) exposing three read-only tools, each
 * with zod input and output schemas and `structuredContent` results:
 *
 * - `get_historical_volatility({symbol, lookback, periods_per_year?, returns?, as_of?})`:
 *   sample standard deviation (n − 1) of the last `lookback` close-to-close returns
 *   (log by default), per period and annualised by √periods_per_year, with the
 *   number of observations;
 * - `query_portfolio_margin({leverage?})`: equity, cash, long/short/gross/net
 *   exposure, margin used (gross / L), margin available and buying power
 *   (L × equity − gross) of the portfolio;
 * - `simulate_insight_impact({insights: [{symbol, direction, weight}], horizon, paths,
 *   seed, alpha?, drawdown_limit?, lookback?, method?, as_of?})`: Monte Carlo mean
 *   loss, VaR, TVaR and drawdown-breach probability of the insights as signed weights,
 *   through the {@link StressTester} on the symbols' aligned historical returns.
 *
 * A bad call (unknown symbol, number out of range, too short a history) returns a
 * tool error (`isError: true`, message naming the field and value); the server keeps
 * serving. Connect the server to one transport: {@link serveMcpStdio},
 * {@link serveMcpHttp} or {@link connectInProcess}.
 *
 * @throws InvalidArgumentError naming an out-of-domain option.
 */
export function createAlphaSwarmMcpServer(options: AlphaSwarmMcpServerOptions): McpServer {
  const { data, portfolio, stress } = options;
  if (data === null || typeof data !== 'object') throw new InvalidArgumentError('data', data, 'a MarketDataAdapter or a BarFrame');
  if (!(portfolio !== null && (typeof portfolio === 'object' || typeof portfolio === 'function'))) {
    throw new InvalidArgumentError('portfolio', portfolio, 'a Portfolio or a function returning a portfolio or its snapshot');
  }
  if (stress === null || typeof stress !== 'object' || typeof stress.stress !== 'function') throw new InvalidArgumentError('stress', stress, 'a StressTester');
  const periodsPerYear = positive(options.periodsPerYear ?? 252, 'periodsPerYear', false);
  const leverage = positive(options.leverage ?? 1, 'leverage', false);
  const maxPaths = positive(options.maxPaths ?? 100_000, 'maxPaths', true);
  const maxHorizon = positive(options.maxHorizon ?? 2520, 'maxHorizon', true);
  const defaultLookback = positive(options.defaultLookback ?? 252, 'defaultLookback', true);
  const server = new McpServer(
    { name: options.name ?? 'alphaswarm', version: options.version ?? '0.1.0' },
    {
      instructions:
        'AlphaSwarm research tools: realized volatility, portfolio margin and Monte Carlo stress of proposed insights. Read-only: nothing here places orders.',
    },
  );
  registerVolatilityTool(server, data, periodsPerYear);
  registerMarginTool(server, portfolio, leverage);
  registerImpactTool(server, data, stress, { maxPaths, maxHorizon, defaultLookback });
  return server;
}

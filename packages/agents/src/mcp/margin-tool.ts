/**
 * The `query_portfolio_margin` MCP tool: equity, exposure and margin of the host's portfolio.
 *
 * @module
 */
import { Portfolio } from '@alphaswarm/core';
import type { PortfolioSnapshot } from '@alphaswarm/core';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { guarded } from './tool-result.js';

/** Name of the tool. */
export const PORTFOLIO_MARGIN_TOOL = 'query_portfolio_margin';

/**
 * Where `query_portfolio_margin` reads the portfolio: a live {@link Portfolio}, or a
 * function returning a portfolio or its snapshot (sync or async), called on every
 * tool call. A snapshot is validated (`Portfolio.restore`) before use.
 */
export type McpPortfolioSource = Portfolio | (() => Portfolio | PortfolioSnapshot | Promise<Portfolio | PortfolioSnapshot>);

/** One open position in {@link PortfolioMargin}. */
export interface MarginPosition {
  /** Canonical symbol text. */
  readonly symbol: string;
  /** Signed quantity. */
  readonly quantity: number;
  /** Last fill or mark price. */
  readonly lastPrice: number;
  /** `quantity × lastPrice` (negative for a short). */
  readonly marketValue: number;
  /** Market value / equity, or null when equity ≤ 0. */
  readonly weight: number | null;
}

/** The margin figures of a portfolio at a leverage limit; see {@link portfolioMargin}. */
export interface PortfolioMargin {
  /** `cash + Σ quantity × lastPrice`, account currency. */
  readonly equity: number;
  /** Cash (negative when borrowing). */
  readonly cash: number;
  /** `Σ_{q>0} q × lastPrice`. */
  readonly longExposure: number;
  /** `Σ_{q<0} |q| × lastPrice`. */
  readonly shortExposure: number;
  /** Long + short exposure. */
  readonly grossExposure: number;
  /** Long − short exposure. */
  readonly netExposure: number;
  /** The leverage limit L applied: gross exposure allowed as a multiple of equity. */
  readonly leverage: number;
  /** Gross exposure / equity, or null when equity ≤ 0. */
  readonly currentLeverage: number | null;
  /** Gross exposure / L: the equity committed as initial margin. */
  readonly marginUsed: number;
  /** Equity − margin used (negative when the limit is exceeded). */
  readonly marginAvailable: number;
  /** `max(0, L × equity − gross exposure)`: further gross exposure the limit allows. */
  readonly buyingPower: number;
  /** Open positions, sorted by symbol. */
  readonly positions: readonly MarginPosition[];
}

/**
 * Margin figures of a portfolio under a simple leverage limit L (gross exposure at
 * most L × equity, as the backtester's `leverage` setting; L = 1 is a cash account):
 * margin used = gross / L, margin available = equity − margin used, buying power =
 * max(0, L × equity − gross). Weights are market value / equity (null when equity ≤ 0).
 * Prices are each position's last fill or mark. Not a broker's margin model
 * (no maintenance margin, no per-instrument haircuts).
 */
export function portfolioMargin(portfolio: Portfolio, leverage: number): PortfolioMargin {
  const equity = portfolio.equity;
  let longExposure = 0;
  let shortExposure = 0;
  const positions = portfolio.positions().map((p) => {
    const marketValue = p.quantity * p.lastPrice;
    if (marketValue >= 0) longExposure += marketValue;
    else shortExposure -= marketValue;
    return { symbol: p.symbol.value, quantity: p.quantity, lastPrice: p.lastPrice, marketValue, weight: equity > 0 ? marketValue / equity : null };
  });
  const grossExposure = longExposure + shortExposure;
  const marginUsed = grossExposure / leverage;
  return {
    equity,
    cash: portfolio.cash,
    longExposure,
    shortExposure,
    grossExposure,
    netExposure: longExposure - shortExposure,
    leverage,
    currentLeverage: equity > 0 ? grossExposure / equity : null,
    marginUsed,
    marginAvailable: equity - marginUsed,
    buyingPower: Math.max(0, leverage * equity - grossExposure),
    positions,
  };
}

const inputShape = {
  leverage: z.number().positive().max(100).optional().describe('Leverage limit L: gross exposure allowed as a multiple of equity (default: the server setting, 1 = cash account).'),
};

const nullableNumber = z.number().nullable();
const outputShape = {
  equity: z.number(),
  cash: z.number(),
  long_exposure: z.number(),
  short_exposure: z.number(),
  gross_exposure: z.number(),
  net_exposure: z.number(),
  leverage: z.number(),
  current_leverage: nullableNumber.describe('Gross exposure / equity; null when equity ≤ 0.'),
  margin_used: z.number().describe('Gross exposure / leverage.'),
  margin_available: z.number().describe('Equity − margin used.'),
  buying_power: z.number().describe('max(0, leverage × equity − gross exposure).'),
  positions: z.array(z.object({ symbol: z.string(), quantity: z.number(), last_price: z.number(), market_value: z.number(), weight: nullableNumber })),
};

/** Resolves a {@link McpPortfolioSource} to a portfolio (snapshots validated). */
async function resolvePortfolio(source: McpPortfolioSource): Promise<Portfolio> {
  if (source instanceof Portfolio) return source;
  const value = await source();
  return value instanceof Portfolio ? value : Portfolio.restore(value);
}

/**
 * Registers `query_portfolio_margin({leverage?})`; see {@link portfolioMargin} for the figures.
 *
 * @internal
 */
export function registerMarginTool(server: McpServer, source: McpPortfolioSource, defaultLeverage: number): void {
  server.registerTool(
    PORTFOLIO_MARGIN_TOOL,
    {
      title: 'Portfolio margin',
      description:
        'Equity, cash, long/short/gross/net exposure, margin used (gross / leverage), margin available and buying power (leverage × equity − gross) of the current portfolio.',
      inputSchema: z.strictObject(inputShape),
      outputSchema: z.object(outputShape),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      guarded(async () => {
        const m = portfolioMargin(await resolvePortfolio(source), args.leverage ?? defaultLeverage);
        return {
          equity: m.equity,
          cash: m.cash,
          long_exposure: m.longExposure,
          short_exposure: m.shortExposure,
          gross_exposure: m.grossExposure,
          net_exposure: m.netExposure,
          leverage: m.leverage,
          current_leverage: m.currentLeverage,
          margin_used: m.marginUsed,
          margin_available: m.marginAvailable,
          buying_power: m.buyingPower,
          positions: m.positions.map((p) => ({ symbol: p.symbol, quantity: p.quantity, last_price: p.lastPrice, market_value: p.marketValue, weight: p.weight })),
        };
      }),
  );
}

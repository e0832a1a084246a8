import { Portfolio } from '@alphaswarm/core';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { describe, expect, it } from 'vitest';
import { connectInProcess } from '../../src/mcp/in-process.js';
import { PORTFOLIO_MARGIN_TOOL, portfolioMargin } from '../../src/mcp/margin-tool.js';
import type { McpPortfolioSource } from '../../src/mcp/margin-tool.js';
import { createAlphaSwarmMcpServer } from '../../src/mcp/server.js';
import { RecordingStressTester, fixtureFrame, fixturePortfolio, readReply } from './fixtures/mcp-fixtures.js';

async function clientFor(portfolio: McpPortfolioSource, leverage?: number): Promise<Client> {
  return connectInProcess(
    createAlphaSwarmMcpServer({ data: fixtureFrame(), portfolio, stress: new RecordingStressTester(), ...(leverage === undefined ? {} : { leverage }) }),
  );
}

// The fixture: 100 000 cash; buy 100 ALT at 100 (−10 000), short 50 UP at 200 (+10 000).
// Cash 100 000; long 10 000, short 10 000, gross 20 000, net 0, equity 100 000.
const EXPECTED_L1 = {
  equity: 100_000,
  cash: 100_000,
  long_exposure: 10_000,
  short_exposure: 10_000,
  gross_exposure: 20_000,
  net_exposure: 0,
  leverage: 1,
  current_leverage: 0.2,
  margin_used: 20_000,
  margin_available: 80_000,
  buying_power: 80_000,
  positions: [
    { symbol: 'ALT', quantity: 100, last_price: 100, market_value: 10_000, weight: 0.1 },
    { symbol: 'UP', quantity: -50, last_price: 200, market_value: -10_000, weight: -0.1 },
  ],
};

describe('query_portfolio_margin (through the MCP client, in process)', () => {
  it('reports equity, exposures, margin and buying power of a live Portfolio', async () => {
    const client = await clientFor(fixturePortfolio());
    const reply = readReply(await client.callTool({ name: PORTFOLIO_MARGIN_TOOL, arguments: {} }));
    expect(reply.structured).toEqual(EXPECTED_L1);
    await client.close();
  });

  it('applies the leverage of the call: margin = gross / L, buying power = L × equity − gross', async () => {
    const client = await clientFor(fixturePortfolio());
    const reply = readReply(await client.callTool({ name: PORTFOLIO_MARGIN_TOOL, arguments: { leverage: 2 } }));
    expect(reply.structured).toMatchObject({ leverage: 2, margin_used: 10_000, margin_available: 90_000, buying_power: 180_000 });
    await client.close();
  });

  it('uses the server default leverage', async () => {
    const client = await clientFor(fixturePortfolio(), 4);
    const reply = readReply(await client.callTool({ name: PORTFOLIO_MARGIN_TOOL, arguments: {} }));
    expect(reply.structured).toMatchObject({ leverage: 4, margin_used: 5_000, buying_power: 380_000 });
    await client.close();
  });

  it('reads a snapshot function, sync or async, on every call', async () => {
    let portfolio = fixturePortfolio();
    const client = await clientFor(async () => portfolio.snapshot());
    expect(readReply(await client.callTool({ name: PORTFOLIO_MARGIN_TOOL, arguments: {} })).structured).toEqual(EXPECTED_L1);
    portfolio = new Portfolio({ initialCash: 5 });
    expect(readReply(await client.callTool({ name: PORTFOLIO_MARGIN_TOOL, arguments: {} })).structured).toMatchObject({ equity: 5, gross_exposure: 0, positions: [] });
    await client.close();
  });

  it('answers a tool error for a bad leverage or a malformed snapshot', async () => {
    const client = await clientFor(() => ({ version: 1, initialCash: -1, cash: 0, positions: [], trades: [] }));
    expect(readReply(await client.callTool({ name: PORTFOLIO_MARGIN_TOOL, arguments: {} })).text).toMatch(/initialCash/);
    expect(readReply(await client.callTool({ name: PORTFOLIO_MARGIN_TOOL, arguments: { leverage: 0 } })).isError).toBe(true);
    await client.close();
  });
});

describe('portfolioMargin', () => {
  it('gives null leverage and weights when equity is not positive, and never negative buying power', () => {
    const broke = new Portfolio({ initialCash: 0 });
    const m = portfolioMargin(broke, 1);
    expect(m.currentLeverage).toBeNull();
    expect(m.buyingPower).toBe(0);
    const levered = fixturePortfolio();
    // gross 20 000 at L = 0.1: allowed 10 000 → buying power 0, margin available 100 000 − 200 000.
    expect(portfolioMargin(levered, 0.1)).toMatchObject({ buyingPower: 0, marginAvailable: -100_000 });
  });
});

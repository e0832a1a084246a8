import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectInProcess } from '../../src/mcp/in-process.js';
import { createAlphaSwarmMcpServer } from '../../src/mcp/server.js';
import { HISTORICAL_VOLATILITY_TOOL } from '../../src/mcp/volatility-tool.js';
import { RecordingStressTester, fixtureFrame, fixturePortfolio, readReply } from './fixtures/mcp-fixtures.js';

describe('get_historical_volatility (through the MCP client, in process)', () => {
  let client: Client;
  const call = async (args: Record<string, unknown>) => readReply(await client.callTool({ name: HISTORICAL_VOLATILITY_TOOL, arguments: args }));

  beforeEach(async () => {
    client = await connectInProcess(createAlphaSwarmMcpServer({ data: fixtureFrame(), portfolio: fixturePortfolio(), stress: new RecordingStressTester() }));
  });
  afterEach(async () => {
    await client.close();
  });

  it('gives the sample sd of the last log returns and its √252 annualisation', async () => {
    // ALT alternates 100/110: the last 20 log returns are ±ln 1.1, ten of each, mean 0,
    // so the sample sd is ln 1.1 × √(20/19).
    const reply = await call({ symbol: 'ALT', lookback: 20 });
    expect(reply.isError).toBe(false);
    const expected = Math.log(1.1) * Math.sqrt(20 / 19);
    expect(reply.structured).toMatchObject({ symbol: 'ALT', returns: 'log', observations: 20, periods_per_year: 252 });
    expect(reply.structured?.period_volatility).toBeCloseTo(expected, 12);
    expect(reply.structured?.annualized_volatility).toBeCloseTo(expected * Math.sqrt(252), 10);
    // 61 daily bars from 2024-01-01: the last is day 60 (2024-03-01), the first close used day 40.
    expect(reply.structured?.end).toBe('2024-03-01T00:00:00.000Z');
    expect(reply.structured?.start).toBe('2024-02-10T00:00:00.000Z');
    expect(JSON.parse(reply.text)).toEqual(reply.structured);
  });

  it('uses simple returns and another annualisation when asked', async () => {
    // Simple returns alternate +0.1 and −1/11: deviations from the mean are ±(0.1 + 1/11)/2.
    const reply = await call({ symbol: 'ALT', lookback: 20, returns: 'simple', periods_per_year: 365 });
    const expected = ((0.1 + 1 / 11) / 2) * Math.sqrt(20 / 19);
    expect(reply.structured?.period_volatility).toBeCloseTo(expected, 12);
    expect(reply.structured?.annualized_volatility).toBeCloseTo(expected * Math.sqrt(365), 10);
  });

  it('reads only bars at or before as_of', async () => {
    // as_of 2024-01-21 = day 20; lookback 10 → returns of days 10…20: five of each sign.
    const reply = await call({ symbol: 'ALT', lookback: 10, as_of: '2024-01-21' });
    expect(reply.structured?.end).toBe('2024-01-21T00:00:00.000Z');
    expect(reply.structured?.period_volatility).toBeCloseTo(Math.log(1.1) * Math.sqrt(10 / 9), 12);
  });

  it('uses the whole history when it is shorter than the lookback and says so', async () => {
    const reply = await call({ symbol: 'ALT', lookback: 1000 });
    expect(reply.structured?.observations).toBe(60);
  });

  it('answers a tool error for an unknown symbol, a bad lookback or a date before the data, and keeps serving', async () => {
    const unknown = await call({ symbol: 'NOPE', lookback: 20 });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toMatch(/NOPE/);
    expect((await call({ symbol: 'ALT', lookback: 1 })).isError).toBe(true);
    expect((await call({ symbol: 'ALT', lookback: 2.5 })).isError).toBe(true);
    expect((await call({ symbol: 'ALT', lookback: 20, extra: 1 })).isError).toBe(true);
    expect((await call({ symbol: 'ALT', lookback: 20, as_of: '2023-06-01' })).isError).toBe(true);
    expect((await call({ symbol: 'ALT', lookback: 20, as_of: 'yesterday' })).text).toMatch(/as_of/);
    expect((await call({ symbol: 'ALT', lookback: 20 })).isError).toBe(false);
  });
});

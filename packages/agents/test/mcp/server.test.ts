import { InvalidArgumentError } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { connectInProcess } from '../../src/mcp/in-process.js';
import { createAlphaSwarmMcpServer } from '../../src/mcp/server.js';
import { RecordingStressTester, fixtureFrame, fixturePortfolio, readReply } from './fixtures/mcp-fixtures.js';

const base = () => ({ data: fixtureFrame(), portfolio: fixturePortfolio(), stress: new RecordingStressTester() });

describe('createAlphaSwarmMcpServer', () => {
  it('lists three read-only tools, each with an input and an output JSON schema', async () => {
    const client = await connectInProcess(createAlphaSwarmMcpServer(base()));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['get_historical_volatility', 'query_portfolio_margin', 'simulate_insight_impact']);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.annotations?.readOnlyHint).toBe(true);
      expect(tool.description?.length ?? 0).toBeGreaterThan(20);
    }
    const volatility = tools.find((t) => t.name === 'get_historical_volatility');
    expect(volatility?.inputSchema.required).toEqual(['symbol', 'lookback']);
    expect(client.getServerVersion()).toMatchObject({ name: 'alphaswarm', version: '0.1.0' });
    await client.close();
  });

  it('reports the name and version it is given', async () => {
    const client = await connectInProcess(createAlphaSwarmMcpServer({ ...base(), name: 'desk', version: '9.9.9' }));
    expect(client.getServerVersion()).toMatchObject({ name: 'desk', version: '9.9.9' });
    await client.close();
  });

  it('answers an unknown tool with a tool error and keeps serving', async () => {
    const client = await connectInProcess(createAlphaSwarmMcpServer(base()));
    const reply = readReply(await client.callTool({ name: 'place_order', arguments: {} }));
    expect(reply.isError).toBe(true);
    expect(reply.text).toMatch(/place_order/);
    expect(readReply(await client.callTool({ name: 'query_portfolio_margin', arguments: {} })).isError).toBe(false);
    await client.close();
  });

  it('refuses out-of-domain options, naming them', () => {
    expect(() => createAlphaSwarmMcpServer({ ...base(), maxPaths: 0 })).toThrow(InvalidArgumentError);
    expect(() => createAlphaSwarmMcpServer({ ...base(), leverage: -1 })).toThrow(/leverage/);
    expect(() => createAlphaSwarmMcpServer({ ...base(), periodsPerYear: Number.NaN })).toThrow(/periodsPerYear/);
    expect(() => createAlphaSwarmMcpServer({ ...base(), stress: {} as RecordingStressTester })).toThrow(/stress/);
  });
});

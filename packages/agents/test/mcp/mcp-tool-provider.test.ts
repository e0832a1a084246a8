import { InMemoryPersistence, InvalidArgumentError, ManualClock, ScriptedLlmAdapter, sequentialIdGenerator } from '@alphaswarm/core';
import type { LlmRequest } from '@alphaswarm/core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AgentRuntime } from '../../src/runtime/agent-runtime.js';
import { connectInProcess } from '../../src/mcp/in-process.js';
import { McpToolProvider } from '../../src/mcp/mcp-tool-provider.js';
import { createAlphaSwarmMcpServer } from '../../src/mcp/server.js';
import { RecordingStressTester, fixtureFrame, fixturePortfolio } from './fixtures/mcp-fixtures.js';

const alphaswarmClient = () => connectInProcess(createAlphaSwarmMcpServer({ data: fixtureFrame(), portfolio: fixturePortfolio(), stress: new RecordingStressTester() }));

/** A third-party MCP server: a text-only tool and a tool that fails. */
async function foreignClient(): Promise<Client> {
  const server = new McpServer({ name: 'foreign', version: '1.0.0' });
  server.registerTool('echo', { title: 'Echo', inputSchema: { text: z.string() } }, ({ text }) => ({ content: [{ type: 'text', text: `echo: ${text}` }, { type: 'image', data: 'AA==', mimeType: 'image/png' }] }));
  server.registerTool('fail', { description: 'Always fails' }, () => ({ content: [{ type: 'text', text: 'it failed' }], isError: true }));
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(b);
  const client = new Client({ name: 'c', version: '1' });
  await client.connect(a);
  return client;
}

describe('McpToolProvider', () => {
  it('lists the server tools as model tool definitions with their input JSON schemas', async () => {
    const provider = new McpToolProvider(await alphaswarmClient());
    const tools = await provider.listTools();
    const volatility = tools.find((t) => t.name === 'get_historical_volatility');
    expect(tools).toHaveLength(3);
    expect(volatility?.description).toMatch(/sample standard deviation/);
    expect(volatility?.parameters).toMatchObject({ type: 'object', required: ['symbol', 'lookback'] });
    await provider.client.close();
  });

  it('returns structured content and its JSON text', async () => {
    const provider = new McpToolProvider(await alphaswarmClient());
    const result = await provider.callTool('query_portfolio_margin', { leverage: 2 });
    expect(result.isError).toBe(false);
    expect(result.structured).toMatchObject({ leverage: 2, buying_power: 180_000 });
    expect(JSON.parse(result.content)).toEqual(result.structured);
    await provider.client.close();
  });

  it('joins text blocks of tools without structured content, and passes tool errors on', async () => {
    const provider = new McpToolProvider(await foreignClient());
    expect(await provider.listTools()).toEqual([
      { name: 'echo', description: 'Echo', parameters: expect.objectContaining({ type: 'object' }) },
      { name: 'fail', description: 'Always fails', parameters: expect.objectContaining({ type: 'object' }) },
    ]);
    expect(await provider.callTool('echo', { text: 'hi' })).toEqual({ content: 'echo: hi\n[image: image/png]', isError: false });
    expect(await provider.callTool('fail', {})).toEqual({ content: 'it failed', isError: true });
    await provider.client.close();
  });

  it('never throws: bad arguments, unknown tools and a closed connection become tool errors', async () => {
    const provider = new McpToolProvider(await alphaswarmClient());
    expect(await provider.callTool('get_historical_volatility', [1, 2])).toMatchObject({ isError: true, content: expect.stringMatching(/JSON object/) });
    expect(await provider.callTool('get_historical_volatility', { symbol: 'ALT' })).toMatchObject({ isError: true });
    expect(await provider.callTool('no_such_tool', {})).toMatchObject({ isError: true });
    await provider.client.close();
    expect(await provider.callTool('query_portfolio_margin', {})).toMatchObject({ isError: true });
  });

  it('prefixes tool names and strips the prefix on calls', async () => {
    const provider = new McpToolProvider(await alphaswarmClient(), { prefix: 'desk_' });
    expect((await provider.listTools()).map((t) => t.name)).toContain('desk_query_portfolio_margin');
    expect((await provider.callTool('desk_query_portfolio_margin', {})).isError).toBe(false);
    expect((await provider.callTool('query_portfolio_margin', {})).isError).toBe(true);
    expect(() => new McpToolProvider(provider.client, { prefix: 'bad prefix' })).toThrow(InvalidArgumentError);
    await provider.client.close();
  });

  it('gives AgentRuntime the tools of an MCP server: the model calls one and reads its result', async () => {
    const persistence = new InMemoryPersistence({ clock: new ManualClock(0), idGenerator: sequentialIdGenerator('run') });
    const llm = new ScriptedLlmAdapter([
      { toolCalls: [{ id: 'call-1', name: 'get_historical_volatility', arguments: '{"symbol":"ALT","lookback":20}' }] },
      { content: 'ALT is volatile.' },
    ]);
    const runtime = new AgentRuntime({ llm, persistence, tools: [new McpToolProvider(await alphaswarmClient())] });
    const result = await runtime.run(
      {
        name: 'vol-reader',
        role: 'analyst',
        model: { provider: 'scripted', name: 'script', max_tokens: 100 },
        system_prompt: 'Read volatility.',
        tools: ['get_historical_volatility'],
        cost_caps: { per_run_max_usd: 1, per_step_max_tokens: 10_000, max_steps: 4 },
      },
      'How volatile is ALT?',
    );
    expect(result.status).toBe('completed');
    expect(result.toolCalls).toBe(1);
    const second = llm.requests[1] as LlmRequest;
    expect(llm.requests[0]?.tools?.map((t) => t.name)).toEqual(['get_historical_volatility']);
    const toolMessage = second.messages.find((m) => m.role === 'tool');
    const payload = JSON.parse(toolMessage?.content ?? '{}') as { period_volatility?: number };
    expect(payload.period_volatility).toBeCloseTo(Math.log(1.1) * Math.sqrt(20 / 19), 12);
  });
});

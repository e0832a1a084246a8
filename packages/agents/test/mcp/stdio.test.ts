import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { describe, expect, it } from 'vitest';
import { serveMcpStdio } from '../../src/mcp/stdio.js';
import { RecordingStressTester, fixtureFrame, fixturePortfolio, readReply } from './fixtures/mcp-fixtures.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const serverScript = fileURLToPath(new URL('./fixtures/stdio-server.ts', import.meta.url));

describe('serveMcpStdio', () => {
  it('serves the tools to the SDK client over a spawned process (node --import tsx)', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', serverScript], cwd: repoRoot, stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['get_historical_volatility', 'query_portfolio_margin', 'simulate_insight_impact']);
      const reply = readReply(await client.callTool({ name: 'get_historical_volatility', arguments: { symbol: 'ALT', lookback: 20 } }));
      // ±ln 1.1 alternating: sample sd ln 1.1 × √(20/19).
      expect(reply.structured?.period_volatility).toBeCloseTo(Math.log(1.1) * Math.sqrt(20 / 19), 12);
      const error = readReply(await client.callTool({ name: 'get_historical_volatility', arguments: { symbol: 'NOPE', lookback: 20 } }));
      expect(error.isError).toBe(true);
      const margin = readReply(await client.callTool({ name: 'query_portfolio_margin', arguments: {} }));
      expect(margin.structured).toMatchObject({ equity: 100_000, gross_exposure: 20_000 });
    } catch (e) {
      throw new Error(`${String(e)}\nserver stderr:\n${stderr}`);
    } finally {
      await client.close();
    }
  });

  it('speaks newline-delimited JSON-RPC on the given streams', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const handle = await serveMcpStdio({ data: fixtureFrame(), portfolio: fixturePortfolio(), stress: new RecordingStressTester(), stdin, stdout });
    const firstLine = new Promise<string>((resolve) => {
      let text = '';
      const onData = (chunk: Buffer): void => {
        text += chunk.toString();
        const end = text.indexOf('\n');
        if (end < 0) return;
        stdout.off('data', onData);
        resolve(text.slice(0, end));
      };
      stdout.on('data', onData);
    });
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } };
    stdin.write(`${JSON.stringify(initialize)}\n`);
    const reply = JSON.parse(await firstLine) as { id?: number; result?: { serverInfo?: { name?: string } } };
    expect(reply.id).toBe(1);
    expect(reply.result?.serverInfo?.name).toBe('alphaswarm');
    await handle.close();
  });
});

import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

describe('alphaswarm mcp', () => {
  it("serves the tools over stdio on the example bot's data", async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', cli, 'mcp', 'examples/bots/dual-ma.yaml'], cwd: repoRoot, stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: 'cli-test', version: '1.0.0' });
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['get_historical_volatility', 'query_portfolio_margin', 'simulate_insight_impact']);
      const vol = await client.callTool({ name: 'get_historical_volatility', arguments: { symbol: 'AAPL.NASDAQ', lookback: 60 } });
      const volatility = (vol.structuredContent as { annualized_volatility?: number; observations?: number } | undefined) ?? {};
      expect(volatility.observations).toBe(60);
      expect(volatility.annualized_volatility).toBeGreaterThan(0.01);
      const margin = await client.callTool({ name: 'query_portfolio_margin', arguments: {} });
      expect((margin.structuredContent as { equity?: number }).equity).toBe(100_000);
      const bad = await client.callTool({ name: 'get_historical_volatility', arguments: { symbol: 'NOPE.X', lookback: 60 } });
      expect(bad.isError).toBe(true);
    } catch (error) {
      throw new Error(`${String(error)}\nserver stderr:\n${stderr}`);
    } finally {
      await client.close();
    }
  });
});

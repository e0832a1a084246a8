import { describe, expect, it } from 'vitest';
import { connectInProcess } from '../../src/mcp/in-process.js';
import { createAlphaSwarmMcpServer } from '../../src/mcp/server.js';
import { RecordingStressTester, fixtureFrame, fixturePortfolio } from './fixtures/mcp-fixtures.js';

describe('connectInProcess', () => {
  it('completes the MCP handshake over the in-memory transport pair', async () => {
    const server = createAlphaSwarmMcpServer({ data: fixtureFrame(), portfolio: fixturePortfolio(), stress: new RecordingStressTester() });
    const client = await connectInProcess(server, { name: 'test-client', version: '1.2.3' });
    expect(server.isConnected()).toBe(true);
    expect(client.getServerCapabilities()?.tools).toBeDefined();
    expect(server.server.getClientVersion()).toMatchObject({ name: 'test-client', version: '1.2.3' });
    await client.close();
    expect(server.isConnected()).toBe(false);
  });

  it('refuses a server that is already connected', async () => {
    const server = createAlphaSwarmMcpServer({ data: fixtureFrame(), portfolio: fixturePortfolio(), stress: new RecordingStressTester() });
    const client = await connectInProcess(server);
    await expect(connectInProcess(server)).rejects.toThrow();
    await client.close();
  });
});

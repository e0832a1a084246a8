import { request } from 'node:http';
import { InvalidArgumentError } from '@alphaswarm/core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveMcpHttp } from '../../src/mcp/http.js';
import type { McpHttpHandle } from '../../src/mcp/http.js';
import { RecordingStressTester, fixtureFrame, fixturePortfolio, readReply } from './fixtures/mcp-fixtures.js';

const TOKEN = 'test-token-0123456789abcdef';
const base = () => ({ data: fixtureFrame(), portfolio: fixturePortfolio(), stress: new RecordingStressTester() });

/** A raw HTTP request with full control of the headers (fetch cannot set Host). */
function raw(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const INITIALIZE = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } });
const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };

describe('serveMcpHttp', () => {
  let handle: McpHttpHandle;

  beforeAll(async () => {
    handle = await serveMcpHttp({ ...base(), token: TOKEN });
  });
  afterAll(async () => {
    await handle.close();
  });

  it('binds to the loopback interface on a free port by default', () => {
    expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(handle.port).toBeGreaterThan(0);
  });

  it('serves the SDK client that sends the bearer token', async () => {
    const transport = new StreamableHTTPClientTransport(new URL(handle.url), { requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } } });
    const client = new Client({ name: 'http-test', version: '1.0.0' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(3);
    const reply = readReply(await client.callTool({ name: 'simulate_insight_impact', arguments: { insights: [{ symbol: 'UP', direction: 'up', weight: 1 }], horizon: 2, paths: 50, seed: 1, lookback: 10 } }));
    // UP returns +1 % every day: loss = 1 − 1.01² on every path.
    expect(reply.structured?.var).toBeCloseTo(1 - 1.01 ** 2, 12);
    const bad = readReply(await client.callTool({ name: 'get_historical_volatility', arguments: { symbol: 'UP', lookback: -3 } }));
    expect(bad.isError).toBe(true);
    await client.close();
  });

  it('answers 401 without the token, or with a wrong one', async () => {
    const none = await raw(handle.url, 'POST', JSON_HEADERS, INITIALIZE);
    expect(none.status).toBe(401);
    expect(String(none.headers['www-authenticate'])).toMatch(/^Bearer/);
    const wrong = await raw(handle.url, 'POST', { ...JSON_HEADERS, Authorization: 'Bearer not-the-token-at-all' }, INITIALIZE);
    expect(wrong.status).toBe(401);
    const client = new Client({ name: 'no-token', version: '1.0.0' });
    await expect(client.connect(new StreamableHTTPClientTransport(new URL(handle.url)))).rejects.toThrow();
  });

  it('answers 403 to a Host header it does not serve (DNS rebinding), token or not', async () => {
    const rebound = await raw(handle.url, 'POST', { ...JSON_HEADERS, Authorization: `Bearer ${TOKEN}`, Host: `evil.example:${handle.port}` }, INITIALIZE);
    expect(rebound.status).toBe(403);
    expect(rebound.body).toMatch(/Invalid Host/);
    const localhost = await raw(handle.url, 'POST', { ...JSON_HEADERS, Authorization: `Bearer ${TOKEN}`, Host: `localhost:${handle.port}` }, INITIALIZE);
    expect(localhost.status).toBe(200);
  });

  it('answers 404 off the endpoint path and 405 to GET (stateless: no SSE stream)', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` };
    expect((await raw(handle.url.replace('/mcp', '/other'), 'POST', { ...JSON_HEADERS, ...auth }, INITIALIZE)).status).toBe(404);
    const get = await raw(handle.url, 'GET', { ...auth, Accept: 'text/event-stream' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });

  it('checks the Origin header when allowed origins are given', async () => {
    const guarded = await serveMcpHttp({ ...base(), token: TOKEN, allowedOrigins: ['http://localhost:3000'] });
    const headers = { ...JSON_HEADERS, Authorization: `Bearer ${TOKEN}` };
    expect((await raw(guarded.url, 'POST', { ...headers, Origin: 'http://evil.example' }, INITIALIZE)).status).toBe(403);
    expect((await raw(guarded.url, 'POST', { ...headers, Origin: 'http://localhost:3000' }, INITIALIZE)).status).toBe(200);
    await guarded.close();
  });

  it('refuses a short token, a bad port, and all interfaces without allowed hosts', async () => {
    await expect(serveMcpHttp({ ...base(), token: 'short' })).rejects.toThrow(InvalidArgumentError);
    await expect(serveMcpHttp({ ...base(), token: TOKEN, port: 70_000 })).rejects.toThrow(/port/);
    await expect(serveMcpHttp({ ...base(), token: TOKEN, host: '0.0.0.0' })).rejects.toThrow(/allowedHosts/);
  });
});

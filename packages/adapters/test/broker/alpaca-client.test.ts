import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlpacaClient, AlpacaHttpError, StaticSecretResolver } from '../../src/index.js';
import { AlpacaTestServer, KEY_ID, SECRET_KEY } from './alpaca-test-server.js';

describe('AlpacaClient', () => {
  let server: AlpacaTestServer;
  let client: AlpacaClient;
  const waits: number[] = [];
  beforeEach(async () => {
    server = await new AlpacaTestServer().start();
    waits.length = 0;
    client = new AlpacaClient({ baseUrl: `${server.url}/`, secrets: new StaticSecretResolver({ APCA_API_KEY_ID: KEY_ID, APCA_API_SECRET_KEY: SECRET_KEY }), sleep: async (ms) => void waits.push(ms), maxRetries: 2, backoffMs: 100 });
  });
  afterEach(() => server.stop());

  it('sends the query and checks the answer against the schema', async () => {
    const account = await client.call('GET', '/v2/account', { query: { a: 1, b: undefined }, schema: z.object({ cash: z.string() }) });
    expect(account).toEqual({ cash: '100000' });
    expect(server.requests[0]!.query.get('a')).toBe('1');
    expect(server.requests[0]!.query.has('b')).toBe(false);
    await expect(client.call('GET', '/v2/account', { schema: z.object({ cash: z.number() }) })).rejects.toMatchObject({ code: 'BROKER_PROTOCOL', message: expect.stringMatching(/unexpected answer at cash/) });
  });

  it('backs off exponentially on 5xx and gives up with the last status', async () => {
    for (let i = 0; i < 3; i += 1) server.script.push({ status: 500, body: { message: 'boom' } });
    await expect(client.call('GET', '/v2/account')).rejects.toMatchObject({ code: 'BROKER_UNAVAILABLE', status: 500, message: 'GET /v2/account: HTTP 500: boom (after 2 retries)' });
    expect(waits).toEqual([100, 200]);
  });

  it('does not retry other client errors, and keeps Alpaca’s code', async () => {
    server.script.push({ status: 422, body: { code: 40010001, message: 'invalid qty' } });
    const error = (await client.call('POST', '/v2/orders', { body: {} }).catch((e: unknown) => e)) as AlpacaHttpError;
    expect(error).toBeInstanceOf(AlpacaHttpError);
    expect([error.status, error.alpacaCode, error.message]).toEqual([422, 40010001, 'POST /v2/orders: HTTP 422: invalid qty']);
    expect(waits).toEqual([]);
  });

  it('reports a connection that fails as unavailable', async () => {
    await server.stop();
    server = await new AlpacaTestServer().start();
    const dead = new AlpacaClient({ baseUrl: 'http://127.0.0.1:9', secrets: new StaticSecretResolver({ APCA_API_KEY_ID: 'k', APCA_API_SECRET_KEY: 's' }), sleep: async () => undefined, maxRetries: 1 });
    await expect(dead.call('GET', '/v2/account')).rejects.toMatchObject({ code: 'BROKER_UNAVAILABLE' });
  });

  it('validates its options and hides its credentials', () => {
    const secrets = new StaticSecretResolver({});
    expect(() => new AlpacaClient({ baseUrl: 'ftp://x', secrets })).toThrow(/baseUrl: expected an http\(s\) URL/);
    expect(() => new AlpacaClient({ baseUrl: 'https://user:pw@x', secrets })).toThrow(/without credentials/);
    expect(() => new AlpacaClient({ baseUrl: 'https://x', secrets, timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => new AlpacaClient({ baseUrl: 'https://x', secrets, maxRetries: -1 })).toThrow(/maxRetries/);
    expect(JSON.stringify(client)).toBe(`"[AlpacaClient ${server.url}]"`);
  });
});

import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BarFrame, BrokerError, BrokerRejectedError, FrameworkAlgorithm, InMemoryPersistence, PaperTradingSession, ReplayFeed, SymbolId } from '@alphaswarm/core';
import type { AlgorithmContext, BrokerOrderRequest, InsightInit, OrderUpdate, PortfolioTarget, Slice } from '@alphaswarm/core';
import { ALPACA_LIVE_URL, AlpacaBroker, EnvSecretResolver, StaticSecretResolver } from '../../src/index.js';
import { AlpacaTestServer, KEY_ID, SECRET_KEY, type ServerOrder } from './alpaca-test-server.js';

const AAPL = SymbolId.parse('AAPL.NASDAQ');
const T = Date.UTC(2024, 0, 2);
const slice = { time: T, symbols: [], bar: () => undefined, has: () => false } as unknown as Slice;

function request(clientOrderId: string, quantity: number, extra: Partial<BrokerOrderRequest> = {}): BrokerOrderRequest {
  return { clientOrderId, symbol: AAPL, quantity, type: 'market', timeInForce: 'day', createdAt: T, ...extra };
}

describe('AlpacaBroker against a local Alpaca API', () => {
  let server: AlpacaTestServer;
  let broker: AlpacaBroker;
  const waits: number[] = [];

  beforeEach(async () => {
    server = await new AlpacaTestServer().start();
    waits.length = 0;
    broker = new AlpacaBroker({
      baseUrl: server.url,
      secrets: new StaticSecretResolver({ APCA_API_KEY_ID: KEY_ID, APCA_API_SECRET_KEY: SECRET_KEY }),
      symbols: [AAPL],
      sleep: async (ms) => void waits.push(ms),
      timeoutMs: 500, // roomy for a loaded machine; the slow answers below take 1 s
    });
  });

  afterEach(async () => {
    await server.stop();
  });

  it('reads the account and the positions, with the key in the headers', async () => {
    server.positions = [
      { symbol: 'MSFT', qty: '-5', side: 'short', avg_entry_price: '400', current_price: '390', market_value: '-1950', unrealized_pl: '50' },
      { symbol: 'AAPL', qty: '10', side: 'long', avg_entry_price: '180.5', current_price: '185', market_value: '1850', unrealized_pl: '45' },
    ];
    expect(await broker.account()).toEqual({ currency: 'USD', cash: 100_000, equity: 100_000, buyingPower: 200_000, status: 'ACTIVE' });
    const positions = await broker.positions();
    expect(positions.map((p) => [p.symbol.value, p.quantity, p.averagePrice, p.lastPrice, p.marketValue, p.unrealizedPnl])).toEqual([
      ['AAPL.NASDAQ', 10, 180.5, 185, 1850, 45],
      ['MSFT', -5, 400, 390, -1950, 50],
    ]);
    expect(server.requests[0]!.headers['apca-api-key-id']).toBe(KEY_ID);
    expect(server.requests[0]!.headers['apca-api-secret-key']).toBe(SECRET_KEY);
  });

  it('places orders with the client id, ticker, side and prices Alpaca expects', async () => {
    const placed = await broker.submit(request('s-1', -7, { type: 'limit', limitPrice: 191.25, timeInForce: 'gtc' }));
    expect(server.requests.at(-1)!.body).toEqual({ symbol: 'AAPL', qty: '7', side: 'sell', type: 'limit', time_in_force: 'gtc', limit_price: '191.25', client_order_id: 's-1' });
    expect(placed).toMatchObject({ clientOrderId: 's-1', symbol: AAPL, quantity: -7, type: 'limit', limitPrice: 191.25, timeInForce: 'gtc', status: 'submitted', filledQuantity: 0 });
    expect(await broker.openOrders()).toHaveLength(1);
  });

  it('reports fills as they happen, at the price of each increment, then drops filled orders', async () => {
    await broker.submit(request('s-1', 100));
    const order = [...server.orders.values()][0]!;
    expect(await broker.sync(slice)).toEqual([]);
    server.fill(order, 40, 10);
    const events: OrderUpdate[] = [];
    broker.onOrderUpdate((u) => events.push(u));
    const first = await broker.sync(slice);
    server.fill(order, 60, 11);
    const second = await broker.sync(slice);
    // 40 @ 10, then 60 more moving the average to (400 + 660) / 100 = 10.6: the increment's price is 11.
    expect(first.map((u) => (u.kind === 'fill' ? [u.fill.quantity, u.fill.price, u.order.status] : u.kind))).toEqual([[40, 10, 'partially_filled']]);
    expect(second.map((u) => (u.kind === 'fill' ? [u.fill.quantity, u.fill.price, u.order.status] : u.kind))).toEqual([[60, expect.closeTo(11, 10), 'filled']]);
    expect(events).toHaveLength(2);
    const polls = server.requests.length;
    expect(await broker.sync(slice)).toEqual([]);
    expect(server.requests.length).toBe(polls);
  });

  it('reports a cancellation, and ignores cancelling an order that can no longer be cancelled', async () => {
    await broker.submit(request('s-1', 5));
    await broker.cancel('s-1');
    const updates = await broker.sync(slice);
    expect(updates.map((u) => [u.kind, u.kind === 'fill' ? '' : u.reason])).toEqual([['cancelled', 'canceled at Alpaca']]);
    await broker.submit(request('s-2', 5));
    server.fill([...server.orders.values()][1]!, 5, 10);
    await expect(broker.cancel('s-2')).resolves.toBeUndefined();
    await expect(broker.cancel('unknown')).resolves.toBeUndefined();
  });

  it('turns a refusal (403, 422) into BrokerRejectedError with Alpaca’s reason', async () => {
    server.onSubmit = (body) => (body['client_order_id'] === 's-1' ? { status: 403, message: 'insufficient buying power' } : { status: 422, message: 'qty must be > 0' });
    const refused = broker.submit(request('s-1', 1e9));
    await expect(refused).rejects.toBeInstanceOf(BrokerRejectedError);
    await expect(broker.submit(request('s-1b', 1e9))).rejects.toThrow('order rejected: qty must be > 0');
    expect(await broker.sync(slice)).toEqual([]);
  });

  it('retries a 429 after the Retry-After the server asks for, and gives up after the retries', async () => {
    server.script.push({ status: 429, headers: { 'Retry-After': '2' }, body: { message: 'too many requests' } });
    expect((await broker.account()).equity).toBe(100_000);
    expect(waits).toEqual([2000]);
    for (let i = 0; i < 4; i += 1) server.script.push({ status: 429, body: { message: 'too many requests' } });
    const failed = broker.account();
    await expect(failed).rejects.toMatchObject({ code: 'BROKER_RATE_LIMITED', status: 429 });
    await expect(broker.account()).resolves.toBeDefined();
    // Back-off without Retry-After: 500, 1000, 2000 ms.
    expect(waits.slice(1)).toEqual([500, 1000, 2000]);
  });

  it('retries 5xx answers and times out slow ones', async () => {
    server.script.push({ status: 503, body: { message: 'maintenance' } });
    expect((await broker.account()).status).toBe('ACTIVE');
    for (let i = 0; i < 2; i += 1) server.script.push({ status: 200, delayMs: 400, path: /account/ });
    const impatient = new AlpacaBroker({ baseUrl: server.url, secrets: new StaticSecretResolver({ APCA_API_KEY_ID: KEY_ID, APCA_API_SECRET_KEY: SECRET_KEY }), timeoutMs: 40, maxRetries: 1, sleep: async () => undefined });
    await expect(impatient.account()).rejects.toMatchObject({ code: 'BROKER_TIMEOUT', message: expect.stringMatching(/GET \/v2\/account: no answer within 40 ms \(after 1 retry\)/) });
  });

  it('adopts the order already placed when a timed-out submission is retried, and submits a client id once', async () => {
    // The first POST creates the order but its answer comes too late; the retry meets "client_order_id must be unique".
    server.slowSubmits = 1;
    server.submitDelayMs = 1_000;
    const placed = await broker.submit(request('s-9', 3));
    expect(placed).toMatchObject({ clientOrderId: 's-9', quantity: 3, status: 'submitted' });
    expect([...server.orders.values()]).toHaveLength(1);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(server.requests.some((r) => r.path === '/v2/orders:by_client_order_id')).toBe(true);
    // Submitting the same client id again is the same order, with no new POST.
    const again = await broker.submit(request('s-9', 3));
    expect(again.id).toBe(placed.id);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('keeps tracking an order whose submission failed and reports it when the broker never got it', async () => {
    for (let i = 0; i < 4; i += 1) server.script.push({ method: 'POST', status: 502, body: { message: 'bad gateway' } });
    await expect(broker.submit(request('s-lost', 2))).rejects.toMatchObject({ code: 'BROKER_UNAVAILABLE' });
    const updates = await broker.sync(slice);
    expect(updates.map((u) => [u.kind, u.clientOrderId, u.kind === 'fill' ? '' : u.reason, u.order.quantity])).toEqual([['rejected', 's-lost', 'not found at Alpaca: the submission never arrived', 2]]);
  });

  it('carries what it tracks over a restart', async () => {
    await broker.submit(request('s-1', 10));
    const order = [...server.orders.values()][0]!;
    server.fill(order, 4, 10);
    await broker.sync(slice);
    const state = broker.saveState();
    const restarted = new AlpacaBroker({ baseUrl: server.url, secrets: new StaticSecretResolver({ APCA_API_KEY_ID: KEY_ID, APCA_API_SECRET_KEY: SECRET_KEY }) });
    restarted.loadState(JSON.parse(JSON.stringify(state)));
    server.fill(order, 6, 12);
    const updates = await restarted.sync(slice);
    expect(updates.map((u) => (u.kind === 'fill' ? [u.fill.quantity, u.fill.price] : u.kind))).toEqual([[6, expect.closeTo(12, 10)]]);
    expect(() => restarted.loadState({ version: 2 })).toThrow(/INVALID_BROKER_STATE|state\.version/);
  });

  it('polls nothing and changes nothing when a poll fails: everything is reported at the next sync', async () => {
    await broker.submit(request('s-1', 10));
    await broker.submit(request('s-2', 10));
    const [a, b] = [...server.orders.values()] as [ServerOrder, ServerOrder];
    server.fill(a, 10, 5);
    server.fill(b, 10, 6);
    for (let i = 0; i < 4; i += 1) server.script.push({ method: 'GET', path: /ord-2/, status: 500 });
    await expect(broker.sync(slice)).rejects.toBeInstanceOf(BrokerError);
    const updates = await broker.sync(slice);
    expect(updates.map((u) => u.clientOrderId)).toEqual(['s-1', 's-2']);
  });
});

describe('AlpacaBroker safety', () => {
  it('refuses live trading unless it is enabled, and the live URL in the paper environment', () => {
    expect(() => new AlpacaBroker({ environment: 'live' })).toThrow(expect.objectContaining({ code: 'LIVE_TRADING_DISABLED' }));
    expect(() => new AlpacaBroker({ baseUrl: ALPACA_LIVE_URL })).toThrow(/baseUrl: expected a paper-trading URL/);
    const live = new AlpacaBroker({ environment: 'live', liveTrading: true, secrets: new StaticSecretResolver({}) });
    expect(live.live).toBe(true);
    expect(new AlpacaBroker().live).toBe(false);
  });

  it('reads credentials from the environment and never shows them', async () => {
    const server = await new AlpacaTestServer().start();
    try {
      const env = { APCA_API_KEY_ID: KEY_ID, APCA_API_SECRET_KEY: SECRET_KEY };
      const broker = new AlpacaBroker({ baseUrl: server.url, secrets: new EnvSecretResolver(env), sleep: async () => undefined });
      expect((await broker.account()).currency).toBe('USD');
      server.onSubmit = () => ({ status: 403, message: 'insufficient buying power' });
      const error = await broker.submit(request('x', 1)).catch((e: unknown) => e as Error);
      for (const shown of [JSON.stringify(broker), inspect(broker, { depth: 10, showHidden: true }), String(error), (error as Error).stack ?? '', JSON.stringify(error)]) {
        expect(shown).not.toContain(SECRET_KEY);
        expect(shown).not.toContain(KEY_ID);
      }
    } finally {
      await server.stop();
    }
  });

  it('says which credential is missing, by name only', async () => {
    const broker = new AlpacaBroker({ baseUrl: 'http://127.0.0.1:9', secrets: new EnvSecretResolver({ APCA_API_KEY_ID: 'x' }) });
    await expect(broker.account()).rejects.toMatchObject({ code: 'BROKER_AUTH', message: expect.stringMatching(/missing Alpaca credential APCA_API_SECRET_KEY: set it in the environment or pass a secret resolver/) });
  });

  it('answers 401 when the key is wrong, as BROKER_AUTH', async () => {
    const server = await new AlpacaTestServer().start();
    try {
      const broker = new AlpacaBroker({ baseUrl: server.url, secrets: new StaticSecretResolver({ APCA_API_KEY_ID: 'wrong', APCA_API_SECRET_KEY: 'wrong' }) });
      await expect(broker.account()).rejects.toMatchObject({ code: 'BROKER_AUTH', status: 401 });
    } finally {
      await server.stop();
    }
  });
});

describe('a paper session with AlpacaBroker', () => {
  it('trades a replay through the local Alpaca API and books the fills it reports', async () => {
    const server = await new AlpacaTestServer().start();
    try {
      // The exchange fills every order completely at 100 + its number the first time it is polled.
      server.onPoll = (order) => {
        if (order.status === 'accepted') server.fill(order, Number(order.qty), 100 + Number(order.id.slice(4)));
      };
      const n = 6;
      const frame = BarFrame.fromSeries({
        'AAPL.NASDAQ': { timestamp: Array.from({ length: n }, (_, i) => T + i * 86_400_000), open: Array(n).fill(100), high: Array(n).fill(101), low: Array(n).fill(99), close: Array(n).fill(100), volume: Array(n).fill(1e6) },
      });
      // Buy 10 on the first bar, sell 4 on the third.
      const algorithm = new FrameworkAlgorithm({
        universe: { name: 'U', select: (ctx: AlgorithmContext) => ctx.securities.available },
        alpha: { name: 'A', update: (): readonly InsightInit[] => [] },
        portfolio: { name: 'P', createTargets: () => [] },
        risk: {
          name: 'R',
          manageRisk: (ctx: AlgorithmContext): readonly PortfolioTarget[] => (ctx.time === T ? [{ symbol: AAPL, quantity: 10 }] : ctx.time === T + 2 * 86_400_000 ? [{ symbol: AAPL, quantity: 6 }] : []),
        },
        execution: {
          name: 'E',
          execute: (ctx: AlgorithmContext, targets: readonly PortfolioTarget[]) =>
            targets.map((t) => ({ symbol: t.symbol, quantity: (t.quantity ?? 0) - ctx.portfolio.quantity(t.symbol) - ctx.openOrders(t.symbol).reduce((a, o) => a + o.remainingQuantity, 0) })).filter((r) => r.quantity !== 0),
        },
      });
      const broker = new AlpacaBroker({ baseUrl: server.url, secrets: new StaticSecretResolver({ APCA_API_KEY_ID: KEY_ID, APCA_API_SECRET_KEY: SECRET_KEY }), symbols: [AAPL] });
      const outcome = await new PaperTradingSession({ sessionId: 'alpaca-paper', algorithm, feed: new ReplayFeed(frame), broker, persistence: new InMemoryPersistence(), initialCash: 10_000 }).run();
      expect(outcome.result.fills.map((f) => [f.symbol.value, f.quantity, f.price])).toEqual([
        ['AAPL.NASDAQ', 10, 101],
        ['AAPL.NASDAQ', -4, 102],
      ]);
      expect([...server.orders.values()].map((o) => [o.client_order_id, o.side, o.qty])).toEqual([
        ['alpaca-paper-1', 'buy', '10'],
        ['alpaca-paper-2', 'sell', '4'],
      ]);
      expect(outcome.result.portfolio.positions[0]).toMatchObject({ symbol: 'AAPL.NASDAQ', quantity: 6 });
    } finally {
      await server.stop();
    }
  });
});

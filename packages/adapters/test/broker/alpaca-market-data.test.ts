import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SymbolId } from '@alphaswarm/core';
import { AlpacaMarketData, StaticSecretResolver } from '../../src/index.js';
import { AlpacaTestServer, KEY_ID, SECRET_KEY } from './alpaca-test-server.js';

describe('AlpacaMarketData', () => {
  let server: AlpacaTestServer;
  beforeEach(async () => {
    server = await new AlpacaTestServer().start();
    // Daily bars as Alpaca stamps them: midnight New York time (05:00Z in winter).
    server.bars = {
      AAPL: [1, 2, 3, 4, 5].map((d) => ({ t: `2024-01-0${d + 1}T05:00:00Z`, o: 100 + d, h: 102 + d, l: 99 + d, c: 101 + d, v: 1000 * d })),
      MSFT: [1, 2, 3].map((d) => ({ t: `2024-01-0${d + 1}T05:00:00Z`, o: 300 + d, h: 302 + d, l: 299 + d, c: 301 + d, v: 500 })),
    };
    server.barsPageSize = 3;
  });
  afterEach(() => server.stop());

  const source = () => new AlpacaMarketData({ baseUrl: server.url, secrets: new StaticSecretResolver({ APCA_API_KEY_ID: KEY_ID, APCA_API_SECRET_KEY: SECRET_KEY }) });

  it('loads bars over all pages, maps tickers to the requested symbols and stamps daily bars at UTC midnight', async () => {
    const frame = await source().load({ symbols: ['AAPL.NASDAQ', 'MSFT.NASDAQ'] });
    expect(frame.symbols.map((s) => s.value)).toEqual(['AAPL.NASDAQ', 'MSFT.NASDAQ']);
    const aapl = frame.series(SymbolId.parse('AAPL.NASDAQ'));
    expect([...aapl.timestamp]).toEqual([2, 3, 4, 5, 6].map((d) => Date.UTC(2024, 0, d)));
    expect([...aapl.close]).toEqual([102, 103, 104, 105, 106]);
    expect(frame.series(SymbolId.parse('MSFT.NASDAQ')).length).toBe(3);
    const query = server.requests[0]!.query;
    expect([query.get('symbols'), query.get('timeframe'), query.get('feed'), query.get('adjustment')]).toEqual(['AAPL,MSFT', '1Day', 'iex', 'raw']);
    expect(server.requests.map((r) => r.query.get('page_token'))).toEqual([null, '3', '6']);
  });

  it('keeps the requested range', async () => {
    const frame = await source().load({ symbols: ['AAPL.NASDAQ'], start: Date.UTC(2024, 0, 3), end: Date.UTC(2024, 0, 4) });
    expect([...frame.series(SymbolId.parse('AAPL.NASDAQ')).timestamp]).toEqual([Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 4)]);
    expect(server.requests[0]!.query.get('start')).toBe('2024-01-03T00:00:00.000Z');
  });

  it('names bad requests and options', async () => {
    await expect(source().load({ symbols: [] })).rejects.toThrow(/request\.symbols/);
    expect(() => new AlpacaMarketData({ timeframe: '2Day' as '1Day' })).toThrow(/timeframe/);
  });
});

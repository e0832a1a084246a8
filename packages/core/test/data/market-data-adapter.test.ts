import { describe, expect, it } from 'vitest';
import { BarFrame } from '../../src/data/index.js';
import type { MarketDataAdapter, MarketDataRequest } from '../../src/data/index.js';
import { parseMarketDataRequest } from '../../src/data/market-data-adapter.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { SymbolId } from '../../src/symbol-id.js';

describe('parseMarketDataRequest', () => {
  it('accepts symbols as text or SymbolId with optional bounds', () => {
    const request = { symbols: ['AAA', SymbolId.parse('BBB')], start: 0, end: 10 };
    expect(parseMarketDataRequest(request)).toEqual(request);
  });

  it.each<[unknown, string]>([
    [{ symbols: [] }, 'request.symbols'],
    [{ symbols: [42] }, 'request.symbols.0'],
    [{ symbols: ['A'], start: 'yesterday' }, 'request.start'],
    [{ symbols: ['A'], start: 10, end: 5 }, 'request.end'],
  ])('rejects %j naming %s', (request, path) => {
    try {
      parseMarketDataRequest(request as MarketDataRequest);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).path).toBe(path);
    }
  });
});

describe('MarketDataAdapter', () => {
  it('can be implemented by a host in a few lines', async () => {
    const frame = BarFrame.fromArrays({ symbol: 'AAA', timestamp: [1, 2], open: [1, 1], high: [1, 1], low: [1, 1], close: [1, 1], volume: [0, 0] });
    const adapter: MarketDataAdapter = {
      load: async (request) => frame.select({ symbols: request.symbols, start: request.start, end: request.end }),
    };
    expect((await adapter.load({ symbols: ['AAA'], start: 2 })).length).toBe(1);
  });
});

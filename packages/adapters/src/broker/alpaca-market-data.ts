import { inspect } from 'node:util';
import { BarFrame, InvalidArgumentError, MS_PER_DAY, SymbolId, toIso } from '@alphaswarm/core';
import type { BarSeriesInput, MarketDataAdapter, MarketDataRequest, Sleep } from '@alphaswarm/core';
import type { FetchFunction } from '../llm/openai-compatible-llm-adapter.js';
import { AlpacaClient, type AlpacaCredentialNames } from './alpaca-client.js';
import { alpacaBarsPageSchema } from './alpaca-schemas.js';
import { EnvSecretResolver, type SecretResolver } from './secret-resolver.js';

/** Alpaca's market-data API. */
export const ALPACA_DATA_URL = 'https://data.alpaca.markets';

/** Bar sizes the adapter asks Alpaca for. */
export type AlpacaTimeframe = '1Min' | '5Min' | '15Min' | '1Hour' | '1Day';

/** Options of {@link AlpacaMarketData}. */
export interface AlpacaMarketDataOptions {
  /** Bar size; default `1Day`. */
  readonly timeframe?: AlpacaTimeframe;
  /** Data feed: `iex` (free, default) or `sip`. */
  readonly feed?: 'iex' | 'sip';
  /** Price adjustment: `raw` (default), `split`, `dividend` or `all`. */
  readonly adjustment?: 'raw' | 'split' | 'dividend' | 'all';
  /** API base URL; default {@link ALPACA_DATA_URL}. */
  readonly baseUrl?: string;
  /** Where the API key comes from (default the environment). */
  readonly secrets?: SecretResolver;
  /** Names of the credentials. */
  readonly credentialNames?: AlpacaCredentialNames;
  /** Time allowed per request attempt, in ms; default 10 000. */
  readonly timeoutMs?: number;
  /** Retries on 429, 5xx, timeouts and network failures; default 3. */
  readonly maxRetries?: number;
  /** First retry back-off in ms; default 500. */
  readonly backoffMs?: number;
  /** How retries wait. */
  readonly sleep?: Sleep;
  /** The `fetch` to use. */
  readonly fetch?: FetchFunction;
}

/**
 * A `MarketDataAdapter` over Alpaca's stock bars (`GET /v2/stocks/bars`), following
 * the page tokens. Symbols map by ticker (`AAPL.NASDAQ` is requested as `AAPL` and
 * comes back as `AAPL.NASDAQ`). Daily bars are stamped at UTC midnight of their date,
 * the SDK's convention (Alpaca stamps them at midnight New York time).
 */
export class AlpacaMarketData implements MarketDataAdapter {
  /** The bar size. */
  readonly timeframe: AlpacaTimeframe;
  private readonly client: AlpacaClient;
  private readonly feed: 'iex' | 'sip';
  private readonly adjustment: string;

  /** @throws {@link @alphaswarm/core!InvalidArgumentError} on a bad option */
  constructor(options: AlpacaMarketDataOptions = {}) {
    this.timeframe = options.timeframe ?? '1Day';
    if (!['1Min', '5Min', '15Min', '1Hour', '1Day'].includes(this.timeframe)) throw new InvalidArgumentError('timeframe', this.timeframe, 'one of 1Min, 5Min, 15Min, 1Hour, 1Day');
    this.feed = options.feed ?? 'iex';
    this.adjustment = options.adjustment ?? 'raw';
    this.client = new AlpacaClient({
      baseUrl: options.baseUrl ?? ALPACA_DATA_URL,
      secrets: options.secrets ?? new EnvSecretResolver(),
      ...(options.credentialNames === undefined ? {} : { credentialNames: options.credentialNames }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
      ...(options.backoffMs === undefined ? {} : { backoffMs: options.backoffMs }),
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
  }

  /**
   * Loads the bars of the requested symbols with `start ≤ time ≤ end` (all pages).
   *
   * @throws {@link @alphaswarm/core!InvalidArgumentError} on a malformed request; `BrokerError` when the API fails
   */
  async load(request: MarketDataRequest): Promise<BarFrame> {
    if (!Array.isArray(request.symbols) || request.symbols.length === 0) throw new InvalidArgumentError('request.symbols', request.symbols, 'at least one symbol');
    const byTicker = new Map<string, SymbolId>();
    for (const s of request.symbols) {
      const symbol = SymbolId.from(s);
      byTicker.set(symbol.ticker, symbol);
    }
    const columns = new Map<string, { timestamp: number[]; open: number[]; high: number[]; low: number[]; close: number[]; volume: number[] }>();
    let pageToken: string | undefined;
    for (;;) {
      const page = await this.client.call('GET', '/v2/stocks/bars', {
        query: {
          symbols: [...byTicker.keys()].join(','),
          timeframe: this.timeframe,
          start: request.start === undefined ? undefined : toIso(request.start),
          // A daily bar stamped at New York midnight belongs to the UTC date asked for: ask to the end of that date.
          end: request.end === undefined ? undefined : toIso(this.timeframe === '1Day' ? request.end + MS_PER_DAY - 1 : request.end),
          limit: 10_000,
          adjustment: this.adjustment,
          feed: this.feed,
          sort: 'asc',
          page_token: pageToken,
        },
        schema: alpacaBarsPageSchema,
      });
      for (const [ticker, bars] of Object.entries(page.bars ?? {})) {
        const symbol = byTicker.get(ticker);
        if (symbol === undefined) continue;
        let c = columns.get(symbol.value);
        if (c === undefined) {
          c = { timestamp: [], open: [], high: [], low: [], close: [], volume: [] };
          columns.set(symbol.value, c);
        }
        for (const b of bars) {
          const t = this.timeframe === '1Day' ? Math.floor(b.t / MS_PER_DAY) * MS_PER_DAY : b.t;
          if ((request.start !== undefined && t < request.start) || (request.end !== undefined && t > request.end)) continue;
          c.timestamp.push(t);
          c.open.push(b.o);
          c.high.push(b.h);
          c.low.push(b.l);
          c.close.push(b.c);
          c.volume.push(b.v);
        }
      }
      if (page.next_page_token === null || page.next_page_token === undefined || page.next_page_token === '') break;
      pageToken = page.next_page_token;
    }
    return BarFrame.fromSeries(new Map<string, BarSeriesInput>(columns), { file: 'alpaca:/v2/stocks/bars' });
  }

  /** Never shows the credentials. */
  toJSON(): string {
    return `[AlpacaMarketData ${this.client.baseUrl}]`;
  }

  /** Never shows the credentials. */
  [inspect.custom](): string {
    return `[AlpacaMarketData ${this.client.baseUrl}]`;
  }
}

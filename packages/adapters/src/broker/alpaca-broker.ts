import { inspect } from 'node:util';
import { EventEmitter } from 'eventemitter3';
import { z } from 'zod';
import { AlphaSwarmError, BrokerRejectedError, InvalidArgumentError, LiveTradingDisabledError, SymbolId } from '@alphaswarm/core';
import type {
  BrokerAccount,
  BrokerAdapter,
  BrokerOrder,
  BrokerOrderRequest,
  BrokerPosition,
  JsonValue,
  OrderStatus,
  OrderType,
  OrderUpdate,
  OrderUpdateListener,
  Sleep,
  Slice,
  TimeInForce,
} from '@alphaswarm/core';
import type { FetchFunction } from '../llm/openai-compatible-llm-adapter.js';
import { AlpacaClient, AlpacaHttpError, type AlpacaCredentialNames } from './alpaca-client.js';
import { alpacaAccountSchema, alpacaOrderSchema, alpacaPositionSchema, type AlpacaOrder } from './alpaca-schemas.js';
import { EnvSecretResolver, type SecretResolver } from './secret-resolver.js';

/** Alpaca's paper-trading API. */
export const ALPACA_PAPER_URL = 'https://paper-api.alpaca.markets';
/** Alpaca's live (real-money) trading API. */
export const ALPACA_LIVE_URL = 'https://api.alpaca.markets';

/** Options of an {@link AlpacaBroker}. */
export interface AlpacaBrokerOptions {
  /** `paper` (default) or `live`. `live` trades real money and needs `liveTrading: true`. */
  readonly environment?: 'paper' | 'live';
  /** Turns live trading on; without it a `live` environment is refused. Default false. */
  readonly liveTrading?: boolean;
  /** API base URL; default the environment's (a local test server may stand in for the paper API). */
  readonly baseUrl?: string;
  /** Where the API key comes from (default the environment: `APCA_API_KEY_ID`, `APCA_API_SECRET_KEY`). */
  readonly secrets?: SecretResolver;
  /** Names of the credentials in the resolver. */
  readonly credentialNames?: AlpacaCredentialNames;
  /** Symbols the adapter trades, to map Alpaca tickers back (`AAPL` → `AAPL.NASDAQ`); others are parsed as given. */
  readonly symbols?: readonly (SymbolId | string)[];
  /** Time allowed for one request attempt, in ms; default 10 000. */
  readonly timeoutMs?: number;
  /** Retries on 429, 5xx, timeouts and network failures; default 3. */
  readonly maxRetries?: number;
  /** First retry back-off in ms (doubling, capped at 8 s) unless the server sends `Retry-After`; default 500. */
  readonly backoffMs?: number;
  /** How retries wait (default real timers). */
  readonly sleep?: Sleep;
  /** The `fetch` to use (default the global one). */
  readonly fetch?: FetchFunction;
  /** Name in journals; default `AlpacaBroker`. */
  readonly name?: string;
}

/** What the adapter knows of an order it placed: the request, and what it has reported so far. */
interface Tracked {
  readonly clientOrderId: string;
  brokerOrderId: string | null;
  /** Symbol text of the request. */
  readonly symbol: string;
  /** Signed quantity requested. */
  readonly quantity: number;
  /** Order type requested. */
  readonly type: OrderType;
  /** Time in force requested. */
  readonly timeInForce: TimeInForce;
  /** Creation time given with the request. */
  readonly createdAt: number;
  /** Signed quantity reported as filled. */
  filled: number;
  /** Signed notional reported as filled (Σ quantity × price). */
  notional: number;
}

const trackedSchema = z.strictObject({
  version: z.literal(1),
  orders: z.array(
    z.strictObject({
      clientOrderId: z.string().min(1),
      brokerOrderId: z.string().nullable(),
      symbol: z.string().min(1),
      quantity: z.number(),
      type: z.enum(['market', 'limit', 'stop', 'stop_limit']),
      timeInForce: z.enum(['day', 'gtc']),
      createdAt: z.number(),
      filled: z.number(),
      notional: z.number(),
    }),
  ),
});

const ORDER_TYPES: readonly OrderType[] = ['market', 'limit', 'stop', 'stop_limit'];
const FINAL_CANCELLED = new Set(['canceled', 'expired', 'replaced']);
const FINAL_REJECTED = new Set(['rejected', 'suspended']);

/**
 * A {@link BrokerAdapter} over Alpaca's trading REST API (v2): account, positions
 * and orders (bars: {@link AlpacaMarketData}). Paper trading by default; the live
 * (real-money) environment is refused unless `liveTrading: true`, and a session
 * refuses it again unless it allows live trading itself.
 *
 * - `submit` posts `/v2/orders` with the session's client order id. A refusal (HTTP
 *   403, e.g. insufficient buying power, or 422) throws `BrokerRejectedError`. A
 *   request that timed out is retried; a retry that meets "client order id must be
 *   unique" adopts the order already placed. When every attempt failed, the order
 *   is still tracked by its client id and `sync` reports its fate.
 * - `sync` polls every order it placed and still tracks (`GET /v2/orders/{id}`, or by
 *   client order id), all before changing anything, and reports new fills (the
 *   increase of `filled_qty` at the price that moves `filled_avg_price` to the new
 *   average; fee 0, Alpaca charges no commission), cancellations/expiries and
 *   rejections. If any poll fails it throws and reports everything at the next call.
 * - Credentials come from the secret resolver (the environment by default), never
 *   from specs, and never appear in messages, JSON or `inspect` output.
 */
export class AlpacaBroker implements BrokerAdapter {
  /** Name in journals. */
  readonly name: string;
  /** True for the live environment (real money). */
  readonly live: boolean;
  private readonly client: AlpacaClient;
  private readonly tracked = new Map<string, Tracked>();
  private readonly symbols = new Map<string, SymbolId>();
  private readonly events = new EventEmitter<{ update: OrderUpdateListener }>();

  /**
   * @throws {@link @alphaswarm/core!LiveTradingDisabledError} for the live environment without `liveTrading: true`;
   *   {@link @alphaswarm/core!InvalidArgumentError} for the live API's URL in the paper environment, or a bad option
   */
  constructor(options: AlpacaBrokerOptions = {}) {
    const environment = options.environment ?? 'paper';
    if (environment !== 'paper' && environment !== 'live') throw new InvalidArgumentError('environment', environment, "'paper' or 'live'");
    if (environment === 'live' && options.liveTrading !== true) throw new LiveTradingDisabledError('AlpacaBroker environment "live"');
    const baseUrl = options.baseUrl ?? (environment === 'live' ? ALPACA_LIVE_URL : ALPACA_PAPER_URL);
    if (environment === 'paper' && new URL(baseUrl).host === new URL(ALPACA_LIVE_URL).host) {
      throw new InvalidArgumentError('baseUrl', baseUrl, 'a paper-trading URL in the paper environment (the live API needs environment "live" and liveTrading: true)');
    }
    this.live = environment === 'live';
    this.name = options.name ?? 'AlpacaBroker';
    this.client = new AlpacaClient({
      baseUrl,
      secrets: options.secrets ?? new EnvSecretResolver(),
      ...(options.credentialNames === undefined ? {} : { credentialNames: options.credentialNames }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
      ...(options.backoffMs === undefined ? {} : { backoffMs: options.backoffMs }),
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
    for (const s of options.symbols ?? []) {
      const symbol = SymbolId.from(s);
      this.symbols.set(symbol.ticker, symbol);
    }
  }

  /** Places an order; see the class notes for refusals, retries and idempotency. */
  async submit(request: BrokerOrderRequest): Promise<BrokerOrder> {
    const known = this.tracked.get(request.clientOrderId);
    if (known !== undefined && known.brokerOrderId !== null) return this.view(await this.fetchOrder(known));
    if (!ORDER_TYPES.includes(request.type)) throw new InvalidArgumentError('type', request.type, `one of ${ORDER_TYPES.join(', ')}`);
    if (!(Number.isFinite(request.quantity) && request.quantity !== 0)) throw new InvalidArgumentError('quantity', request.quantity, 'a finite non-zero signed quantity');
    this.symbols.set(request.symbol.ticker, request.symbol);
    const tracked: Tracked = known ?? {
      clientOrderId: request.clientOrderId,
      brokerOrderId: null,
      symbol: request.symbol.value,
      quantity: request.quantity,
      type: request.type,
      timeInForce: request.timeInForce,
      createdAt: request.createdAt,
      filled: 0,
      notional: 0,
    };
    this.tracked.set(request.clientOrderId, tracked);
    const body = {
      symbol: request.symbol.ticker,
      qty: String(Math.abs(request.quantity)),
      side: request.quantity > 0 ? 'buy' : 'sell',
      type: request.type,
      time_in_force: request.timeInForce,
      ...(request.limitPrice === undefined ? {} : { limit_price: String(request.limitPrice) }),
      ...(request.stopPrice === undefined ? {} : { stop_price: String(request.stopPrice) }),
      client_order_id: request.clientOrderId,
    };
    let placed: AlpacaOrder;
    try {
      placed = await this.client.call('POST', '/v2/orders', { body, schema: alpacaOrderSchema });
    } catch (error) {
      if (error instanceof AlpacaHttpError && error.status === 422 && /client[_ ]order[_ ]id/i.test(error.message)) {
        placed = await this.fetchOrder(tracked);
      } else if (error instanceof AlpacaHttpError && (error.status === 403 || error.status === 422)) {
        this.tracked.delete(request.clientOrderId);
        throw new BrokerRejectedError(error.message.replace(/^POST \/v2\/orders: HTTP \d+: /, ''), { status: error.status, path: '/v2/orders' });
      } else throw error;
    }
    tracked.brokerOrderId = placed.id;
    return this.view(placed);
  }

  /** Asks Alpaca to cancel the order; an order that can no longer be cancelled (422) or is unknown (404) is left alone. */
  async cancel(clientOrderId: string): Promise<void> {
    const tracked = this.tracked.get(clientOrderId);
    if (tracked === undefined) return;
    try {
      const id = tracked.brokerOrderId ?? (await this.fetchOrder(tracked)).id;
      await this.client.call('DELETE', `/v2/orders/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error instanceof AlpacaHttpError && (error.status === 404 || error.status === 422)) return;
      throw error;
    }
  }

  /** Working orders of the account (`GET /v2/orders?status=open`), oldest first. */
  async openOrders(): Promise<readonly BrokerOrder[]> {
    const orders = await this.client.call('GET', '/v2/orders', { query: { status: 'open', limit: 500, direction: 'asc' }, schema: z.array(alpacaOrderSchema) });
    return orders.map((o) => this.view(o));
  }

  /** Positions of the account (`GET /v2/positions`), sorted by symbol text. */
  async positions(): Promise<readonly BrokerPosition[]> {
    const positions = await this.client.call('GET', '/v2/positions', { schema: z.array(alpacaPositionSchema) });
    return positions
      .map((p) => {
        const quantity = (p.side === 'short' ? -1 : 1) * Math.abs(p.qty);
        const lastPrice = p.current_price ?? p.avg_entry_price;
        return {
          symbol: this.symbolOf(p.symbol),
          quantity,
          averagePrice: p.avg_entry_price,
          lastPrice,
          marketValue: p.market_value ?? quantity * lastPrice,
          unrealizedPnl: p.unrealized_pl ?? quantity * (lastPrice - p.avg_entry_price),
        };
      })
      .sort((a, b) => (a.symbol.value < b.symbol.value ? -1 : a.symbol.value > b.symbol.value ? 1 : 0));
  }

  /** Cash, equity, buying power and status of the account (`GET /v2/account`). */
  async account(): Promise<BrokerAccount> {
    const a = await this.client.call('GET', '/v2/account', { schema: alpacaAccountSchema });
    return { currency: a.currency, cash: a.cash, equity: a.equity, buyingPower: a.buying_power, status: a.status };
  }

  /** Polls the tracked orders and returns what changed since the last call; see the class notes. */
  async sync(_slice: Slice): Promise<readonly OrderUpdate[]> {
    const polled: { tracked: Tracked; order: AlpacaOrder | undefined }[] = [];
    for (const tracked of this.tracked.values()) {
      try {
        polled.push({ tracked, order: await this.fetchOrder(tracked) });
      } catch (error) {
        // Never reached Alpaca: the submission failed before the order existed.
        if (error instanceof AlpacaHttpError && error.status === 404 && tracked.brokerOrderId === null) polled.push({ tracked, order: undefined });
        else throw error;
      }
    }
    const updates: OrderUpdate[] = [];
    for (const { tracked, order } of polled) {
      if (order === undefined) {
        this.tracked.delete(tracked.clientOrderId);
        updates.push(this.lostUpdate(tracked));
        continue;
      }
      tracked.brokerOrderId = order.id;
      const view = this.view(order);
      const filled = view.filledQuantity;
      if (Math.abs(filled) > Math.abs(tracked.filled) && order.filled_avg_price !== null) {
        const notional = filled * order.filled_avg_price;
        const quantity = filled - tracked.filled;
        const price = (notional - tracked.notional) / quantity;
        const time = order.filled_at ?? order.updated_at ?? order.created_at;
        tracked.filled = filled;
        tracked.notional = notional;
        updates.push({ kind: 'fill', clientOrderId: tracked.clientOrderId, time, fill: { symbol: view.symbol, time, quantity, price, fee: 0, slippage: 0 }, order: view });
      }
      if (view.status === 'filled') this.tracked.delete(tracked.clientOrderId);
      else if (view.status === 'cancelled' || view.status === 'rejected') {
        this.tracked.delete(tracked.clientOrderId);
        updates.push({ kind: view.status, clientOrderId: tracked.clientOrderId, time: order.updated_at ?? order.created_at, reason: `${order.status} at Alpaca`, order: view });
      }
    }
    for (const update of updates) this.events.emit('update', update);
    return updates;
  }

  /** Subscribes to order updates; returns the unsubscribe function. */
  onOrderUpdate(listener: OrderUpdateListener): () => void {
    this.events.on('update', listener);
    return () => {
      this.events.off('update', listener);
    };
  }

  /** The orders it tracks and what it has reported of them, as JSON. */
  saveState(): JsonValue {
    return { version: 1, orders: [...this.tracked.values()].map((t) => ({ ...t })) };
  }

  /**
   * Restores the tracked orders saved by {@link AlpacaBroker.saveState}.
   *
   * @throws {@link @alphaswarm/core!AlphaSwarmError} code `INVALID_BROKER_STATE` naming the path of a malformed state
   */
  loadState(state: JsonValue): void {
    const parsed = trackedSchema.safeParse(state);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = `state.${issue?.path.map(String).join('.') ?? ''}`;
      throw new AlphaSwarmError('INVALID_BROKER_STATE', `${this.name}: ${path}: ${issue?.message ?? 'invalid'}`, { path });
    }
    this.tracked.clear();
    for (const t of parsed.data.orders) this.tracked.set(t.clientOrderId, { ...t });
  }

  /** Nothing to release (requests are not pooled). */
  async close(): Promise<void> {}

  /** Never shows the credentials. */
  toJSON(): string {
    return `[AlpacaBroker ${this.client.baseUrl}]`;
  }

  /** Never shows the credentials. */
  [inspect.custom](): string {
    return `[AlpacaBroker ${this.client.baseUrl}]`;
  }

  private fetchOrder(tracked: Tracked): Promise<AlpacaOrder> {
    return tracked.brokerOrderId === null
      ? this.client.call('GET', '/v2/orders:by_client_order_id', { query: { client_order_id: tracked.clientOrderId }, schema: alpacaOrderSchema })
      : this.client.call('GET', `/v2/orders/${encodeURIComponent(tracked.brokerOrderId)}`, { schema: alpacaOrderSchema });
  }

  private lostUpdate(tracked: Tracked): OrderUpdate {
    const reason = 'not found at Alpaca: the submission never arrived';
    return {
      kind: 'rejected',
      clientOrderId: tracked.clientOrderId,
      time: tracked.createdAt,
      reason,
      order: {
        id: '',
        clientOrderId: tracked.clientOrderId,
        symbol: SymbolId.parse(tracked.symbol),
        quantity: tracked.quantity,
        type: tracked.type,
        limitPrice: null,
        stopPrice: null,
        timeInForce: tracked.timeInForce,
        status: 'rejected',
        filledQuantity: 0,
        averageFillPrice: null,
        createdAt: tracked.createdAt,
        reason,
      },
    };
  }

  private symbolOf(ticker: string): SymbolId {
    return this.symbols.get(ticker) ?? SymbolId.parse(ticker);
  }

  private view(o: AlpacaOrder): BrokerOrder {
    const sign = o.side === 'buy' ? 1 : -1;
    const type = (ORDER_TYPES as readonly string[]).includes(o.type) ? (o.type as OrderType) : 'market';
    const filled = sign * Math.abs(o.filled_qty) + 0; // + 0 turns −0 into 0
    return {
      id: o.id,
      clientOrderId: o.client_order_id,
      symbol: this.symbolOf(o.symbol),
      quantity: sign * Math.abs(o.qty ?? o.filled_qty),
      type,
      limitPrice: o.limit_price ?? null,
      stopPrice: o.stop_price ?? null,
      timeInForce: (o.time_in_force === 'day' ? 'day' : 'gtc') as TimeInForce,
      status: statusOf(o.status, filled),
      filledQuantity: filled,
      averageFillPrice: o.filled_avg_price,
      createdAt: o.created_at,
      reason: FINAL_CANCELLED.has(o.status) || FINAL_REJECTED.has(o.status) ? `${o.status} at Alpaca` : null,
    };
  }
}

/** Alpaca's order status in the SDK's vocabulary. */
function statusOf(status: string, filled: number): OrderStatus {
  if (status === 'filled') return 'filled';
  if (FINAL_CANCELLED.has(status)) return 'cancelled';
  if (FINAL_REJECTED.has(status)) return filled === 0 ? 'rejected' : 'cancelled';
  return filled === 0 ? 'submitted' : 'partially_filled';
}

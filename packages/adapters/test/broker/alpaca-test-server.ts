// A local HTTP server on 127.0.0.1 that speaks the subset of Alpaca's trading and
// market-data APIs (v2) the adapters use, with hooks to script fills, refusals,
// rate limits, server errors and slow answers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const KEY_ID = 'PKTEST1234567890';
export const SECRET_KEY = 'sEcReT/with+chars=0123456789abcdef';

export interface ServerOrder {
  id: string;
  client_order_id: string;
  created_at: string;
  updated_at: string;
  filled_at: string | null;
  symbol: string;
  qty: string;
  filled_qty: string;
  filled_avg_price: string | null;
  type: string;
  side: 'buy' | 'sell';
  time_in_force: string;
  limit_price: string | null;
  stop_price: string | null;
  status: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

/** A scripted answer for the next matching request. */
export interface Scripted {
  readonly method?: string;
  readonly path?: RegExp;
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Delay the answer by this many ms (to make the client time out). */
  readonly delayMs?: number;
}

export class AlpacaTestServer {
  readonly requests: RecordedRequest[] = [];
  readonly orders = new Map<string, ServerOrder>();
  readonly script: Scripted[] = [];
  account = { status: 'ACTIVE', currency: 'USD', cash: '100000', equity: '100000', buying_power: '200000' };
  positions: unknown[] = [];
  bars: Record<string, { t: string; o: number; h: number; l: number; c: number; v: number }[]> = {};
  barsPageSize = 1000;
  /** The next this-many submissions create their order but answer only after `submitDelayMs` (a lost answer). */
  slowSubmits = 0;
  submitDelayMs = 0;
  /** Called when an order is read; may fill it (the simulated exchange). */
  onPoll: (order: ServerOrder) => void = () => undefined;
  /** Decides whether a new order is accepted: return an HTTP status and message to refuse it. */
  onSubmit: (body: Record<string, unknown>) => { status: number; message: string } | undefined = () => undefined;
  private server: Server | undefined;
  private nextId = 1;
  private clock = Date.UTC(2024, 0, 2, 15, 0);

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Fills `qty` more of an order at `price` (updates filled_qty and the average price). */
  fill(order: ServerOrder, qty: number, price: number): void {
    const before = Number(order.filled_qty);
    const avg = order.filled_avg_price === null ? 0 : Number(order.filled_avg_price);
    const after = before + qty;
    order.filled_qty = String(after);
    order.filled_avg_price = String((before * avg + qty * price) / after);
    this.clock += 60_000;
    order.updated_at = new Date(this.clock).toISOString();
    if (after >= Number(order.qty)) {
      order.status = 'filled';
      order.filled_at = order.updated_at;
    } else order.status = 'partially_filled';
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const body = raw === '' ? undefined : (JSON.parse(raw) as unknown);
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body });
    const scripted = this.script.findIndex((s) => (s.method === undefined || s.method === req.method) && (s.path === undefined || s.path.test(url.pathname)));
    if (scripted >= 0) {
      const s = this.script.splice(scripted, 1)[0]!;
      if (s.delayMs !== undefined) await new Promise((r) => setTimeout(r, s.delayMs));
      if (res.destroyed) return;
      return send(res, s.status, s.body ?? { code: 40010000 + s.status, message: `scripted ${s.status}` }, s.headers);
    }
    if (req.headers['apca-api-key-id'] !== KEY_ID || req.headers['apca-api-secret-key'] !== SECRET_KEY) return send(res, 401, { code: 40110000, message: 'access key verification failed' });
    const path = url.pathname;
    if (req.method === 'GET' && path === '/v2/account') return send(res, 200, this.account);
    if (req.method === 'GET' && path === '/v2/positions') return send(res, 200, this.positions);
    if (req.method === 'POST' && path === '/v2/orders') {
      const slow = this.slowSubmits > 0;
      if (slow) this.slowSubmits -= 1;
      return this.submit(res, body as Record<string, unknown>, slow ? this.submitDelayMs : 0);
    }
    if (req.method === 'GET' && path === '/v2/orders') {
      const open = [...this.orders.values()].filter((o) => ['new', 'accepted', 'partially_filled'].includes(o.status));
      return send(res, 200, url.searchParams.get('status') === 'open' ? open : [...this.orders.values()]);
    }
    if (req.method === 'GET' && path === '/v2/orders:by_client_order_id') {
      const order = [...this.orders.values()].find((o) => o.client_order_id === url.searchParams.get('client_order_id'));
      if (order === undefined) return send(res, 404, { code: 40410000, message: 'order not found' });
      this.onPoll(order);
      return send(res, 200, order);
    }
    const byId = /^\/v2\/orders\/([^/]+)$/.exec(path);
    if (byId !== null) {
      const order = this.orders.get(decodeURIComponent(byId[1]!));
      if (order === undefined) return send(res, 404, { code: 40410000, message: 'order not found' });
      if (req.method === 'GET') {
        this.onPoll(order);
        return send(res, 200, order);
      }
      if (req.method === 'DELETE') {
        if (order.status === 'filled' || order.status === 'canceled') return send(res, 422, { code: 42210000, message: 'order is not cancelable' });
        order.status = 'canceled';
        order.updated_at = new Date((this.clock += 1000)).toISOString();
        res.writeHead(204).end();
        return;
      }
    }
    if (req.method === 'GET' && path === '/v2/stocks/bars') return this.sendBars(res, url.searchParams);
    return send(res, 404, { code: 40400000, message: `no route ${req.method} ${path}` });
  }

  private async submit(res: ServerResponse, body: Record<string, unknown>, delayMs: number): Promise<void> {
    const clientId = String(body['client_order_id']);
    if ([...this.orders.values()].some((o) => o.client_order_id === clientId)) return send(res, 422, { code: 40010001, message: 'client_order_id must be unique' });
    const refusal = this.onSubmit(body);
    if (refusal !== undefined) return send(res, refusal.status, { code: 40310000, message: refusal.message });
    const now = new Date((this.clock += 1000)).toISOString();
    const order: ServerOrder = {
      id: `ord-${this.nextId++}`,
      client_order_id: clientId,
      created_at: now,
      updated_at: now,
      filled_at: null,
      symbol: String(body['symbol']),
      qty: String(body['qty']),
      filled_qty: '0',
      filled_avg_price: null,
      type: String(body['type']),
      side: body['side'] as 'buy' | 'sell',
      time_in_force: String(body['time_in_force']),
      limit_price: (body['limit_price'] as string | undefined) ?? null,
      stop_price: (body['stop_price'] as string | undefined) ?? null,
      status: 'accepted',
    };
    this.orders.set(order.id, order);
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    if (!res.destroyed) send(res, 200, order);
  }

  private sendBars(res: ServerResponse, query: URLSearchParams): void {
    const symbols = (query.get('symbols') ?? '').split(',');
    const start = query.get('start') === null ? -Infinity : Date.parse(query.get('start')!);
    const end = query.get('end') === null ? Infinity : Date.parse(query.get('end')!);
    const all: { symbol: string; bar: { t: string; o: number; h: number; l: number; c: number; v: number } }[] = [];
    for (const symbol of symbols) for (const bar of this.bars[symbol] ?? []) if (Date.parse(bar.t) >= start && Date.parse(bar.t) <= end) all.push({ symbol, bar });
    const offset = Number(query.get('page_token') ?? '0');
    const page = all.slice(offset, offset + this.barsPageSize);
    const bars: Record<string, unknown[]> = {};
    for (const { symbol, bar } of page) (bars[symbol] ??= []).push(bar);
    send(res, 200, { bars, next_page_token: offset + this.barsPageSize < all.length ? String(offset + this.barsPageSize) : null });
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
}

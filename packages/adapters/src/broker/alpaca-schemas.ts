import { z } from 'zod';

/** A decimal as Alpaca sends it: a string (sometimes a number), parsed to a finite number. */
const decimal = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `expected a decimal, got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return n;
});

/** An ISO-8601 time, parsed to epoch ms. */
const isoTime = z.string().transform((v, ctx) => {
  const ms = Date.parse(v);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: `expected an ISO time, got ${JSON.stringify(v)}` });
    return z.NEVER;
  }
  return ms;
});

/** `GET /v2/account` (the fields the adapter reads). */
export const alpacaAccountSchema = z.object({
  status: z.string(),
  currency: z.string(),
  cash: decimal,
  equity: decimal,
  buying_power: decimal,
});

/** One element of `GET /v2/positions`. */
export const alpacaPositionSchema = z.object({
  symbol: z.string(),
  qty: decimal,
  side: z.enum(['long', 'short']),
  avg_entry_price: decimal,
  current_price: decimal.nullable().optional(),
  market_value: decimal.nullable().optional(),
  unrealized_pl: decimal.nullable().optional(),
});

/** An order object of the orders endpoints. */
export const alpacaOrderSchema = z.object({
  id: z.string(),
  client_order_id: z.string(),
  created_at: isoTime,
  updated_at: isoTime.nullable().optional(),
  filled_at: isoTime.nullable().optional(),
  symbol: z.string(),
  qty: decimal.nullable(),
  filled_qty: decimal,
  filled_avg_price: decimal.nullable(),
  type: z.string(),
  side: z.enum(['buy', 'sell']),
  time_in_force: z.string(),
  limit_price: decimal.nullable().optional(),
  stop_price: decimal.nullable().optional(),
  status: z.string(),
});

/** A parsed Alpaca order. */
export type AlpacaOrder = z.output<typeof alpacaOrderSchema>;

/** One bar of the market-data API. */
export const alpacaBarSchema = z.object({ t: isoTime, o: z.number(), h: z.number(), l: z.number(), c: z.number(), v: z.number() });

/** `GET /v2/stocks/bars`: bars by ticker, and the token of the next page. */
export const alpacaBarsPageSchema = z.object({
  bars: z.record(z.string(), z.array(alpacaBarSchema)).nullable(),
  next_page_token: z.string().nullable().optional(),
});

import { z } from 'zod';
import { InvalidArgumentError } from '../errors.js';
import type { PositionSnapshot } from './position.js';
import type { TradeSnapshot } from './trade.js';

/**
 * The whole state of a {@link Portfolio} as a plain JSON-serialisable object, from
 * {@link Portfolio.snapshot}; {@link Portfolio.restore} turns it back into an
 * identical portfolio. Numbers are written unrounded (a JSON round trip of a
 * finite double is exact); negative zeros are written as 0.
 */
export interface PortfolioSnapshot {
  /** Format version; currently 1. */
  readonly version: 1;
  /** Starting cash, in account currency. */
  readonly initialCash: number;
  /** Cash now, in account currency (negative when borrowing). */
  readonly cash: number;
  /** Every symbol ever traded, open or flat, sorted by symbol text. */
  readonly positions: readonly PositionSnapshot[];
  /** Closed round trips, in the order they closed. */
  readonly trades: readonly TradeSnapshot[];
}

const finite = z.number().finite();
const nonNegative = finite.min(0);
const direction = z.enum(['long', 'short']);

const openTradeSchema = z.strictObject({
  direction,
  entryTime: finite,
  entryQuantity: finite.positive(),
  entryNotional: nonNegative,
  exitQuantity: nonNegative,
  exitNotional: nonNegative,
  grossPnl: finite,
  fees: nonNegative,
  mae: finite.max(0),
  mfe: nonNegative,
});

const positionSchema = z.strictObject({
  symbol: z.string(),
  quantity: finite,
  averagePrice: nonNegative,
  realizedPnl: finite,
  lastPrice: nonNegative,
  fees: nonNegative,
  openTrade: openTradeSchema.nullable(),
});

const tradeSchema = z.strictObject({
  symbol: z.string(),
  direction,
  entryTime: finite,
  exitTime: finite,
  entryPrice: nonNegative,
  exitPrice: nonNegative,
  quantity: finite.positive(),
  grossPnl: finite,
  fees: nonNegative,
  pnl: finite,
  holdingPeriodMs: nonNegative,
  mae: finite.max(0),
  mfe: nonNegative,
});

const portfolioSchema = z.strictObject({
  version: z.literal(1),
  initialCash: nonNegative,
  cash: finite,
  positions: z.array(positionSchema),
  trades: z.array(tradeSchema),
});

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`), 'snapshot');
}

/**
 * Validates untrusted input as a {@link PortfolioSnapshot}: its shape, and that every
 * position holds an open trade exactly when its quantity is not 0, in the direction
 * of its sign.
 *
 * @throws {@link InvalidArgumentError} naming the path (`snapshot.positions[0].quantity`) and value.
 */
export function parsePortfolioSnapshot(input: unknown): PortfolioSnapshot {
  const result = portfolioSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path ?? [];
    throw new InvalidArgumentError(pathText(path), valueAt(input, path), issue?.message ?? 'a portfolio snapshot');
  }
  const snapshot = result.data;
  snapshot.positions.forEach((position, i) => {
    const open = position.openTrade;
    if ((position.quantity === 0) !== (open === null)) {
      throw new InvalidArgumentError(`snapshot.positions[${i}].openTrade`, open, `an open trade exactly when quantity (${position.quantity}) is not 0`);
    }
    if (open !== null && (open.direction === 'long') !== position.quantity > 0) {
      throw new InvalidArgumentError(`snapshot.positions[${i}].openTrade.direction`, open.direction, `the direction of quantity ${position.quantity}`);
    }
  });
  return snapshot;
}

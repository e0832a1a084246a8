import type { Fill } from '../../src/orders/index.js';
import { SymbolId } from '../../src/symbol-id.js';
import { parseIso } from '../../src/time.js';

/** Shared fixtures of the portfolio tests. */
export const AAA = SymbolId.parse('AAA');
export const BBB = SymbolId.parse('BBB');
export const ZZZ = SymbolId.parse('ZZZ.NYSE');
export const T0 = parseIso('2024-01-02T14:30:00Z');
export const HOUR = 3_600_000;

let orderId = 0;
/** A fill of `quantity` at `price` with `fee`, `hours` after T0. */
export function fill(symbol: SymbolId, quantity: number, price: number, fee = 0, hours = 0): Fill {
  orderId += 1;
  return { orderId, symbol, time: T0 + hours * HOUR, quantity, price, fee, slippage: 0 };
}

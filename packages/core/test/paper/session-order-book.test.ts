import { describe, expect, it } from 'vitest';
import { Order, SessionOrderBook, SymbolId } from '../../src/index.js';

const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');

describe('SessionOrderBook', () => {
  it('holds orders by client id in id order, per symbol on request, until pruned once closed', () => {
    const book = new SessionOrderBook();
    const o1 = Order.create(1, { symbol: A, quantity: 10 }, 0);
    const o2 = Order.create(2, { symbol: B, quantity: -5 }, 0);
    const o3 = Order.create(3, { symbol: A, quantity: 3 }, 0);
    book.add(o1, 's-1');
    book.add(o2, 's-2');
    book.add(o3, 's-3');
    expect(book.openOrders(A)).toEqual([o1, o3]);
    expect(book.get('s-2')).toBe(o2);
    o1.fill(10, 1);
    o2.cancel('x');
    expect(book.openCount).toBe(3);
    book.prune();
    expect(book.openCount).toBe(1);
    expect(book.openOrders()).toEqual([o3]);
    expect(book.get('s-1')).toBeUndefined();
    expect(book.records()).toEqual([{ clientOrderId: 's-3', order: o3.toJSON() }]);
  });
});

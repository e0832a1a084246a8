import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, Order, SymbolId, orderFromJson } from '../../src/index.js';

describe('orderFromJson', () => {
  const request = { symbol: SymbolId.parse('AAA.X'), quantity: 100, type: 'stop_limit' as const, limitPrice: 10.5, stopPrice: 10, timeInForce: 'day' as const, tag: 'entry' };

  it('rebuilds an order in every state with the same JSON (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: -1000, max: 1000 }).filter((q) => q !== 0),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('open', 'cancel', 'reject', 'fill'),
        fc.boolean(),
        (id, quantity, pct, end, trigger) => {
          const order = Order.create(id, { symbol: SymbolId.parse('AAA.X'), quantity, type: trigger ? 'stop_limit' : 'limit', limitPrice: 10, ...(trigger ? { stopPrice: 9 } : {}) }, 1_700_000_000_000);
          if (trigger) order.markStopTriggered();
          const part = Math.trunc((quantity * pct) / 100);
          if (end === 'reject') order.reject('no');
          else {
            if (end === 'fill') order.fill(quantity, 10);
            else if (part !== 0) order.fill(part, 9.75);
            if (end === 'cancel') order.cancel('bye');
          }
          const rebuilt = orderFromJson(JSON.parse(JSON.stringify(order.toJSON())));
          expect(rebuilt.toJSON()).toEqual(order.toJSON());
          expect(rebuilt.remainingQuantity).toBe(order.remainingQuantity);
          expect(rebuilt.isOpen).toBe(order.isOpen);
        },
      ),
    );
  });

  it('keeps the request fields of a working order', () => {
    const order = Order.create(7, request, 123);
    const rebuilt = orderFromJson(order.toJSON());
    expect(rebuilt.symbol).toBe(request.symbol);
    expect([rebuilt.type, rebuilt.limitPrice, rebuilt.stopPrice, rebuilt.timeInForce, rebuilt.tag, rebuilt.createdAt]).toEqual(['stop_limit', 10.5, 10, 'day', 'entry', 123]);
  });

  it('names the field of a malformed record', () => {
    const json = Order.create(1, request, 0).toJSON();
    expect(() => orderFromJson({ ...json, quantity: 0 })).toThrow(InvalidArgumentError);
    expect(() => orderFromJson({ ...json, quantity: 0 })).toThrow(/order\.quantity/);
    expect(() => orderFromJson({ ...json, status: 'filled' })).toThrow(/order\.status: expected a status consistent with filledQuantity 0 of 100/);
    expect(() => orderFromJson({ ...json, filledQuantity: 50, averageFillPrice: 0, status: 'partially_filled' })).toThrow(/order\.averageFillPrice/);
  });
});

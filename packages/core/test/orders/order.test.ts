import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlphaSwarmError, InvalidArgumentError, InvalidSymbolError } from '../../src/errors.js';
import { Order } from '../../src/orders/index.js';
import { SymbolId } from '../../src/symbol-id.js';
import { parseIso } from '../../src/time.js';
import type { OrderRequest } from '../../src/orders/index.js';

const AAPL = SymbolId.parse('AAPL.NASDAQ');
const T0 = parseIso('2024-01-02T14:30:00Z');

const create = (request: Partial<OrderRequest>, id = 1): Order => Order.create(id, { symbol: AAPL, quantity: 100, ...request }, T0);

function expectError(fn: () => unknown, code: string, path?: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AlphaSwarmError);
    expect((error as AlphaSwarmError).code).toBe(code);
    if (path !== undefined) expect((error as AlphaSwarmError).path).toBe(path);
    return;
  }
  throw new Error('expected an error');
}

describe('Order.create', () => {
  it('defaults to a good-till-cancelled market order in state submitted', () => {
    const order = create({ tag: 'alpha-1' }, 7);
    expect(order.id).toBe(7);
    expect(order.symbol).toBe(AAPL);
    expect(order.type).toBe('market');
    expect(order.timeInForce).toBe('gtc');
    expect(order.tag).toBe('alpha-1');
    expect(order.createdAt).toBe(T0);
    expect(order.status).toBe('submitted');
    expect(order.isOpen).toBe(true);
    expect(order.isBuy).toBe(true);
    expect(order.filledQuantity).toBe(0);
    expect(order.remainingQuantity).toBe(100);
    expect(order.averageFillPrice).toBe(0);
    expect(order.stopTriggered).toBe(false);
    expect(order.limitPrice).toBeUndefined();
    expect(order.stopPrice).toBeUndefined();
  });

  it('keeps the sign of a sell quantity', () => {
    const order = create({ quantity: -25 });
    expect(order.isBuy).toBe(false);
    expect(order.remainingQuantity).toBe(-25);
  });

  it('refuses a zero or non-finite quantity, naming the field', () => {
    for (const quantity of [0, Number.NaN, Infinity, -Infinity]) {
      expectError(() => create({ quantity }), 'INVALID_ARGUMENT', 'quantity');
    }
  });

  it('requires a positive limit price on limit and stop-limit orders', () => {
    expectError(() => create({ type: 'limit' }), 'INVALID_ARGUMENT', 'limitPrice');
    expectError(() => create({ type: 'limit', limitPrice: 0 }), 'INVALID_ARGUMENT', 'limitPrice');
    expectError(() => create({ type: 'limit', limitPrice: -5 }), 'INVALID_ARGUMENT', 'limitPrice');
    expectError(() => create({ type: 'limit', limitPrice: Number.NaN }), 'INVALID_ARGUMENT', 'limitPrice');
    expectError(() => create({ type: 'stop_limit', stopPrice: 100 }), 'INVALID_ARGUMENT', 'limitPrice');
    expect(create({ type: 'limit', limitPrice: 99.5 }).limitPrice).toBe(99.5);
  });

  it('requires a positive stop price on stop and stop-limit orders', () => {
    expectError(() => create({ type: 'stop' }), 'INVALID_ARGUMENT', 'stopPrice');
    expectError(() => create({ type: 'stop', stopPrice: -1 }), 'INVALID_ARGUMENT', 'stopPrice');
    expectError(() => create({ type: 'stop_limit', limitPrice: 100 }), 'INVALID_ARGUMENT', 'stopPrice');
    const order = create({ type: 'stop_limit', stopPrice: 100, limitPrice: 101 });
    expect([order.stopPrice, order.limitPrice]).toEqual([100, 101]);
  });

  it('refuses a price the order type has no use for', () => {
    expectError(() => create({ limitPrice: 100 }), 'INVALID_ARGUMENT', 'limitPrice');
    expectError(() => create({ type: 'limit', limitPrice: 100, stopPrice: 99 }), 'INVALID_ARGUMENT', 'stopPrice');
    expectError(() => create({ type: 'stop', stopPrice: 100, limitPrice: 99 }), 'INVALID_ARGUMENT', 'limitPrice');
  });

  it('refuses an unknown type, time in force, id or symbol', () => {
    expectError(() => create({ type: 'iceberg' as never }), 'INVALID_ARGUMENT', 'type');
    expectError(() => create({ timeInForce: 'ioc' as never }), 'INVALID_ARGUMENT', 'timeInForce');
    expectError(() => create({}, 1.5), 'INVALID_ARGUMENT', 'id');
    expect(() => create({ symbol: ' bad ' as unknown as SymbolId })).toThrow(InvalidSymbolError);
    expect(() => Order.create(1, { symbol: AAPL, quantity: 1 }, Number.NaN)).toThrow(InvalidArgumentError);
  });
});

describe('Order.fill', () => {
  it('moves submitted → partially_filled → filled and averages the fill prices', () => {
    const order = create({ quantity: 100 });
    order.fill(30, 10);
    expect(order.status).toBe('partially_filled');
    expect(order.filledQuantity).toBe(30);
    expect(order.remainingQuantity).toBe(70);
    expect(order.averageFillPrice).toBe(10);
    order.fill(70, 11);
    // (30 × 10 + 70 × 11) / 100 = (300 + 770) / 100 = 10.7
    expect(order.status).toBe('filled');
    expect(order.averageFillPrice).toBeCloseTo(10.7, 12);
    expect(order.filledQuantity).toBe(100);
    expect(order.remainingQuantity).toBe(0);
    expect(order.isOpen).toBe(false);
  });

  it('fills a sell with negative quantities', () => {
    const order = create({ quantity: -50 });
    order.fill(-20, 5);
    expect(order.filledQuantity).toBe(-20);
    expect(order.remainingQuantity).toBe(-30);
    expect(order.averageFillPrice).toBe(5);
  });

  it('completes an order whose fractional fills leave only floating-point dust', () => {
    const order = create({ quantity: 0.3 });
    order.fill(0.1, 1);
    order.fill(0.2, 1); // 0.1 + 0.2 = 0.30000000000000004
    expect(order.status).toBe('filled');
    expect(order.filledQuantity).toBe(0.3);
    expect(order.remainingQuantity).toBe(0);
  });

  it('refuses an overfill, a fill of the wrong sign and a bad price, changing nothing', () => {
    const order = create({ quantity: 100 });
    expectError(() => order.fill(101, 10), 'INVALID_ARGUMENT', 'quantity');
    expectError(() => order.fill(-10, 10), 'INVALID_ARGUMENT', 'quantity');
    expectError(() => order.fill(0, 10), 'INVALID_ARGUMENT', 'quantity');
    expectError(() => order.fill(10, 0), 'INVALID_ARGUMENT', 'price');
    expectError(() => order.fill(10, Infinity), 'INVALID_ARGUMENT', 'price');
    expect(order.status).toBe('submitted');
    expect(order.filledQuantity).toBe(0);
    expect(order.averageFillPrice).toBe(0);
  });

  it('refuses to fill a filled, cancelled or rejected order', () => {
    const filled = create({ quantity: 1 });
    filled.fill(1, 10);
    expectError(() => filled.fill(1, 10), 'INVALID_ORDER_TRANSITION', 'status');
    const cancelled = create({});
    cancelled.cancel('user');
    expectError(() => cancelled.fill(1, 10), 'INVALID_ORDER_TRANSITION');
    const rejected = create({});
    rejected.reject('no');
    expectError(() => rejected.fill(1, 10), 'INVALID_ORDER_TRANSITION');
  });
});

describe('Order.cancel and Order.reject', () => {
  it('cancels a submitted or partially filled order and keeps what filled', () => {
    const a = create({});
    a.cancel('strategy changed its mind');
    expect(a.status).toBe('cancelled');
    expect(a.cancelReason).toBe('strategy changed its mind');
    const b = create({ quantity: 100 });
    b.fill(40, 10);
    b.cancel('end of session');
    expect(b.status).toBe('cancelled');
    expect(b.filledQuantity).toBe(40);
    expect(b.remainingQuantity).toBe(60);
  });

  it('rejects only a submitted order', () => {
    const a = create({});
    a.reject('insufficient buying power');
    expect(a.status).toBe('rejected');
    expect(a.rejectReason).toBe('insufficient buying power');
    expect(a.isOpen).toBe(false);
    const b = create({ quantity: 100 });
    b.fill(40, 10);
    expectError(() => b.reject('too late'), 'INVALID_ORDER_TRANSITION');
    expect(b.status).toBe('partially_filled');
  });

  it('refuses any transition out of a final state', () => {
    const cancelled = create({});
    cancelled.cancel('x');
    expectError(() => cancelled.cancel('again'), 'INVALID_ORDER_TRANSITION');
    expectError(() => cancelled.reject('again'), 'INVALID_ORDER_TRANSITION');
    const rejected = create({});
    rejected.reject('x');
    expectError(() => rejected.reject('again'), 'INVALID_ORDER_TRANSITION');
    expectError(() => rejected.cancel('again'), 'INVALID_ORDER_TRANSITION');
    const filled = create({ quantity: 1 });
    filled.fill(1, 1);
    expectError(() => filled.cancel('x'), 'INVALID_ORDER_TRANSITION');
    expectError(() => filled.reject('x'), 'INVALID_ORDER_TRANSITION');
  });

  it('marks the stop of an open stop-limit order only', () => {
    const stopLimit = create({ type: 'stop_limit', stopPrice: 100, limitPrice: 101 });
    stopLimit.markStopTriggered();
    stopLimit.markStopTriggered();
    expect(stopLimit.stopTriggered).toBe(true);
    expectError(() => create({ type: 'stop', stopPrice: 100 }).markStopTriggered(), 'INVALID_ORDER_TRANSITION');
    const cancelled = create({ type: 'stop_limit', stopPrice: 100, limitPrice: 101 });
    cancelled.cancel('x');
    expectError(() => cancelled.markStopTriggered(), 'INVALID_ORDER_TRANSITION');
  });
});

describe('Order.toJSON', () => {
  it('is plain JSON with the symbol as text and absent values as null', () => {
    const order = create({ type: 'limit', limitPrice: 99, quantity: -10, timeInForce: 'day' }, 3);
    order.fill(-4, 99.5);
    const json = JSON.parse(JSON.stringify(order)) as unknown;
    expect(json).toEqual({
      id: 3,
      symbol: 'AAPL.NASDAQ',
      quantity: -10,
      type: 'limit',
      limitPrice: 99,
      stopPrice: null,
      timeInForce: 'day',
      tag: null,
      createdAt: T0,
      status: 'partially_filled',
      filledQuantity: -4,
      averageFillPrice: 99.5,
      stopTriggered: false,
      rejectReason: null,
      cancelReason: null,
    });
  });
});

describe('Order properties', () => {
  it('keeps filled + remaining = quantity and the average within the fill prices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.double({ min: 1, max: 1000, noNaN: true })), { minLength: 1, maxLength: 20 }),
        (size, buy, attempts) => {
          const sign = buy ? 1 : -1;
          const order = create({ quantity: sign * size });
          const prices: number[] = [];
          for (const [units, price] of attempts) {
            if (!order.isOpen) break;
            const q = sign * Math.min(units, Math.abs(order.remainingQuantity));
            order.fill(q, price);
            prices.push(price);
            expect(order.filledQuantity + order.remainingQuantity).toBe(order.quantity);
            expect(order.status).toBe(order.remainingQuantity === 0 ? 'filled' : 'partially_filled');
          }
          expect(order.averageFillPrice).toBeGreaterThanOrEqual(Math.min(...prices) * (1 - 1e-12));
          expect(order.averageFillPrice).toBeLessThanOrEqual(Math.max(...prices) * (1 + 1e-12));
        },
      ),
    );
  });
});

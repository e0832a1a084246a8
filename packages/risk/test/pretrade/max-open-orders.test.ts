import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { MaxOpenOrders } from '../../src/index.js';
import { StubContext } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');

describe('MaxOpenOrders', () => {
  it('accepts while open orders + 1 stay within the maximum, over the account', () => {
    const ctx = new StubContext(100_000, [A, B]);
    const control = new MaxOpenOrders({ maxOpenOrders: 2 });
    ctx.order({ symbol: A, quantity: 1 });
    expect(control.check(ctx, { symbol: B, quantity: 1 }).accepted).toBe(true);
    ctx.order({ symbol: B, quantity: 1 });
    expect(control.check(ctx, { symbol: A, quantity: 1 })).toEqual({
      accepted: false,
      rule: 'max_open_orders',
      reason: '2 orders already open on the account, the maximum is 2',
      details: { openOrders: 2, limit: 2, perSymbol: false },
    });
  });

  it('counts per symbol when asked, and forgets orders that closed', () => {
    const ctx = new StubContext(100_000, [A, B]);
    const control = new MaxOpenOrders({ maxOpenOrders: 1, perSymbol: true });
    const order = ctx.order({ symbol: A, quantity: 1 });
    expect(control.check(ctx, { symbol: B, quantity: 1 }).accepted).toBe(true);
    expect(control.check(ctx, { symbol: A, quantity: 1 }).accepted).toBe(false);
    order.cancel('test');
    expect(control.check(ctx, { symbol: A, quantity: 1 }).accepted).toBe(true);
  });

  it('names the offending option', () => {
    expect(() => new MaxOpenOrders({ maxOpenOrders: 0 })).toThrow(/maxOpenOrders/);
    expect(() => new MaxOpenOrders({ maxOpenOrders: 1.5 })).toThrow(/maxOpenOrders/);
  });
});

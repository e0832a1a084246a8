import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { MaxOrderNotional } from '../../src/index.js';
import { StubContext } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');

describe('MaxOrderNotional', () => {
  const control = new MaxOrderNotional({ maxNotional: 10_000 });
  const ctx = new StubContext(100_000, [A]);

  it('values a market order at the last price: 100 × 100 = 10,000 passes, 101 × 100 does not', () => {
    expect(control.check(ctx, { symbol: A, quantity: -100 }, 100).accepted).toBe(true);
    expect(control.check(ctx, { symbol: A, quantity: 101 }, 100)).toMatchObject({ accepted: false, rule: 'max_order_notional', details: { notional: 10_100, orderPrice: 100, limit: 10_000 } });
  });

  it('values a limit order at its limit price and a stop order at its stop price', () => {
    expect(control.check(ctx, { symbol: A, quantity: 200, type: 'limit', limitPrice: 50 }, 100).accepted).toBe(true);
    expect(control.check(ctx, { symbol: A, quantity: 200, type: 'limit', limitPrice: 50.01 }, 100).accepted).toBe(false);
    expect(control.check(ctx, { symbol: A, quantity: -125, type: 'stop', stopPrice: 80 }, 100).accepted).toBe(true);
    expect(control.check(ctx, { symbol: A, quantity: -126, type: 'stop', stopPrice: 80 }, 100).accepted).toBe(false);
  });

  it('rejects a market order it cannot value (fails closed)', () => {
    expect(control.check(ctx, { symbol: A, quantity: 1 }, Number.NaN)).toMatchObject({ accepted: false, rule: 'max_order_notional', details: { notional: null } });
  });
});

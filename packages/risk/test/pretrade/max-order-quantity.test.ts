import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { MaxOrderQuantity } from '../../src/index.js';
import { StubContext } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');

describe('MaxOrderQuantity', () => {
  const control = new MaxOrderQuantity({ maxQuantity: 1000 });
  const ctx = new StubContext(100_000, [A]);

  it('accepts up to the maximum in absolute value, either side', () => {
    expect(control.check(ctx, { symbol: A, quantity: 1000 }, 10).accepted).toBe(true);
    expect(control.check(ctx, { symbol: A, quantity: -1000 }, 10).accepted).toBe(true);
  });

  it('rejects one unit above, with the rule and the numbers', () => {
    expect(control.check(ctx, { symbol: A, quantity: -1001 }, 10)).toEqual({
      accepted: false,
      rule: 'max_order_quantity',
      reason: 'order quantity 1001 above the maximum 1000',
      details: { quantity: -1001, limit: 1000 },
    });
  });

  it('names the offending option', () => {
    expect(() => new MaxOrderQuantity({ maxQuantity: 0 })).toThrow(/maxQuantity/);
  });
});

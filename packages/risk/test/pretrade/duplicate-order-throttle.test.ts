import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { DuplicateOrderThrottle } from '../../src/index.js';
import { StubContext, T0 } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');

describe('DuplicateOrderThrottle', () => {
  it('allows 1 + maxDuplicates identical orders per window and rejects the next, with the count', () => {
    const ctx = new StubContext(100_000, [A]);
    const control = new DuplicateOrderThrottle({ windowMs: 1000, maxDuplicates: 1 });
    expect(control.check(ctx, { symbol: A, quantity: 10 }).accepted).toBe(true);
    ctx.time = T0 + 500;
    expect(control.check(ctx, { symbol: A, quantity: 10 }).accepted).toBe(true);
    ctx.time = T0 + 999;
    expect(control.check(ctx, { symbol: A, quantity: 10 })).toEqual({
      accepted: false,
      rule: 'duplicate_order',
      reason: '2 identical orders (AAA.X 10) within 1000 ms, at most 1 repeat(s) allowed',
      details: { duplicates: 2, maxDuplicates: 1, windowMs: 1000 },
    });
  });

  it('forgets an order once the window has passed (exactly windowMs later)', () => {
    const ctx = new StubContext(100_000, [A]);
    const control = new DuplicateOrderThrottle({ windowMs: 1000, maxDuplicates: 0 });
    expect(control.check(ctx, { symbol: A, quantity: 10 }).accepted).toBe(true);
    ctx.time = T0 + 999;
    expect(control.check(ctx, { symbol: A, quantity: 10 }).accepted).toBe(false);
    ctx.time = T0 + 1000;
    expect(control.check(ctx, { symbol: A, quantity: 10 }).accepted).toBe(true);
  });

  it('treats another symbol, side or quantity as a different order', () => {
    const ctx = new StubContext(100_000, [A, B]);
    const control = new DuplicateOrderThrottle({ windowMs: 60_000, maxDuplicates: 0 });
    for (const request of [
      { symbol: A, quantity: 10 },
      { symbol: A, quantity: -10 },
      { symbol: A, quantity: 11 },
      { symbol: B, quantity: 10 },
    ]) {
      expect(control.check(ctx, request).accepted).toBe(true);
    }
    expect(control.check(ctx, { symbol: B, quantity: 10 }).accepted).toBe(false);
  });

  it('names the offending option', () => {
    expect(() => new DuplicateOrderThrottle({ windowMs: 0, maxDuplicates: 1 })).toThrow(/windowMs/);
    expect(() => new DuplicateOrderThrottle({ windowMs: 10, maxDuplicates: -1 })).toThrow(/maxDuplicates/);
  });
});

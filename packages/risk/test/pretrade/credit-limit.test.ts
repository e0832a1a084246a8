import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { CreditLimit } from '../../src/index.js';
import { StubContext } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');

describe('CreditLimit', () => {
  // Held: 100 AAA at 100 (10,000) and −200 BBB at 50 (10,000 gross). Open: buy 50 BBB (projected −150 → 7,500).
  // Gross before the order: 10,000 + 7,500 = 17,500.
  function setup(): StubContext {
    const ctx = new StubContext(100_000, [A, B]);
    ctx.fill(A, 100, 100).fill(B, -200, 50);
    ctx.order({ symbol: B, quantity: 50 });
    return ctx;
  }
  const control = new CreditLimit({ maxGrossExposure: 20_000 });

  it('accepts an order that brings gross exposure to exactly the limit', () => {
    // Buy 25 AAA: 125 × 100 + 7,500 = 20,000.
    expect(control.check(setup(), { symbol: A, quantity: 25 }, 100).accepted).toBe(true);
  });

  it('rejects one unit beyond, with gross before and after', () => {
    expect(control.check(setup(), { symbol: A, quantity: 26 }, 100)).toMatchObject({
      accepted: false,
      rule: 'credit_limit',
      details: { grossBefore: 17_500, grossAfter: 20_100, limit: 20_000 },
    });
  });

  it('lets an order that does not grow gross exposure through when the account is already above the limit', () => {
    const tight = new CreditLimit({ maxGrossExposure: 10_000 });
    const ctx = setup();
    // Buy 100 BBB: −150 → −50, gross 17,500 → 10,000 + 2,500 = 12,500: above the limit but lower, accepted.
    expect(tight.check(ctx, { symbol: B, quantity: 100 }, 50).accepted).toBe(true);
    // Buy 300 BBB: −150 → 150, gross stays 17,500: accepted. Buy 301: 17,550, rejected.
    expect(tight.check(ctx, { symbol: B, quantity: 300 }, 50).accepted).toBe(true);
    expect(tight.check(ctx, { symbol: B, quantity: 301 }, 50)).toMatchObject({ accepted: false, details: { grossBefore: 17_500, grossAfter: 17_550 } });
  });

  it('rejects an order it cannot value (fails closed)', () => {
    const ctx = new StubContext(100_000, [A]);
    expect(control.check(ctx, { symbol: A, quantity: 1 }, Number.NaN)).toMatchObject({ accepted: false, rule: 'credit_limit', details: { grossAfter: null } });
  });
});

import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { PriceCollar } from '../../src/index.js';
import { StubContext } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');

describe('PriceCollar', () => {
  const control = new PriceCollar({ maxDeviation: 0.25 });
  const ctx = new StubContext(100_000, [A]);

  it('accepts a limit price up to the collar on either side of the last price', () => {
    expect(control.check(ctx, { symbol: A, quantity: 1, type: 'limit', limitPrice: 125 }, 100).accepted).toBe(true);
    expect(control.check(ctx, { symbol: A, quantity: 1, type: 'limit', limitPrice: 75 }, 100).accepted).toBe(true);
  });

  it('rejects a limit price beyond the collar, with the deviation', () => {
    const verdict = control.check(ctx, { symbol: A, quantity: -1, type: 'stop_limit', stopPrice: 100, limitPrice: 125.5 }, 100);
    expect(verdict).toMatchObject({ accepted: false, rule: 'price_collar', details: { limitPrice: 125.5, lastPrice: 100, maxDeviation: 0.25 } });
    expect(verdict.accepted ? 0 : verdict.details!['deviation']).toBeCloseTo(0.255, 12);
  });

  it('passes market and stop orders (priced at the last price) and rejects a limit without a last price', () => {
    expect(control.check(ctx, { symbol: A, quantity: 1 }, 100).accepted).toBe(true);
    expect(control.check(ctx, { symbol: A, quantity: 1, type: 'stop', stopPrice: 500 }, 100).accepted).toBe(true);
    expect(control.check(ctx, { symbol: A, quantity: 1, type: 'limit', limitPrice: 100 }, Number.NaN)).toMatchObject({ accepted: false, details: { lastPrice: null } });
  });
});

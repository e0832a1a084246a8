import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { RestrictedSymbols } from '../../src/index.js';
import { StubContext } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');

describe('RestrictedSymbols', () => {
  const control = new RestrictedSymbols({ symbols: ['BBB.X'] });
  const ctx = new StubContext(100_000, [A, B]);

  it('rejects any order on a restricted symbol, buy or sell', () => {
    for (const quantity of [1, -1]) {
      expect(control.check(ctx, { symbol: B, quantity })).toEqual({ accepted: false, rule: 'restricted_symbol', reason: 'BBB.X is on the restricted list', details: { symbol: 'BBB.X' } });
    }
  });

  it('accepts other symbols and lists its symbols', () => {
    expect(control.check(ctx, { symbol: A, quantity: 1 }).accepted).toBe(true);
    expect(new RestrictedSymbols({ symbols: [B, 'AAA.X'] }).symbols).toEqual([A, B]);
  });

  it('refuses a bad symbol', () => {
    expect(() => new RestrictedSymbols({ symbols: [' X'] })).toThrow(/invalid symbol/);
  });
});

import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { KillSwitchControl } from '../../src/index.js';
import { StubContext } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');

describe('KillSwitchControl', () => {
  const control = new KillSwitchControl();

  it('passes everything while the switch is not halted', () => {
    const ctx = new StubContext(100_000, [A]);
    expect(control.check(ctx, { symbol: A, quantity: 1000 }).accepted).toBe(true);
  });

  it('while halted, passes only orders that reduce a position, up to closing it', () => {
    const ctx = new StubContext(100_000, [A, B]);
    ctx.fill(A, 100, 10);
    ctx.killSwitch.halt('operator');
    expect(control.check(ctx, { symbol: A, quantity: -100 }).accepted).toBe(true);
    expect(control.check(ctx, { symbol: A, quantity: -101 })).toEqual({
      accepted: false,
      rule: 'kill_switch',
      reason: 'kill switch halted (operator): only orders that reduce a position pass; AAA.X holds 100, order -101',
      details: { position: 100, reason: 'operator' },
    });
    expect(control.check(ctx, { symbol: A, quantity: 1 }).accepted).toBe(false);
    expect(control.check(ctx, { symbol: B, quantity: -1 }).accepted).toBe(false);
  });

  it('counts open orders: a sell already working leaves less to reduce', () => {
    const ctx = new StubContext(100_000, [A]);
    ctx.fill(A, -100, 10);
    ctx.order({ symbol: A, quantity: 60 });
    ctx.killSwitch.halt('loss limit');
    expect(control.check(ctx, { symbol: A, quantity: 40 }).accepted).toBe(true);
    expect(control.check(ctx, { symbol: A, quantity: 41 }).accepted).toBe(false);
  });
});

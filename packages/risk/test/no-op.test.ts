import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { NoOpRiskModel } from '../src/index.js';
import { StubContext } from './risk-fixtures.js';

describe('NoOpRiskModel', () => {
  it('returns the proposed targets unchanged (the same array) and records nothing', () => {
    const a = SymbolId.parse('AAA.X');
    const ctx = new StubContext(100_000, [a]);
    ctx.fill(a, 10, 100);
    const targets = [{ symbol: a, quantity: 50 }, { symbol: a, weight: 0.25 }];
    const model = new NoOpRiskModel();
    expect(model.manageRisk(ctx, targets)).toBe(targets);
    expect(ctx.decisions).toHaveLength(0);
    expect(ctx.insights.size).toBe(0);
  });

  it('is named after its class unless named', () => {
    expect(new NoOpRiskModel().name).toBe('NoOpRiskModel');
    expect(new NoOpRiskModel({ name: 'Inner' }).name).toBe('Inner');
    expect(() => new NoOpRiskModel({ name: '' })).toThrow(/name/);
  });
});

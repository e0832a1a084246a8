import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { weightByValue } from '../../src/portfolio/value-weighting.js';
import { TestContext, makeBars } from './fixtures.js';

describe('weightByValue', () => {
  const ctx = new TestContext(makeBars({ 'A.X': [1], 'B.X': [1], 'C.X': [1] })).step();
  const [A, B, C] = ['A.X', 'B.X', 'C.X'].map((s) => SymbolId.parse(s)) as [SymbolId, SymbolId, SymbolId];
  const insights = [ctx.insight({ symbol: A, direction: 'up', weight: 0.6 }), ctx.insight({ symbol: B, direction: 'down', weight: 0.9 }), ctx.insight({ symbol: C, direction: 'up' })];

  it('caps the gross at 1 by scaling everything by the same factor', () => {
    // |0.6| + |0.9| = 1.5 > 1 ⇒ × 2/3 ⇒ [0.4, −0.6, 0].
    const out = new Float64Array(3);
    weightByValue(insights, (i) => i.weight, 'cap', out);
    expect(out[0]).toBeCloseTo(0.4, 15);
    expect(out[1]).toBeCloseTo(-0.6, 15);
    expect(out[2]).toBe(0);
  });

  it('leaves a gross below 1 alone under cap and scales it to 1 under full', () => {
    const out = new Float64Array(3);
    weightByValue(insights, (i) => (i.weight === undefined ? undefined : i.weight / 3), 'cap', out);
    expect(out[0]).toBeCloseTo(0.2, 15);
    expect(out[1]).toBeCloseTo(-0.3, 15);
    expect(out[2]).toBe(0);
    weightByValue(insights, (i) => (i.weight === undefined ? undefined : i.weight / 3), 'full', out);
    expect(out[0]).toBeCloseTo(0.4, 15);
    expect(out[1]).toBeCloseTo(-0.6, 15);
  });

  it('gives nothing when every value is missing', () => {
    const out = new Float64Array(3);
    weightByValue(insights, () => undefined, 'full', out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });
});

import { SymbolId } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProbedInsight } from '../../src/debate/alpha-probe.js';
import { bookFromInsights } from '../../src/debate/proposed-book.js';

const insight = (symbol: string, direction: 'up' | 'down', weight?: number): ProbedInsight => ({
  symbol: SymbolId.parse(symbol),
  direction,
  weight,
  confidence: undefined,
  magnitude: undefined,
  generatedTime: 0,
});

describe('bookFromInsights', () => {
  it('splits the gross exposure equally when the alpha sets no weights', () => {
    const book = bookFromInsights([insight('A', 'up'), insight('B', 'down')], 0.5);
    expect(book.positions.map((p) => p.weight)).toEqual([0.25, -0.25]);
    expect(book.grossExposure).toBeCloseTo(0.5, 15);
    expect(book.netExposure).toBe(0);
  });

  it('sizes by the alpha\'s weights as relative sizes', () => {
    // Sizes 3 and 1 → 3/4 and 1/4 of a gross of 2.
    const book = bookFromInsights([insight('A', 'up', 3), insight('B', 'up', 1)], 2);
    expect(book.positions.map((p) => p.weight)).toEqual([1.5, 0.5]);
    expect(book.netExposure).toBe(2);
  });

  it('gives an empty book for no insights and refuses a non-positive exposure', () => {
    expect(bookFromInsights([], 1)).toEqual({ positions: [], grossExposure: 0, netExposure: 0 });
    expect(() => bookFromInsights([insight('A', 'up')], 0)).toThrow(/grossExposure/);
  });

  it('always sums |weight| to the gross exposure, with the directions as signs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ up: fc.boolean(), weight: fc.option(fc.double({ min: -5, max: 5, noNaN: true }), { nil: undefined }) }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (specs, gross) => {
          const book = bookFromInsights(specs.map((s, i) => insight(`S${i}`, s.up ? 'up' : 'down', s.weight)), gross);
          expect(book.grossExposure).toBeCloseTo(gross, 9);
          for (const p of book.positions) expect(Math.sign(p.weight)).toBe(specs[Number(p.symbol.slice(1))]?.up ? 1 : -1);
        },
      ),
    );
  });
});

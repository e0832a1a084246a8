import { InvalidArgumentError } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnknownModelPriceError, costOf, costWithPrice, parsePriceTable, priceOf } from '../../src/cost/price-table.js';

const table = parsePriceTable({
  'gpt-4o-mini': { inputPerMillionUsd: 0.15, outputPerMillionUsd: 0.6 },
  'llama3.1:8b': { inputPerMillionUsd: 0, outputPerMillionUsd: 0 },
});

describe('costOf', () => {
  it('prices prompt and completion tokens per million', () => {
    // 12 000 × 0.15 / 1e6 = 0.0018; 3 000 × 0.6 / 1e6 = 0.0018; total 0.0036
    expect(costOf({ promptTokens: 12_000, completionTokens: 3_000 }, 'gpt-4o-mini', table)).toBeCloseTo(0.0036, 12);
  });

  it('costs nothing for a free local model', () => {
    expect(costOf({ promptTokens: 1_000_000, completionTokens: 1_000_000 }, 'llama3.1:8b', table)).toBe(0);
  });

  it('throws UnknownModelPriceError for a model without a price, including prototype names', () => {
    expect(() => costOf({ promptTokens: 1, completionTokens: 1 }, 'gpt-5', table)).toThrow(UnknownModelPriceError);
    expect(priceOf('constructor', table)).toBeUndefined();
    expect(() => costOf({ promptTokens: 1, completionTokens: 1 }, 'toString', table)).toThrow(/no price for model "toString"/);
  });

  it('refuses negative or fractional token counts', () => {
    expect(() => costWithPrice({ promptTokens: -1, completionTokens: 0 }, { inputPerMillionUsd: 1, outputPerMillionUsd: 1 })).toThrow(InvalidArgumentError);
    expect(() => costWithPrice({ promptTokens: 0, completionTokens: 1.5 }, { inputPerMillionUsd: 1, outputPerMillionUsd: 1 })).toThrow(/usage.completionTokens/);
  });

  it('is additive over calls: the cost of summed usage is the sum of the costs', () => {
    const price = { inputPerMillionUsd: 2.5, outputPerMillionUsd: 10 };
    const usage = fc.record({ promptTokens: fc.nat(1_000_000), completionTokens: fc.nat(1_000_000) });
    fc.assert(
      fc.property(usage, usage, (a, b) => {
        const whole = costWithPrice({ promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens }, price);
        expect(whole).toBeCloseTo(costWithPrice(a, price) + costWithPrice(b, price), 9);
        expect(whole).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('parsePriceTable', () => {
  it('names the entry and field of a bad price', () => {
    let error: unknown;
    try {
      parsePriceTable({ 'gpt-4o': { inputPerMillionUsd: -1, outputPerMillionUsd: 10 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).path).toBe('priceTable["gpt-4o"].inputPerMillionUsd');
    expect((error as InvalidArgumentError).value).toBe(-1);
  });

  it('refuses unknown fields of an entry', () => {
    expect(() => parsePriceTable({ m: { inputPerMillionUsd: 1, outputPerMillionUsd: 1, cached: 0.5 } })).toThrow(InvalidArgumentError);
  });
});

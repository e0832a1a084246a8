import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { BpsFee, CompositeFee, FixedFee, NoFees, PerShareFee } from '../../src/orders/index.js';
import type { FeeModel } from '../../src/orders/index.js';

describe('NoFees', () => {
  it('charges nothing', () => {
    expect(new NoFees().fee(1000, 50)).toBe(0);
  });
});

describe('PerShareFee', () => {
  const ib = new PerShareFee({ perShare: 0.005, minimum: 1 });

  it('charges per unit with a minimum per fill, whatever the side', () => {
    expect(ib.fee(100, 50)).toBe(1); // 100 × 0.005 = 0.50 < minimum 1.00
    expect(ib.fee(1000, 50)).toBeCloseTo(5, 12); // 1000 × 0.005 = 5.00
    expect(ib.fee(-1000, 50)).toBeCloseTo(5, 12);
    expect(ib.fee(0, 50)).toBe(0);
  });

  it('caps the fee at a percent of notional, also over the minimum', () => {
    const capped = new PerShareFee({ perShare: 0.005, minimum: 1, maximumPctOfNotional: 1 });
    // 1000 × 0.30 = 300 notional; 1 % = 3.00 < 5.00
    expect(capped.fee(1000, 0.3)).toBeCloseTo(3, 12);
    // 100 × 0.50 = 50 notional; 1 % = 0.50 < minimum 1.00
    expect(capped.fee(100, 0.5)).toBeCloseTo(0.5, 12);
    // 1000 × 50 = 50 000 notional; 1 % = 500 > 5.00: uncapped
    expect(capped.fee(1000, 50)).toBeCloseTo(5, 12);
  });

  it('defaults the minimum to 0 and refuses negative options, naming them', () => {
    expect(new PerShareFee({ perShare: 0.01 }).fee(10, 5)).toBeCloseTo(0.1, 12);
    expect(() => new PerShareFee({ perShare: -0.01 })).toThrow(/perShare/);
    expect(() => new PerShareFee({ perShare: 0.01, minimum: -1 })).toThrow(/minimum/);
    expect(() => new PerShareFee({ perShare: 0.01, maximumPctOfNotional: Number.NaN })).toThrow(/maximumPctOfNotional/);
  });
});

describe('BpsFee', () => {
  it('charges basis points of notional', () => {
    // 200 × 50 = 10 000 notional; 5 bp = 5.00
    expect(new BpsFee(5).fee(200, 50)).toBeCloseTo(5, 12);
    expect(new BpsFee(5).fee(-200, 50)).toBeCloseTo(5, 12);
    expect(() => new BpsFee(-1)).toThrow(InvalidArgumentError);
  });
});

describe('FixedFee', () => {
  it('charges a flat amount on every fill', () => {
    expect(new FixedFee(1.5).fee(1, 1000)).toBe(1.5);
    expect(new FixedFee(1.5).fee(-100_000, 1)).toBe(1.5);
    expect(new FixedFee(1.5).fee(0, 1)).toBe(0);
    expect(() => new FixedFee(Infinity)).toThrow(/perOrder/);
  });
});

describe('CompositeFee', () => {
  it('sums its models', () => {
    // 1.00 flat + 10 bp of 100 × 100 = 10 000 → 1 + 10 = 11
    expect(new CompositeFee([new FixedFee(1), new BpsFee(10)]).fee(100, 100)).toBeCloseTo(11, 12);
    expect(new CompositeFee([]).fee(100, 100)).toBe(0);
  });

  it('refuses something that is not a fee model', () => {
    expect(() => new CompositeFee([new NoFees(), {} as FeeModel])).toThrow(/models\[1\]/);
  });
});

describe('fee properties', () => {
  it('are never negative and do not depend on the side', () => {
    const models: FeeModel[] = [
      new NoFees(),
      new PerShareFee({ perShare: 0.005, minimum: 1, maximumPctOfNotional: 0.5 }),
      new BpsFee(3),
      new FixedFee(2),
      new CompositeFee([new FixedFee(2), new BpsFee(3)]),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0.01, max: 1000, noNaN: true }), (units, price) => {
        for (const model of models) {
          const fee = model.fee(units, price);
          expect(fee).toBeGreaterThanOrEqual(0);
          expect(model.fee(-units, price)).toBe(fee);
        }
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { FixedBpsSlippage, NoSlippage, VolatilitySlippage } from '../../src/orders/index.js';
import type { BarView, SlippageModel } from '../../src/orders/index.js';

const bar = (open: number, high: number, low: number): BarView => ({ time: 0, open, high, low, close: open, volume: 1000 });
const FLAT = bar(100, 100, 100);

describe('NoSlippage', () => {
  it('returns the raw price for buys and sells', () => {
    const model = new NoSlippage();
    expect(model.price(123.45, 10, FLAT)).toBe(123.45);
    expect(model.price(123.45, -10, FLAT)).toBe(123.45);
  });
});

describe('FixedBpsSlippage', () => {
  it('makes a buy pay and a sell receive bps/10 000 of the price worse', () => {
    const model = new FixedBpsSlippage(10);
    // 10 bp of 100 = 0.10
    expect(model.price(100, 5, FLAT)).toBeCloseTo(100.1, 12);
    expect(model.price(100, -5, FLAT)).toBeCloseTo(99.9, 12);
  });

  it('is the identity at 0 bp and never gives a negative sell price', () => {
    expect(new FixedBpsSlippage(0).price(42, 1, FLAT)).toBe(42);
    expect(new FixedBpsSlippage(20_000).price(42, -1, FLAT)).toBe(0);
  });

  it('refuses negative or non-finite basis points', () => {
    for (const bps of [-1, Number.NaN, Infinity]) expect(() => new FixedBpsSlippage(bps)).toThrow(InvalidArgumentError);
  });
});

describe('VolatilitySlippage', () => {
  it('moves the price by factor × (high − low) / open', () => {
    const model = new VolatilitySlippage({ factor: 0.5 });
    // range (104 − 98) / 100 = 6 %; × 0.5 = 3 %: buy 101 × 1.03 = 104.03, sell 101 × 0.97 = 97.97
    expect(model.price(101, 10, bar(100, 104, 98))).toBeCloseTo(104.03, 12);
    expect(model.price(101, -10, bar(100, 104, 98))).toBeCloseTo(97.97, 12);
  });

  it('gives no slippage on a bar without range or with a non-positive open', () => {
    const model = new VolatilitySlippage({ factor: 2 });
    expect(model.price(50, 1, FLAT)).toBe(50);
    expect(model.price(50, 1, bar(0, 10, 0))).toBe(50);
    expect(model.price(50, -1, bar(-1, 10, 0))).toBe(50);
  });

  it('floors a sell at 0 on an extreme bar', () => {
    // range (40 − 5) / 10 = 350 %: 50 × (1 − 3.5) < 0 → 0
    expect(new VolatilitySlippage({ factor: 1 }).price(50, -1, bar(10, 40, 5))).toBe(0);
  });

  it('refuses a negative or non-finite factor', () => {
    for (const factor of [-0.1, Number.NaN, Infinity]) expect(() => new VolatilitySlippage({ factor })).toThrow(InvalidArgumentError);
  });
});

describe('slippage properties', () => {
  it('always moves against the trader and never below 0', () => {
    const models: SlippageModel[] = [new NoSlippage(), new FixedBpsSlippage(25), new VolatilitySlippage({ factor: 0.3 })];
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.integer({ min: -1000, max: 1000 }).filter((q) => q !== 0),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (raw, quantity, open, spread) => {
          const b = bar(open, open * (1 + spread), open * (1 - spread));
          for (const model of models) {
            const price = model.price(raw, quantity, b);
            expect(price).toBeGreaterThanOrEqual(0);
            expect((price - raw) * quantity).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Fill } from '../../src/orders/fill.js';
import { annualizedTurnover, turnover, type FillLike } from '../../src/statistics/turnover.js';
import { SymbolId } from '../../src/symbol-id.js';
import { expectClose, expectPath } from './helpers.js';

const AAA = SymbolId.parse('AAA');
const fill = (quantity: number, price: number): Fill => ({ orderId: 1, symbol: AAA, time: 0, quantity, price, fee: 1, slippage: 0 });

describe('turnover', () => {
  it('is Σ|q·price| over mean equity: (10·100 + 10·110) / ((1 000 + 1 100 + 1 050)/3) = 2', () => {
    expectClose(turnover([fill(10, 100), fill(-10, 110)], [1000, 1100, 1050]), 2, 1e-14);
  });

  it('is 0 without fills', () => {
    expect(turnover([], [100, 100])).toBe(0);
  });

  it("accepts the orders module's Fill", () => {
    expectTypeOf<Fill>().toMatchTypeOf<FillLike>();
  });

  it('rejects bad fills and equity by path', () => {
    expectPath(() => turnover([fill(1, 10), { quantity: 1, price: Number.NaN }], [100, 100]), 'fills[1].price');
    expectPath(() => turnover([{ quantity: Number.NaN, price: 1 }], [100, 100]), 'fills[0].quantity');
    expectPath(() => turnover([null as unknown as FillLike], [100, 100]), 'fills[0]');
    expectPath(() => turnover([], [100, 0]), 'equity[1]');
  });
});

describe('annualizedTurnover', () => {
  it('scales turnover by periodsPerYear / N: 2 × 252 / 2 = 252', () => {
    expectClose(annualizedTurnover([fill(10, 100), fill(-10, 110)], [1000, 1100, 1050], 252), 252, 1e-12);
  });

  it('rejects a bad periodsPerYear by path', () => {
    expectPath(() => annualizedTurnover([], [100, 100], 0), 'periodsPerYear');
  });
});

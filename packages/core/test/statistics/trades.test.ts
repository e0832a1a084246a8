import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Portfolio } from '../../src/portfolio/index.js';
import type { Trade } from '../../src/portfolio/trade.js';
import { tradeStatistics, type TradeLike } from '../../src/statistics/trades.js';
import { SymbolId } from '../../src/symbol-id.js';
import { expectClose, expectPath } from './helpers.js';

const HOUR = 3_600_000;
const trade = (pnl: number, quantity = 1, entryPrice = 100, hours = 1, fees = 1): TradeLike => ({
  pnl,
  fees,
  quantity,
  entryPrice,
  entryTime: 0,
  exitTime: hours * HOUR,
});

// pnl 100, −50, 0, 200, −25 with notionals 1 000, 250, 10, 500, 50 and holds of 1, 2, 3, 4, 5 hours
const HAND: TradeLike[] = [
  trade(100, 10, 100, 1),
  trade(-50, 5, 50, 2),
  trade(0, 1, 10, 3),
  trade(200, 20, 25, 4),
  trade(-25, -5, 10, 5),
];

describe('tradeStatistics', () => {
  it('works the hand example', () => {
    const s = tradeStatistics(HAND, { equity: 10_000 });
    expect(s.tradeCount).toBe(5);
    expect([s.winCount, s.lossCount, s.breakevenCount]).toEqual([2, 2, 1]);
    expect(s.winRate).toBe(0.4);
    expect(s.lossRate).toBe(0.4);
    expect(s.grossProfit).toBe(300);
    expect(s.grossLoss).toBe(-75);
    expect(s.profitFactor).toBe(4); // 300 / 75
    expect(s.averageWin).toBe(150); // 300 / 2
    expect(s.averageLoss).toBe(-37.5); // −75 / 2
    expect(s.payoffRatio).toBe(4); // 150 / 37.5
    expect(s.largestWin).toBe(200);
    expect(s.largestLoss).toBe(-50);
    expect(s.expectancy).toBe(45); // 225 / 5 = 0.4·150 + 0.4·(−37.5)
    expect(s.totalPnl).toBe(225);
    expect(s.totalFees).toBe(5);
    expect(s.averageHoldingTime).toBe(3 * HOUR); // (1 + 2 + 3 + 4 + 5)/5 hours
    // 100/1 000 = 0.1, −50/250 = −0.2, 0/10 = 0, 200/500 = 0.4, −25/|−5·10| = −0.5 → −0.2/5
    expectClose(s.averageReturnOnNotional, -0.04, 1e-15);
    expect(s.returnOnInitialEquity).toBe(0.0225); // 225 / 10 000
  });

  it('takes the initial equity from the first point of an equity curve, and null without one', () => {
    expect(tradeStatistics(HAND, { equity: [10_000, 10_225] }).returnOnInitialEquity).toBe(0.0225);
    expect(tradeStatistics(HAND).returnOnInitialEquity).toBeNull();
  });

  it('gives profit factor +Infinity with wins only, 0 with losses only, NaN with neither', () => {
    expect(tradeStatistics([trade(5), trade(3)]).profitFactor).toBe(Number.POSITIVE_INFINITY);
    expect(tradeStatistics([trade(-5)]).profitFactor).toBe(0);
    expect(tradeStatistics([trade(0), trade(0)]).profitFactor).toBeNaN();
    expect(tradeStatistics([trade(0), trade(0)]).breakevenCount).toBe(2);
  });

  it('returns zero counts and NaN ratios without trades', () => {
    const s = tradeStatistics([]);
    expect([s.tradeCount, s.winCount, s.lossCount, s.totalPnl, s.totalFees, s.grossLoss]).toEqual([0, 0, 0, 0, 0, 0]);
    for (const v of [s.winRate, s.profitFactor, s.averageWin, s.averageLoss, s.payoffRatio, s.largestWin, s.largestLoss]) {
      expect(v).toBeNaN();
    }
    expect(s.expectancy).toBeNaN();
    expect(s.averageHoldingTime).toBeNaN();
  });

  it("accepts the portfolio's Trade, fed from a real round trip", () => {
    expectTypeOf<Trade>().toMatchTypeOf<TradeLike>();
    const AAA = SymbolId.parse('AAA');
    const p = new Portfolio({ initialCash: 10_000 });
    p.applyFill({ orderId: 1, symbol: AAA, time: 0, quantity: 10, price: 100, fee: 1, slippage: 0 });
    p.applyFill({ orderId: 2, symbol: AAA, time: HOUR, quantity: -10, price: 110, fee: 1, slippage: 0 });
    const s = tradeStatistics(p.trades, { equity: 10_000 });
    // (110 − 100) × 10 − 2 fees = 98
    expect(s.totalPnl).toBe(98);
    expect(s.totalFees).toBe(2);
    expect(s.winCount).toBe(1);
    expect(s.averageHoldingTime).toBe(HOUR);
    expectClose(s.averageReturnOnNotional, 98 / 1000, 1e-15);
  });

  it('partitions the trades and sums their pnl (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -500, max: 500 }), { maxLength: 40 }), (pnls) => {
        const s = tradeStatistics(pnls.map((x) => trade(x)));
        expect(s.winCount + s.lossCount + s.breakevenCount).toBe(pnls.length);
        expect(s.totalPnl).toBe(pnls.reduce((a, x) => a + x, 0));
        expect(s.grossProfit).toBeGreaterThanOrEqual(0);
        expect(s.grossLoss).toBeLessThanOrEqual(0);
        if (pnls.length > 0) {
          const parts = (s.winCount > 0 ? s.winRate * s.averageWin : 0) + (s.lossCount > 0 ? s.lossRate * s.averageLoss : 0);
          expect(Math.abs(s.expectancy - parts)).toBeLessThan(1e-9);
        }
      }),
    );
  });

  it('rejects bad trades and equity by path', () => {
    expectPath(() => tradeStatistics([trade(1), trade(2), { ...trade(3), pnl: Number.NaN }]), 'trades[2].pnl');
    expectPath(() => tradeStatistics([trade(1, 0)]), 'trades[0].quantity');
    expectPath(() => tradeStatistics([trade(1, 1, 0)]), 'trades[0].entryPrice');
    expectPath(() => tradeStatistics([{ ...trade(1), exitTime: -1 }]), 'trades[0].exitTime');
    expectPath(() => tradeStatistics([{ ...trade(1), fees: Number.NaN }]), 'trades[0].fees');
    expectPath(() => tradeStatistics([null as unknown as TradeLike]), 'trades[0]');
    expectPath(() => tradeStatistics({} as unknown as TradeLike[]), 'trades');
    expectPath(() => tradeStatistics([], { equity: 0 }), 'equity');
    expectPath(() => tradeStatistics([], { equity: [100, Number.NaN] }), 'equity[1]');
  });
});

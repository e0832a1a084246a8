import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Portfolio } from '../../src/portfolio/index.js';
import { AAA, BBB, HOUR, T0, fill } from './helpers.js';

describe('Trade grouping (flat to flat)', () => {
  it('keeps scaling in and out inside one round trip, with average entry and exit prices', () => {
    const p = new Portfolio({ initialCash: 100_000 });
    p.applyFill(fill(AAA, 100, 10, 1, 0));
    p.applyFill(fill(AAA, -50, 12, 1, 1)); // realized (12 − 10) × 50 = 100
    p.applyFill(fill(AAA, 50, 14, 1, 2)); // average (50 × 10 + 50 × 14) / 100 = 12
    expect(p.trades).toHaveLength(0);
    p.applyFill(fill(AAA, -100, 13, 1, 3)); // realized (13 − 12) × 100 = 100
    expect(p.trades).toEqual([
      {
        symbol: AAA,
        direction: 'long',
        entryTime: T0,
        exitTime: T0 + 3 * HOUR,
        entryPrice: (100 * 10 + 50 * 14) / 150, // 11.333…
        exitPrice: (50 * 12 + 100 * 13) / 150, // 12.666…
        quantity: 150,
        grossPnl: 200,
        fees: 4,
        pnl: 196,
        holdingPeriodMs: 3 * HOUR,
        mae: 0,
        // running PnL at the fills: 0 at entry; 100 + (12 − 10) × 50 = 200 at the partial exit;
        // 100 + (14 − 12) × 100 = 300 at the add at 14; 200 at the final exit
        mfe: 300,
      },
    ]);
    // Second method: (exit − entry) × quantity = 1 900 − 1 700 = 200
    const t = p.trades[0]!;
    expect((t.exitPrice - t.entryPrice) * t.quantity).toBeCloseTo(t.grossPnl, 9);
  });

  it('closes one trade and opens the next on a flip, splitting the flip fee by quantity', () => {
    const p = new Portfolio({ initialCash: 10_000 });
    p.applyFill(fill(AAA, 100, 10, 0, 0));
    p.applyFill(fill(AAA, -150, 12, 3, 1));
    // closes 100 of 150: fee 3 × 100 / 150 = 2 to the long, 1 to the new short
    expect(p.trades).toHaveLength(1);
    expect(p.trades[0]).toMatchObject({ direction: 'long', quantity: 100, grossPnl: 200, fees: 2, pnl: 198, exitTime: T0 + HOUR });
    expect(p.openTrades()).toEqual([
      {
        symbol: AAA,
        direction: 'short',
        entryTime: T0 + HOUR,
        entryPrice: 12,
        quantity: 50,
        openQuantity: 50,
        realizedPnl: 0,
        unrealizedPnl: 0,
        fees: 1,
        mae: 0,
        mfe: 0,
      },
    ]);
    p.applyFill(fill(AAA, 50, 11, 0, 2));
    expect(p.trades[1]).toMatchObject({ direction: 'short', entryPrice: 12, exitPrice: 11, quantity: 50, grossPnl: 50, fees: 1, pnl: 49 });
    expect(p.openTrades()).toEqual([]);
  });

  it('keeps separate trades per symbol, in the order they close', () => {
    const p = new Portfolio({ initialCash: 10_000 });
    p.applyFill(fill(AAA, 1, 10, 0, 0));
    p.applyFill(fill(BBB, -1, 20, 0, 1));
    p.applyFill(fill(BBB, 1, 19, 0, 2));
    p.applyFill(fill(AAA, -1, 11, 0, 3));
    expect(p.trades.map((t) => [t.symbol.value, t.direction, t.grossPnl])).toEqual([
      ['BBB', 'short', 1],
      ['AAA', 'long', 1],
    ]);
  });
});

describe('Trade MAE and MFE', () => {
  it('come from the high and low of every mark while the trade is open', () => {
    const p = new Portfolio({ initialCash: 10_000 });
    p.applyFill(fill(AAA, 100, 50, 0, 0));
    p.mark(AAA, 52, 53, 47); // (47 − 50) × 100 = −300; (53 − 50) × 100 = 300
    expect(p.openTrades()[0]).toMatchObject({ mae: -300, mfe: 300 });
    p.mark(AAA, 51, 56, 49); // mfe (56 − 50) × 100 = 600; mae stays −300
    p.applyFill(fill(AAA, -100, 55, 0, 2));
    p.mark(AAA, 40, 41, 30); // after the exit: no longer counted
    expect(p.trades[0]).toMatchObject({ grossPnl: 500, mae: -300, mfe: 600 });
  });

  it('use the mark price alone when no high and low are given', () => {
    const p = new Portfolio({ initialCash: 10_000 });
    p.applyFill(fill(AAA, 10, 100, 0, 0));
    p.mark(AAA, 96);
    p.mark(AAA, 103);
    p.applyFill(fill(AAA, -10, 101, 0, 2));
    expect(p.trades[0]).toMatchObject({ mae: -40, mfe: 30 });
  });

  it('mirror for a short: a rally is adverse', () => {
    const p = new Portfolio({ initialCash: 10_000 });
    p.applyFill(fill(AAA, -10, 100, 0, 0));
    p.mark(AAA, 100, 110, 95); // (110 − 100) × −10 = −100; (95 − 100) × −10 = 50
    p.applyFill(fill(AAA, 10, 100, 0, 1));
    expect(p.trades[0]).toMatchObject({ grossPnl: 0, mae: -100, mfe: 50 });
  });

  it('measure the running PnL of the whole trade, including what partial exits realized', () => {
    const p = new Portfolio({ initialCash: 10_000 });
    p.applyFill(fill(AAA, 100, 50, 0, 0));
    p.applyFill(fill(AAA, -50, 60, 0, 1)); // realized 500; running at 60: 500 + 10 × 50 = 1 000
    p.mark(AAA, 45, 46, 30); // running at 30: 500 + (30 − 50) × 50 = −500
    p.applyFill(fill(AAA, -50, 48, 0, 2)); // realized −100 → gross 400
    expect(p.trades[0]).toMatchObject({ grossPnl: 400, mae: -500, mfe: 1_000 });
  });

  it('bracket the gross PnL: mae ≤ min(0, gross) and max(0, gross) ≤ mfe', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: -50, max: 50 }), fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true })),
          { maxLength: 40 },
        ),
        (steps) => {
          const p = new Portfolio({ initialCash: 1_000_000 });
          steps.forEach(([q, px, range], i) => {
            if (q !== 0) p.applyFill(fill(AAA, q, px, 0, i));
            p.mark(AAA, px, px * (1 + range), px * (1 - range));
          });
          for (const t of p.trades) {
            const slack = 1e-9 * t.quantity * t.entryPrice;
            expect(t.mae).toBeLessThanOrEqual(Math.min(0, t.grossPnl) + slack);
            expect(t.mfe).toBeGreaterThanOrEqual(Math.max(0, t.grossPnl) - slack);
            expect(t.pnl).toBe(t.grossPnl - t.fees);
            expect(t.holdingPeriodMs).toBe(t.exitTime - t.entryTime);
            // Second method for the gross PnL of a flat-to-flat round trip.
            const sign = t.direction === 'long' ? 1 : -1;
            expect(Math.abs(sign * (t.exitPrice - t.entryPrice) * t.quantity - t.grossPnl)).toBeLessThanOrEqual(1e-9 * t.quantity * (t.entryPrice + t.exitPrice));
          }
        },
      ),
    );
  });
});

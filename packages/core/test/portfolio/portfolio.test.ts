import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { Portfolio } from '../../src/portfolio/index.js';
import type { PortfolioSnapshot } from '../../src/portfolio/index.js';
import { AAA, BBB, ZZZ, fill } from './helpers.js';

const SYMBOLS = [AAA, BBB, ZZZ];

describe('Portfolio: hand-worked books', () => {
  it('buys, adds, partially closes and closes a long at average cost', () => {
    const p = new Portfolio({ initialCash: 10_000 });
    p.applyFill(fill(AAA, 100, 50, 1, 0));
    // cash 10 000 − 5 000 − 1 = 4 999; equity 4 999 + 5 000 = 9 999
    expect(p.cash).toBe(4_999);
    expect(p.equity).toBe(9_999);
    expect(p.marketValue).toBe(5_000);
    expect(p.grossExposure).toBe(5_000);
    expect(p.totalFees).toBe(1);
    p.mark(AAA, 55);
    // unrealized (55 − 50) × 100 = 500
    expect(p.unrealizedPnl).toBe(500);
    expect(p.equity).toBe(10_499);

    p.applyFill(fill(AAA, 50, 56, 1, 1));
    // average (100 × 50 + 50 × 56) / 150 = 7 800 / 150 = 52; cash 4 999 − 2 800 − 1 = 2 198
    expect(p.position(AAA)?.averagePrice).toBe(52);
    expect(p.cash).toBe(2_198);
    expect(p.position(AAA)?.lastPrice).toBe(56);

    p.applyFill(fill(AAA, -60, 60, 1, 2));
    // realized (60 − 52) × 60 = 480; 90 left at 52; cash 2 198 + 3 600 − 1 = 5 797
    expect(p.realizedPnl).toBe(480);
    expect(p.quantity(AAA)).toBe(90);
    expect(p.position(AAA)?.averagePrice).toBe(52);
    expect(p.cash).toBe(5_797);

    p.applyFill(fill(AAA, -90, 50, 1, 3));
    // realized (50 − 52) × 90 = −180 → 300 in all; cash 5 797 + 4 500 − 1 = 10 296 = 10 000 + 300 − 4 fees
    expect(p.realizedPnl).toBe(300);
    expect(p.cash).toBe(10_296);
    expect(p.equity).toBe(10_296);
    expect(p.isFlat).toBe(true);
    expect(p.positions()).toEqual([]);
    expect(p.totalFees).toBe(4);
    expect(p.trades).toHaveLength(1);
  });

  it('shorts: selling adds cash, a rise loses, a cover realizes', () => {
    const p = new Portfolio({ initialCash: 1_000 });
    p.applyFill(fill(AAA, -100, 20));
    expect(p.cash).toBe(3_000);
    expect(p.marketValue).toBe(-2_000);
    expect(p.grossExposure).toBe(2_000);
    expect(p.equity).toBe(1_000);
    p.mark(AAA, 25);
    // (25 − 20) × −100 = −500
    expect(p.unrealizedPnl).toBe(-500);
    expect(p.equity).toBe(500);
    p.applyFill(fill(AAA, 100, 15, 0, 1));
    // realized (20 − 15) × 100 = 500; cash 3 000 − 1 500 = 1 500
    expect(p.realizedPnl).toBe(500);
    expect(p.cash).toBe(1_500);
    expect(p.trades[0]?.direction).toBe('short');
  });

  it('flips through zero as a close plus an open at the fill price', () => {
    const p = new Portfolio({ initialCash: 10_000 });
    p.applyFill(fill(AAA, 100, 10));
    p.applyFill(fill(AAA, -150, 12, 3, 1));
    // closes 100: realized (12 − 10) × 100 = 200; opens short 50 at 12
    expect(p.quantity(AAA)).toBe(-50);
    expect(p.position(AAA)?.averagePrice).toBe(12);
    expect(p.realizedPnl).toBe(200);
    p.applyFill(fill(AAA, 50, 11, 0, 2));
    // realized (12 − 11) × 50 = 50 → 250; cash 10 000 − 1 000 + 1 800 − 3 − 550 = 10 247
    expect(p.realizedPnl).toBe(250);
    expect(p.cash).toBe(10_247);
    expect(p.equity - p.initialCash).toBe(250 - 3);
  });

  it('answers for symbols never traded and keeps open positions sorted by symbol', () => {
    const p = new Portfolio({ initialCash: 0 });
    expect(p.position(AAA)).toBeUndefined();
    expect(p.quantity(AAA)).toBe(0);
    p.mark(AAA, 10); // ignored: never traded
    expect(p.position(AAA)).toBeUndefined();
    p.applyFill(fill(ZZZ, 1, 10));
    p.applyFill(fill(BBB, 1, 10));
    p.applyFill(fill(AAA, 1, 10));
    p.applyFill(fill(BBB, -1, 10));
    expect(p.positions().map((x) => x.symbol.value)).toEqual(['AAA', 'ZZZ.NYSE']);
    expect(p.position(BBB)?.quantity).toBe(0);
    expect(p.openTrades().map((t) => t.symbol.value)).toEqual(['AAA', 'ZZZ.NYSE']);
  });

  it('refuses a bad fill or mark and changes nothing', () => {
    const p = new Portfolio({ initialCash: 1_000 });
    p.applyFill(fill(AAA, 1, 10));
    const before = JSON.stringify(p.snapshot());
    expect(() => p.applyFill(fill(AAA, 0, 10))).toThrow(/fill\.quantity/);
    expect(() => p.applyFill(fill(AAA, Number.NaN, 10))).toThrow(/fill\.quantity/);
    expect(() => p.applyFill(fill(AAA, 1, 0))).toThrow(/fill\.price/);
    expect(() => p.applyFill(fill(AAA, 1, 10, -1))).toThrow(/fill\.fee/);
    expect(() => p.applyFill({ ...fill(AAA, 1, 10), time: Number.NaN })).toThrow(/fill\.time/);
    expect(() => p.mark(AAA, Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => p.mark(AAA, 10, Infinity)).toThrow(/high/);
    expect(() => p.mark(AAA, 10, 11, -1)).toThrow(/low/);
    expect(JSON.stringify(p.snapshot())).toBe(before);
    expect(() => new Portfolio({ initialCash: -1 })).toThrow(/initialCash/);
  });
});

describe('Portfolio.snapshot and Portfolio.restore', () => {
  it('round-trips through JSON to an identical portfolio that behaves the same', () => {
    const p = new Portfolio({ initialCash: 25_000 });
    p.applyFill(fill(AAA, 100, 50, 1, 0));
    p.applyFill(fill(BBB, -30, 80, 1, 0));
    p.mark(AAA, 51, 53, 47);
    p.applyFill(fill(AAA, -100, 52, 1, 2));
    p.applyFill(fill(AAA, 10, 52.5, 0.5, 3));
    const text = JSON.stringify(p.snapshot());
    const q = Portfolio.restore(JSON.parse(text) as PortfolioSnapshot);
    expect(JSON.stringify(q.snapshot())).toBe(text);
    expect(q.trades).toEqual(p.trades);
    expect(q.openTrades()).toEqual(p.openTrades());
    for (const x of [p, q]) {
      x.mark(BBB, 70, 75, 69);
      x.applyFill(fill(BBB, 60, 71, 1, 4));
      x.applyFill(fill(AAA, -10, 60, 0, 5));
    }
    expect(JSON.stringify(q.snapshot())).toBe(JSON.stringify(p.snapshot()));
    expect(q.equity).toBe(p.equity);
  });

  it('refuses a malformed snapshot, naming the path', () => {
    const p = new Portfolio({ initialCash: 1_000 });
    p.applyFill(fill(AAA, 5, 10));
    const good = p.snapshot();
    const bad = (edit: (s: Record<string, unknown>) => void): PortfolioSnapshot => {
      const copy = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
      edit(copy);
      return copy as unknown as PortfolioSnapshot;
    };
    const positions = (s: Record<string, unknown>): Record<string, unknown>[] => s.positions as Record<string, unknown>[];
    expect(() => Portfolio.restore(bad((s) => (positions(s)[0]!.quantity = 'x')))).toThrow(/snapshot\.positions\[0\]\.quantity/);
    expect(() => Portfolio.restore(bad((s) => (s.version = 2)))).toThrow(/snapshot\.version/);
    expect(() => Portfolio.restore(bad((s) => (positions(s)[0]!.openTrade = null)))).toThrow(/snapshot\.positions\[0\]\.openTrade/);
    expect(() => Portfolio.restore(bad((s) => (positions(s)[0]!.quantity = -5)))).toThrow(/direction/);
    expect(() => Portfolio.restore(bad((s) => positions(s).push(positions(s)[0]!)))).toThrow(/each symbol once/);
    expect(() => Portfolio.restore(bad((s) => (s.extra = 1)))).toThrow(InvalidArgumentError);
  });
});

// ---- properties over random fill sequences ----------------------------------

type Op =
  | { kind: 'fill'; symbol: number; quantity: number; price: number; fee: number }
  | { kind: 'mark'; symbol: number; price: number; up: number; down: number };

const price = fc.double({ min: 1, max: 1000, noNaN: true });
const fillOp = fc.record({
  kind: fc.constant('fill' as const),
  symbol: fc.integer({ min: 0, max: 2 }),
  quantity: fc.integer({ min: -500, max: 500 }).filter((q) => q !== 0),
  price,
  fee: fc.double({ min: 0, max: 20, noNaN: true }),
});
const markOp = fc.record({
  kind: fc.constant('mark' as const),
  symbol: fc.integer({ min: 0, max: 2 }),
  price,
  up: fc.double({ min: 0, max: 0.1, noNaN: true }),
  down: fc.double({ min: 0, max: 0.1, noNaN: true }),
});
const ops = fc.array(fc.oneof({ arbitrary: fillOp, weight: 3 }, { arbitrary: markOp, weight: 1 }), { maxLength: 60 });

/** Applies the ops; returns initial cash + Σ |q| × price + fees, the money scale for tolerances. */
function run(p: Portfolio, list: readonly Op[], hours = 0): number {
  let scale = p.initialCash;
  list.forEach((op, i) => {
    const symbol = SYMBOLS[op.symbol]!;
    if (op.kind === 'fill') {
      p.applyFill(fill(symbol, op.quantity, op.price, op.fee, hours + i));
      scale += Math.abs(op.quantity) * op.price + op.fee;
    } else {
      p.mark(symbol, op.price, op.price * (1 + op.up), op.price * (1 - op.down));
    }
  });
  return scale;
}

/** Closes every open position at its last price with a fee; returns the money traded. */
function flatten(p: Portfolio, fee: number): number {
  let scale = 0;
  for (const position of p.positions()) {
    scale += Math.abs(position.quantity) * position.lastPrice;
    p.applyFill(fill(position.symbol, -position.quantity, position.lastPrice, fee, 1_000));
  }
  return scale;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe('Portfolio properties', () => {
  it('equity = cash + marketValue and equity − initialCash = realized + unrealized − fees, always', () => {
    fc.assert(
      fc.property(ops, (list) => {
        const p = new Portfolio({ initialCash: 100_000 });
        const scale = run(p, list);
        // Second method: equity from the positions listed one by one.
        const byHand = p.cash + sum(p.positions().map((x) => x.quantity * x.lastPrice));
        expect(Math.abs(p.cash + p.marketValue - p.equity)).toBeLessThanOrEqual(1e-6 * scale);
        expect(Math.abs(byHand - p.equity)).toBeLessThanOrEqual(1e-9 * scale);
        expect(Math.abs(p.equity - p.initialCash - (p.realizedPnl + p.unrealizedPnl - p.totalFees))).toBeLessThanOrEqual(1e-9 * scale);
      }),
    );
  });

  it('when flat, Σ trade gross PnL = realizedPnl, Σ trade fees = totalFees and Σ trade pnl = equity − initialCash', () => {
    fc.assert(
      fc.property(ops, fc.double({ min: 0, max: 5, noNaN: true }), (list, closingFee) => {
        const p = new Portfolio({ initialCash: 100_000 });
        const scale = run(p, list) + flatten(p, closingFee);
        expect(p.isFlat).toBe(true);
        const tol = 1e-9 * scale;
        expect(Math.abs(sum(p.trades.map((t) => t.grossPnl)) - p.realizedPnl)).toBeLessThanOrEqual(tol);
        expect(Math.abs(sum(p.trades.map((t) => t.fees)) - p.totalFees)).toBeLessThanOrEqual(tol);
        expect(Math.abs(sum(p.trades.map((t) => t.pnl)) - (p.equity - p.initialCash))).toBeLessThanOrEqual(tol);
        expect(p.equity).toBe(p.cash);
      }),
    );
  });

  it('a buy then a sell of the same quantity at the same price loses exactly the fees', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        price,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.boolean(),
        (units, px, feeIn, feeOut, long) => {
          const p = new Portfolio({ initialCash: 1_000_000 });
          const q = long ? units : -units;
          p.applyFill(fill(AAA, q, px, feeIn, 0));
          p.applyFill(fill(AAA, -q, px, feeOut, 1));
          expect(p.equity - p.initialCash).toBeCloseTo(-(feeIn + feeOut), 6);
          expect(p.realizedPnl).toBe(0);
          expect(p.trades[0]?.pnl).toBeCloseTo(-(feeIn + feeOut), 9);
        },
      ),
    );
  });

  it('snapshot → JSON → restore is identical, and both continue identically', () => {
    fc.assert(
      fc.property(ops, ops, (first, second) => {
        const p = new Portfolio({ initialCash: 100_000 });
        run(p, first);
        const text = JSON.stringify(p.snapshot());
        const q = Portfolio.restore(JSON.parse(text) as PortfolioSnapshot);
        expect(JSON.stringify(q.snapshot())).toBe(text);
        run(p, second, 100);
        run(q, second, 100);
        expect(JSON.stringify(q.snapshot())).toBe(JSON.stringify(p.snapshot()));
      }),
    );
  });
});

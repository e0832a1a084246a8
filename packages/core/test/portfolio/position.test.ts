import { describe, expect, it } from 'vitest';
import { Portfolio } from '../../src/portfolio/index.js';
import { AAA, BBB, fill } from './helpers.js';

describe('Position', () => {
  it('values a long at the last price: market value and unrealized PnL', () => {
    const p = new Portfolio({ initialCash: 10_000 });
    p.applyFill(fill(AAA, 40, 25, 2));
    const position = p.position(AAA)!;
    expect(position.symbol).toBe(AAA);
    expect(position.quantity).toBe(40);
    expect(position.averagePrice).toBe(25);
    expect(position.lastPrice).toBe(25);
    expect(position.fees).toBe(2);
    p.mark(AAA, 30);
    // 40 × 30 = 1 200; (30 − 25) × 40 = 200, read from the same live view
    expect(position.marketValue).toBe(1_200);
    expect(position.unrealizedPnl).toBe(200);
  });

  it('values a short negatively and gains when the price falls', () => {
    const p = new Portfolio({ initialCash: 10_000 });
    p.applyFill(fill(AAA, -40, 25));
    p.mark(AAA, 20);
    const position = p.position(AAA)!;
    // −40 × 20 = −800; (20 − 25) × −40 = 200
    expect(position.marketValue).toBe(-800);
    expect(position.unrealizedPnl).toBe(200);
  });

  it('keeps lifetime realized PnL and fees per symbol across round trips, with average 0 when flat', () => {
    const p = new Portfolio({ initialCash: 10_000 });
    p.applyFill(fill(AAA, 10, 100, 1, 0));
    p.applyFill(fill(AAA, -10, 110, 1, 1)); // +100
    p.applyFill(fill(AAA, -5, 120, 1, 2));
    p.applyFill(fill(AAA, 5, 130, 1, 3)); // (120 − 130) × 5 = −50
    p.applyFill(fill(BBB, 1, 10, 7, 3));
    const position = p.position(AAA)!;
    expect(position.quantity).toBe(0);
    expect(position.averagePrice).toBe(0);
    expect(position.unrealizedPnl).toBe(0);
    expect(position.marketValue).toBe(0);
    expect(position.realizedPnl).toBe(50);
    expect(position.fees).toBe(4);
    expect(p.position(BBB)?.fees).toBe(7);
  });

  it('closes a fractional position whose sells leave only floating-point dust', () => {
    const p = new Portfolio({ initialCash: 10_000 });
    p.applyFill(fill(AAA, 0.1, 100, 0, 0));
    p.applyFill(fill(AAA, 0.2, 100, 0, 1)); // 0.30000000000000004 held
    p.applyFill(fill(AAA, -0.3, 101, 0, 2));
    expect(p.quantity(AAA)).toBe(0);
    expect(p.isFlat).toBe(true);
    expect(p.trades).toHaveLength(1);
    expect(p.trades[0]?.grossPnl).toBeCloseTo(0.3, 9);
  });
});

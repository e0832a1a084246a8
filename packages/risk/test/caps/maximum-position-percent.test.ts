import { EventDrivenBacktester, SymbolId } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MaximumPositionPercent } from '../../src/index.js';
import { DAY, ScriptedAlpha, StubContext, T0, algorithm, barsFromCloses } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');

describe('MaximumPositionPercent', () => {
  it('clips an entry to the cap on the bar it is proposed', () => {
    // Bar 2: weights 0.6 and 0.3 at closes 30 and 70: 2000 AAA (0.6) and 428 BBB (0.2996).
    // Cap 0.25: AAA → floor(0.25 × 100,000 / 30) = 833; BBB → floor(25,000 / 70) = 357.
    const data = barsFromCloses({ 'AAA.X': [30, 30, 30, 30], 'BBB.X': [70, 70, 70, 70] });
    const alpha = new ScriptedAlpha({
      2: [
        { symbol: A, direction: 'up', weight: 0.6 },
        { symbol: B, direction: 'up', weight: 0.3 },
      ],
    });
    const result = new EventDrivenBacktester({ freePortfolioValuePct: 0 }).run(algorithm({ alpha, risk: new MaximumPositionPercent({ maxPercent: 0.25 }) }), data);
    expect(result.riskEvents.map((e) => [e.time, e.symbol, e.action, e.details['before'], e.details['after']])).toEqual([
      [T0 + 2 * DAY, 'AAA.X', 'clip', 2000, 833],
      [T0 + 2 * DAY, 'BBB.X', 'clip', 428, 357],
    ]);
    expect(result.fills.map((f) => [f.time, f.quantity])).toEqual([
      [T0 + 3 * DAY, 833],
      [T0 + 3 * DAY, 357],
    ]);
  });

  it('clips shorts symmetrically and keeps targets within the cap as they are', () => {
    const ctx = new StubContext(100_000, [A, B]);
    ctx.price(A, 50).price(B, 50);
    const model = new MaximumPositionPercent({ maxPercent: 0.1 });
    const within = { symbol: B, quantity: 200, tag: 'keep' }; // exactly 0.1
    const out = model.manageRisk(ctx, [{ symbol: A, quantity: -1000, tag: 'x' }, within]);
    expect(out).toEqual([{ symbol: A, quantity: -200, tag: 'x' }, within]);
    expect(out[1]).toBe(within);
  });

  it('never leaves a target above the cap (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), fc.double({ min: 0.5, max: 500, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (q, price, cap) => {
        const ctx = new StubContext(100_000, [A]).price(A, price);
        const [out] = new MaximumPositionPercent({ maxPercent: cap }).manageRisk(ctx, [{ symbol: A, quantity: q }]);
        const after = out!.quantity!;
        expect(Math.abs(after * price)).toBeLessThanOrEqual(cap * 100_000 + 1e-6);
        expect(Math.abs(after)).toBeLessThanOrEqual(Math.abs(q));
        if (Math.abs(q * price) > cap * 100_000) expect(Math.abs(after * price) + price).toBeGreaterThan(cap * 100_000);
      }),
    );
  });
});

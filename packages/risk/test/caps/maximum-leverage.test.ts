import { EventDrivenBacktester, SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { MaximumLeverage } from '../../src/index.js';
import { DAY, ScriptedAlpha, StubContext, T0, algorithm, barsFromCloses } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');

describe('MaximumLeverage', () => {
  it('scales all targets so that gross leverage meets the cap', () => {
    // Bar 2: weights 0.8 and −0.6 at 100 and 50 → 800 AAA and −1200 BBB: gross 1.4, net 0.2.
    // maxGross 1 → factor 1 / 1.4: 571 AAA (trunc 571.43), −857 BBB (trunc −857.14).
    const data = barsFromCloses({ 'AAA.X': [100, 100, 100, 100], 'BBB.X': [50, 50, 50, 50] });
    const alpha = new ScriptedAlpha({
      2: [
        { symbol: A, direction: 'up', weight: 0.8 },
        { symbol: B, direction: 'down', weight: -0.6 },
      ],
    });
    const result = new EventDrivenBacktester({ freePortfolioValuePct: 0, leverage: 2 }).run(algorithm({ alpha, risk: new MaximumLeverage({ maxGross: 1 }) }), data);
    expect(result.riskEvents).toHaveLength(1);
    const e = result.riskEvents[0]!;
    expect(e).toMatchObject({ time: T0 + 2 * DAY, action: 'scale', details: { maxGross: 1, maxNet: 1, feasible: true } });
    expect(e.details['gross']).toBeCloseTo(1.4, 12);
    expect(e.details['net']).toBeCloseTo(0.2, 12);
    expect(e.details['factor']).toBeCloseTo(1 / 1.4, 12);
    expect(result.fills.map((f) => [f.time, f.symbol.value, f.quantity])).toEqual([
      [T0 + 3 * DAY, 'AAA.X', 571],
      [T0 + 3 * DAY, 'BBB.X', -857],
    ]);
  });

  it('meets the net cap, counting holdings it does not target', () => {
    const ctx = new StubContext(100_000, [A, B]);
    ctx.fill(B, 300, 100); // held 0.3 net long, untargeted
    ctx.price(A, 100);
    const model = new MaximumLeverage({ maxGross: 2, maxNet: 0.5 });
    // Target 500 AAA = 0.5: net 0.8 > 0.5 → factor (0.5 − 0.3) / 0.5 = 0.4 → 200 AAA.
    expect(model.manageRisk(ctx, [{ symbol: A, quantity: 500 }])).toEqual([{ symbol: A, quantity: 200 }]);
    expect(ctx.decisions[0]!.details!['netAfter']).toBeCloseTo(0.5, 12);
  });

  it('passes a book within both caps unchanged', () => {
    const ctx = new StubContext(100_000, [A, B]);
    ctx.price(A, 100).price(B, 50);
    const targets = [{ symbol: A, quantity: 500 }, { symbol: B, quantity: -1000 }]; // gross 1, net 0
    expect(new MaximumLeverage({ maxGross: 1, maxNet: 0.1 }).manageRisk(ctx, targets)).toBe(targets);
  });

  it('names the offending option', () => {
    expect(() => new MaximumLeverage({ maxGross: 0 })).toThrow(/maxGross/);
    expect(() => new MaximumLeverage({ maxGross: 1, maxNet: 2 })).toThrow(/maxNet/);
  });
});

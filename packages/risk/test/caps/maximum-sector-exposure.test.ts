import { EventDrivenBacktester, SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { MaximumSectorExposure } from '../../src/index.js';
import { DAY, ScriptedAlpha, StubContext, T0, algorithm, barsFromCloses } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');
const C = SymbolId.parse('CCC.X');
const sectors = { 'AAA.X': 'tech', 'BBB.X': 'tech', 'CCC.X': 'energy' };

describe('MaximumSectorExposure', () => {
  it('scales the targets of a sector above the cap so that the sector lands at the cap', () => {
    // Bar 3: weights 0.3 each → 300 AAA at 100, 750 BBB at 40, 1500 CCC at 20 (trunc(0.3 × 100,000 / close)).
    // Tech gross = (300 × 100 + 750 × 40) / 100,000 = 0.6 > 0.4 → factor 0.4 / 0.6: 200 AAA, 500 BBB; energy (0.3) untouched.
    const data = barsFromCloses({ 'AAA.X': [100, 100, 100, 100, 100], 'BBB.X': [40, 40, 40, 40, 40], 'CCC.X': [20, 20, 20, 20, 20] });
    const alpha = new ScriptedAlpha({
      3: [
        { symbol: A, direction: 'up', weight: 0.3 },
        { symbol: B, direction: 'up', weight: 0.3 },
        { symbol: C, direction: 'up', weight: 0.3 },
      ],
    });
    const result = new EventDrivenBacktester({ freePortfolioValuePct: 0 }).run(algorithm({ alpha, risk: new MaximumSectorExposure({ sectors, maxExposure: 0.4 }) }), data);
    expect(result.riskEvents).toHaveLength(1);
    expect(result.riskEvents[0]).toMatchObject({ time: T0 + 3 * DAY, action: 'scale', details: { sector: 'tech', maxExposure: 0.4, targets: 2 } });
    expect(result.riskEvents[0]!.details['exposure']).toBeCloseTo(0.6, 12);
    expect(result.riskEvents[0]!.details['factor']).toBeCloseTo(2 / 3, 12);
    expect(result.fills.map((f) => [f.time, f.symbol.value, f.quantity])).toEqual([
      [T0 + 4 * DAY, 'AAA.X', 200],
      [T0 + 4 * DAY, 'BBB.X', 500],
      [T0 + 4 * DAY, 'CCC.X', 1500],
    ]);
  });

  it('counts untargeted holdings of the sector and scales only the targets', () => {
    const ctx = new StubContext(100_000, [A, B]);
    ctx.fill(A, 200, 100); // tech holding 0.2, not targeted
    const model = new MaximumSectorExposure({ sectors, maxExposure: 0.5 });
    // Target 1000 BBB at 40 = 0.4: sector 0.6 > 0.5 → factor (0.5 − 0.2) / 0.4 = 0.75 → 750.
    expect(model.manageRisk(ctx.price(B, 40), [{ symbol: B, quantity: 1000 }])).toEqual([{ symbol: B, quantity: 750 }]);
    expect(ctx.decisions[0]!.details!['factor']).toBeCloseTo(0.75, 12);
  });

  it('leaves targets alone at exactly the cap, outside any sector, or when none are proposed', () => {
    const ctx = new StubContext(100_000, [A, B, C]);
    ctx.price(A, 100).price(B, 40).price(C, 20);
    const model = new MaximumSectorExposure({ sectors: new Map([[A, 'tech']]), maxExposure: 0.5 });
    const atCap = [{ symbol: A, quantity: 500 }];
    expect(model.manageRisk(ctx, atCap)).toBe(atCap);
    const other = [{ symbol: C, quantity: 5000 }];
    expect(model.manageRisk(ctx, other)).toBe(other);
    expect(model.sector(A)).toBe('tech');
    expect(model.sector(C)).toBeUndefined();
    expect(ctx.decisions).toHaveLength(0);
  });

  it('names the offending option', () => {
    expect(() => new MaximumSectorExposure({ sectors, maxExposure: 0 })).toThrow(/maxExposure/);
    expect(() => new MaximumSectorExposure({ sectors: { 'AAA.X': '' }, maxExposure: 0.5 })).toThrow(/sectors\.AAA\.X/);
    expect(() => new MaximumSectorExposure({ sectors: { ' bad': 'x' }, maxExposure: 0.5 })).toThrow(/bad/);
  });
});

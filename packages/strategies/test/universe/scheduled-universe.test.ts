import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { ConstantAlpha } from '../../src/alphas/constant-alpha.js';
import { ScheduledUniverse } from '../../src/universe/scheduled-universe.js';
import { DAY, makeBars, runAlpha, T0, TestEqualWeightPortfolio, TestImmediateExecution } from '../alphas/fixtures.js';
import { changesByStage, runWithSpies, selectionContext } from './spies.js';

const a = SymbolId.parse('AAA.X');
const b = SymbolId.parse('BBB.X');
const c = SymbolId.parse('CCC.X');

describe('ScheduledUniverse', () => {
  it('runs the selector on the first bar and on due bars only', () => {
    const calls: number[] = [];
    const universe = new ScheduledUniverse({
      schedule: { kind: 'bars', every: 3 },
      selector: (ctx) => {
        calls.push(ctx.time);
        return ctx.time < 4 ? [a] : [a, b];
      },
    });
    const seen = [0, 1, 2, 3, 4, 5, 6, 7].map((t) => universe.select(selectionContext([a, b], t)));
    expect(calls).toEqual([0, 3, 6]);
    expect(seen.map((s) => s.map((x) => x.value))).toEqual([['AAA.X'], ['AAA.X'], ['AAA.X'], ['AAA.X'], ['AAA.X'], ['AAA.X'], ['AAA.X', 'BBB.X'], ['AAA.X', 'BBB.X']]);
    // Same object while unchanged (the selector returned a fresh [a] at time 3).
    expect(seen[3]).toBe(seen[0]);
    expect(seen[7]).toBe(seen[6]);
    expect(seen[6]).not.toBe(seen[0]);
  });

  it('returns the previous array when the selector gives the same members in another order', () => {
    let calls = 0;
    const universe = new ScheduledUniverse({ schedule: { kind: 'bars', every: 1 }, selector: () => (++calls % 2 === 1 ? [a, b] : ['BBB.X', 'AAA.X']) });
    const first = universe.select(selectionContext([a, b], 0));
    expect(universe.select(selectionContext([a, b], 1))).toBe(first);
    expect(calls).toBe(2);
  });

  it('selects on the first bar even when a predicate schedule is not due there', () => {
    const universe = new ScheduledUniverse({ schedule: (t) => t >= 5, selector: (ctx) => (ctx.time >= 5 ? [b] : [a]) });
    expect(universe.select(selectionContext([a, b], 0))).toEqual([a]);
    expect(universe.select(selectionContext([a, b], 3))).toEqual([a]);
    expect(universe.select(selectionContext([a, b], 5))).toEqual([b]);
  });

  it('rejects a selection the data does not carry, and a missing selector', () => {
    const universe = new ScheduledUniverse({ schedule: { kind: 'bars', every: 1 }, selector: () => ['ZZZ.X'] });
    expect(() => universe.select(selectionContext([a, b], 0))).toThrow(/ZZZ\.X/);
    expect(() => new ScheduledUniverse({ schedule: { kind: 'bars', every: 1 }, selector: undefined as unknown as () => [] })).toThrow(/selector/);
    expect(() => new ScheduledUniverse({ schedule: { kind: 'bars', every: 0 }, selector: () => [] })).toThrow(/schedule\.every/);
  });

  it('delivers each change to every stage at the bar it happens (end to end)', () => {
    // Every 2 bars: {AAA, BBB} on bars 0–3, {BBB, CCC} from bar 4 (change seen at bar 4), {CCC} from bar 6.
    const universe = new ScheduledUniverse({
      schedule: { kind: 'bars', every: 2 },
      selector: (ctx) => (ctx.time < T0 + 4 * DAY ? [a, b] : ctx.time < T0 + 6 * DAY ? [b, c] : [c]),
    });
    const closes = [1, 2, 3, 4, 5, 6, 7, 8];
    const { log, active } = runWithSpies(universe, makeBars({ 'AAA.X': closes, 'BBB.X': closes, 'CCC.X': closes }));
    const expected = [
      { time: T0, added: ['AAA.X', 'BBB.X'], removed: [] },
      { time: T0 + 4 * DAY, added: ['CCC.X'], removed: ['AAA.X'] },
      { time: T0 + 6 * DAY, added: [], removed: ['BBB.X'] },
    ];
    expect(changesByStage(log)).toEqual({ alpha: expected, portfolio: expected, risk: expected, execution: expected });
    expect(active.map((x) => x.join(','))).toEqual([
      'AAA.X,BBB.X',
      'AAA.X,BBB.X',
      'AAA.X,BBB.X',
      'AAA.X,BBB.X',
      'BBB.X,CCC.X',
      'BBB.X,CCC.X',
      'CCC.X',
      'CCC.X',
    ]);
  });

  it('liquidates a removed symbol at the next open: its insight is cancelled (end to end)', () => {
    // ConstantAlpha: up on AAA and BBB at bar 0 (each 50%); BBB leaves at bar 3 → its insight
    // is cancelled, the portfolio zeroes it and re-weights AAA to 100%; orders fill at bar 4.
    const universe = new ScheduledUniverse({
      schedule: { kind: 'bars', every: 1 },
      selector: (ctx) => (ctx.time < T0 + 3 * DAY ? [a, b] : [a]),
    });
    const data = makeBars({ 'AAA.X': [10, 10, 10, 10, 10, 10], 'BBB.X': [20, 20, 20, 20, 20, 20] });
    const result = runAlpha(new ConstantAlpha({ direction: 'up' }), data, { universe, portfolio: new TestEqualWeightPortfolio(), execution: new TestImmediateExecution() });
    const fills = result.fills.map((f) => [Math.round((f.time - T0) / DAY), f.symbol.value, f.quantity]).sort((x, y) => String(x).localeCompare(String(y)));
    expect(fills).toEqual([
      [1, 'AAA.X', 5_000], // trunc(0.5 × 100,000 / 10)
      [1, 'BBB.X', 2_500], // trunc(0.5 × 100,000 / 20)
      [4, 'AAA.X', 5_000], // to trunc(1 × 100,000 / 10) = 10,000
      [4, 'BBB.X', -2_500], // to 0
    ]);
    expect(result.fills.every((f) => f.price === data.series(f.symbol).open[Math.round((f.time - T0) / DAY)])).toBe(true);
  });
});

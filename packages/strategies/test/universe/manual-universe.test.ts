import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { ManualUniverse } from '../../src/universe/manual-universe.js';
import { DAY, makeBars, T0 } from '../alphas/fixtures.js';
import { changesByStage, runWithSpies, selectionContext } from './spies.js';

const a = SymbolId.parse('AAA.X');
const b = SymbolId.parse('BBB.X');
const c = SymbolId.parse('CCC.X');
const ctx = selectionContext([a, b, c]);

describe('ManualUniverse', () => {
  it('returns a new array object only when the members changed', () => {
    const universe = new ManualUniverse({ symbols: ['AAA.X'] });
    const first = universe.select(ctx);
    expect(first).toEqual([a]);
    expect(universe.select(ctx)).toBe(first);
    expect(universe.add(b, 'CCC.X')).toBe(2);
    const second = universe.select(ctx);
    expect(second).not.toBe(first);
    expect(second).toEqual([a, b, c]);
    expect(first).toEqual([a]); // the earlier array is not mutated
    expect(universe.remove(b)).toBe(1);
    expect(universe.select(ctx)).toEqual([a, c]);
  });

  it('treats an add undone by a remove before the next select as no change', () => {
    const universe = new ManualUniverse({ symbols: [a] });
    const first = universe.select(ctx);
    universe.add(b);
    universe.remove(b);
    expect(universe.select(ctx)).toBe(first);
    expect(universe.add(a)).toBe(0);
    expect(universe.remove(c)).toBe(0);
    expect(universe.select(ctx)).toBe(first);
  });

  it('rejects symbols that do not parse or that the data does not carry', () => {
    const universe = new ManualUniverse();
    expect(() => universe.add('bad symbol')).toThrow(/symbols\.0/);
    universe.add('ZZZ.X');
    expect(() => universe.select(ctx)).toThrow(/ZZZ\.X/);
  });

  it('delivers runtime adds and removes to every stage at the next bar (end to end)', () => {
    // The alpha adds BBB while processing bar 2 and removes AAA while processing bar 5:
    // the universe changes at bars 3 and 6.
    const universe = new ManualUniverse({ symbols: ['AAA.X'] });
    const data = makeBars({ 'AAA.X': [1, 2, 3, 4, 5, 6, 7, 8], 'BBB.X': [1, 2, 3, 4, 5, 6, 7, 8] });
    const { log, active } = runWithSpies(universe, data, (c0) => {
      if (c0.time === T0 + 2 * DAY) universe.add('BBB.X');
      if (c0.time === T0 + 5 * DAY) universe.remove('AAA.X');
    });
    const expected = [
      { time: T0, added: ['AAA.X'], removed: [] },
      { time: T0 + 3 * DAY, added: ['BBB.X'], removed: [] },
      { time: T0 + 6 * DAY, added: [], removed: ['AAA.X'] },
    ];
    expect(changesByStage(log)).toEqual({ alpha: expected, portfolio: expected, risk: expected, execution: expected });
    expect(active).toEqual([['AAA.X'], ['AAA.X'], ['AAA.X'], ['AAA.X', 'BBB.X'], ['AAA.X', 'BBB.X'], ['AAA.X', 'BBB.X'], ['BBB.X'], ['BBB.X']]);
  });
});

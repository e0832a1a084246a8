import { InvalidArgumentError, SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { StaticUniverse } from '../../src/universe/static-universe.js';
import { makeBars, T0 } from '../alphas/fixtures.js';
import { changesByStage, runWithSpies, selectionContext } from './spies.js';

const a = SymbolId.parse('AAA.X');
const b = SymbolId.parse('BBB.X');

describe('StaticUniverse', () => {
  it('returns the same frozen array object on every call', () => {
    const universe = new StaticUniverse({ symbols: [a, 'BBB.X'] });
    const ctx = selectionContext([a, b]);
    const first = universe.select(ctx);
    expect(first).toEqual([a, b]);
    expect(Object.isFrozen(first)).toBe(true);
    for (let i = 0; i < 5; i += 1) expect(universe.select(ctx)).toBe(first);
  });

  it('parses text, drops repeats and keeps the given order', () => {
    expect(new StaticUniverse({ symbols: ['BBB.X', 'AAA.X', 'BBB.X'] }).symbols).toEqual([b, a]);
  });

  it('rejects a malformed symbol and, on the first select, a symbol the data does not carry', () => {
    expect(() => new StaticUniverse({ symbols: ['AAA.X', 'no spaces'] })).toThrow(/symbols\.1/);
    const universe = new StaticUniverse({ symbols: ['AAA.X', 'ZZZ.X'] });
    expect(() => universe.select(selectionContext([a, b]))).toThrow(InvalidArgumentError);
    expect(() => universe.select(selectionContext([a, b]))).toThrow(/ZZZ\.X/);
  });

  it('raises one change, on the first bar, that reaches every stage (end to end)', () => {
    const data = makeBars({ 'AAA.X': [10, 11, 12, 13], 'BBB.X': [20, 21, 22, 23], 'CCC.X': [5, 5, 5, 5] });
    const { log, active } = runWithSpies(new StaticUniverse({ symbols: ['AAA.X', 'BBB.X'] }), data);
    const once = [{ time: T0, added: ['AAA.X', 'BBB.X'], removed: [] }];
    expect(changesByStage(log)).toEqual({ alpha: once, portfolio: once, risk: once, execution: once });
    expect(active).toEqual([
      ['AAA.X', 'BBB.X'],
      ['AAA.X', 'BBB.X'],
      ['AAA.X', 'BBB.X'],
      ['AAA.X', 'BBB.X'],
    ]);
  });
});

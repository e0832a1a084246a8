import { InvalidArgumentError, SymbolId } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSymbolList, requireAvailable, sameMembers } from '../../src/universe/membership.js';
import { selectionContext } from './spies.js';

const a = SymbolId.parse('AAA.X');
const b = SymbolId.parse('BBB.X');
const c = SymbolId.parse('CCC.X');

describe('membership helpers', () => {
  it('parses symbol lists, dropping repeats and keeping first-seen order', () => {
    expect(parseSymbolList(['BBB.X', a, 'AAA.X', b], 'symbols')).toEqual([b, a]);
    expect(() => parseSymbolList(['AAA.X', ''], 'list')).toThrow(/list\.1/);
    expect(() => parseSymbolList('AAA.X' as unknown as string[], 'list')).toThrow(InvalidArgumentError);
  });

  it('requires the data feed to carry every symbol', () => {
    expect(() => requireAvailable(selectionContext([a, b]), [a, b], 'symbols')).not.toThrow();
    expect(() => requireAvailable(selectionContext([a]), [a, c], 'symbols')).toThrow(/symbols.*CCC\.X/);
  });

  it('compares memberships as sets', () => {
    const pool = [a, b, c];
    fc.assert(
      fc.property(fc.subarray(pool), fc.subarray(pool), (x, y) => {
        const shuffled = [...y].reverse();
        const asSet = (s: SymbolId[]): string => s.map((v) => v.value).sort().join();
        expect(sameMembers(x, shuffled)).toBe(asSet(x) === asSet(y));
      }),
    );
  });
});

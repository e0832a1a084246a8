import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { membershipTableSelector } from '../../src/universe/membership-table.js';
import { selectionContext } from './spies.js';

const a = SymbolId.parse('AAA.X');
const b = SymbolId.parse('BBB.X');
const at = (iso: string): number => Date.parse(iso);

describe('membershipTableSelector', () => {
  const selector = membershipTableSelector([
    { from: '2020-01-01', symbols: ['AAA.X'] },
    { from: '2020-02-01', symbols: ['AAA.X', 'BBB.X'] },
    { from: at('2020-03-01T00:00:00Z'), symbols: [] },
  ]);
  const pick = (iso: string): readonly (SymbolId | string)[] => selector(selectionContext([a, b], at(iso)));

  it('returns the last row at or before the time, and nothing before the first row', () => {
    expect(pick('2019-12-31T23:59:59Z')).toEqual([]);
    expect(pick('2020-01-01T00:00:00Z')).toEqual([a]);
    expect(pick('2020-01-31T12:00:00Z')).toEqual([a]);
    expect(pick('2020-02-01T00:00:00Z')).toEqual([a, b]);
    expect(pick('2020-03-05T00:00:00Z')).toEqual([]);
  });

  it('returns the same row array for every time within the row', () => {
    expect(pick('2020-02-02T00:00:00Z')).toBe(pick('2020-02-20T00:00:00Z'));
  });

  it('rejects unordered rows, bad dates and bad symbols, naming the row', () => {
    expect(() => membershipTableSelector([{ from: '2020-02-01', symbols: [] }, { from: '2020-01-01', symbols: [] }])).toThrow(/entries\.1\.from/);
    expect(() => membershipTableSelector([{ from: 'yesterday', symbols: [] }])).toThrow(/entries\.0\.from/);
    expect(() => membershipTableSelector([{ from: '2020-01-01', symbols: ['bad symbol'] }])).toThrow(/entries\.0\.symbols\.0/);
  });
});

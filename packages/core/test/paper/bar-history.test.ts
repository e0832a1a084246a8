import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BarHistory, InvalidArgumentError, SliceFeed, SymbolId } from '../../src/index.js';
import type { BarField } from '../../src/index.js';
import { barsFromCloses, randomWalk } from './fixtures.js';

const FIELDS: BarField[] = ['timestamp', 'open', 'high', 'low', 'close', 'volume'];

describe('BarHistory', () => {
  it('answers price, last bar and history exactly as the backtester slice feed does (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 40 }), (seed, n) => {
        // BBB has a bar only every other day, so some slices lack it.
        const closes = randomWalk(seed, 30);
        const data = barsFromCloses({ 'AAA.X': closes });
        const sparse = barsFromCloses({ 'BBB.X': randomWalk(seed + 1, 15) }, Date.UTC(2020, 0, 1), 2 * 86_400_000);
        const source = { symbols: [...data.symbols, ...sparse.symbols], series: (s: SymbolId) => (s.value === 'AAA.X' ? data.series(s) : sparse.series(s)) };
        const feed = new SliceFeed(source);
        const history = new BarHistory(feed.symbolList);
        for (let i = 0; i < feed.length; i += 1) {
          feed.advance(i);
          history.append(feed);
          for (const symbol of feed.symbolList) {
            expect(history.price(symbol)).toBe(feed.price(symbol));
            const a = history.lastBar(symbol);
            const b = feed.lastBar(symbol);
            expect(a === undefined ? undefined : { ...a }).toEqual(b === undefined ? undefined : { ...b });
            for (const field of FIELDS) expect(history.history(symbol, field, n)).toEqual(feed.history(symbol, field, n));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the most recent `limit` bars per symbol', () => {
    const closes = Array.from({ length: 100 }, (_, i) => i + 1);
    const feed = new SliceFeed(barsFromCloses({ 'AAA.X': closes }));
    const history = new BarHistory(feed.symbolList, 7);
    const a = SymbolId.parse('AAA.X');
    for (let i = 0; i < feed.length; i += 1) {
      feed.advance(i);
      history.append(feed);
      const expected = closes.slice(Math.max(0, i + 1 - 7), i + 1);
      expect([...history.history(a, 'close', 50)]).toEqual(expected);
    }
    expect(history.price(a)).toBe(100);
  });

  it('returns a copy that cannot change the history', () => {
    const feed = new SliceFeed(barsFromCloses({ 'AAA.X': [1, 2, 3] }));
    const history = new BarHistory(feed.symbolList);
    for (let i = 0; i < 3; i += 1) {
      feed.advance(i);
      history.append(feed);
    }
    const copy = history.history(SymbolId.parse('AAA.X'), 'close', 3);
    copy[2] = 99;
    expect([...history.history(SymbolId.parse('AAA.X'), 'close', 3)]).toEqual([1, 2, 3]);
  });

  it('names the problem with a symbol, a window or a limit', () => {
    const history = new BarHistory([SymbolId.parse('AAA.X')]);
    expect(() => history.history(SymbolId.parse('ZZZ.X'), 'close', 1)).toThrow(/symbol: expected a symbol of the data feed/);
    expect(() => history.history(SymbolId.parse('AAA.X'), 'close', -1)).toThrow(InvalidArgumentError);
    expect(() => new BarHistory([], 0)).toThrow(/historyLength: expected an integer ≥ 1/);
    const other = new SliceFeed(barsFromCloses({ 'ZZZ.X': [1] }));
    other.advance(0);
    expect(() => history.append(other)).toThrow(/slice\.symbols: expected a symbol of the feed, got "ZZZ\.X"/);
  });
});

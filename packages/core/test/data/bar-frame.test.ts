import { Float64, Table, Utf8, makeData, makeVector, tableFromArrays, vectorFromArray } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BarFrame, syntheticBars } from '../../src/data/index.js';
import type { BarSeriesInput } from '../../src/data/index.js';
import { DataValidationError, InvalidArgumentError } from '../../src/errors.js';
import { SymbolId } from '../../src/symbol-id.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 2);

/** Flat bars (open = high = low = close = price) at T0 + k days. */
function flat(prices: readonly number[], days: readonly number[] = prices.map((_, k) => k)): BarSeriesInput {
  return {
    timestamp: days.map((d) => T0 + d * DAY),
    open: prices,
    high: prices,
    low: prices,
    close: prices,
    volume: prices.map((p) => p * 10),
  };
}

/** A long table, rows by date then symbol (the usual shape of a multi-symbol CSV). */
const LONG = {
  symbol: ['MSFT', 'AAPL', 'MSFT', 'AAPL', 'MSFT'],
  timestamp: [T0, T0, T0 + DAY, T0 + DAY, T0 + 2 * DAY],
  open: [300, 180, 301, 181, 302],
  high: [305, 185, 306, 186, 307],
  low: [295, 175, 296, 176, 297],
  close: [302, 182, 303, 183, 304],
  volume: [1, 2, 3, 4, 5],
};

describe('BarFrame.fromArrays', () => {
  it('groups rows by symbol (sorted by text) then time, keeping each symbol in source order', () => {
    const frame = BarFrame.fromArrays(LONG);
    expect(frame.symbols.map(String)).toEqual(['AAPL', 'MSFT']);
    expect(frame.length).toBe(5);
    const aapl = frame.series('AAPL');
    expect(Array.from(aapl.timestamp)).toEqual([T0, T0 + DAY]);
    expect(Array.from(aapl.close)).toEqual([182, 183]);
    const msft = frame.series(SymbolId.parse('MSFT'));
    expect(Array.from(msft.open)).toEqual([300, 301, 302]);
    expect(Array.from(msft.volume)).toEqual([1, 3, 5]);
    // The Arrow table holds the same order: AAPL rows first.
    const table = frame.toArrow();
    expect(table.getChild('symbol')?.toArray().length ?? Array.from(table.getChild('symbol') ?? []).length).toBe(5);
    expect([0, 1, 2, 3, 4].map((i) => table.getChild('symbol')?.get(i))).toEqual(['AAPL', 'AAPL', 'MSFT', 'MSFT', 'MSFT']);
  });

  it('accepts one symbol for every row and Float64Array columns', () => {
    const frame = BarFrame.fromArrays({ symbol: 'AAA', ...flat([1, 2, 3]), close: Float64Array.of(1, 2, 3) });
    expect(frame.symbols.map(String)).toEqual(['AAA']);
    expect(Array.from(frame.series('AAA').close)).toEqual([1, 2, 3]);
  });

  it('copies its input, so later writes to the input do not change the frame', () => {
    const close = [1, 2, 3];
    const frame = BarFrame.fromArrays({ symbol: 'AAA', ...flat([1, 2, 3]), close });
    close[0] = 99;
    expect(frame.series('AAA').close[0]).toBe(1);
  });

  it('holds no symbol when there are no rows', () => {
    const frame = BarFrame.fromArrays({ symbol: 'AAA', ...flat([]) });
    expect(frame.length).toBe(0);
    expect(frame.symbols).toEqual([]);
    expect(frame.timestamps().length).toBe(0);
    expect(frame.toArrow().numRows).toBe(0);
  });

  it('validates before building: a bad row fails the whole frame with its source row', () => {
    const bad = { ...LONG, low: [295, 175, 296, 182.5, 297] }; // row 3: low 182.5 > open 181
    try {
      BarFrame.fromArrays(bad, { file: 'long.csv' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataValidationError);
      const e = error as DataValidationError;
      expect([e.file, e.row, e.column, e.value]).toEqual(['long.csv', 3, 'low', 182.5]);
    }
  });
});

describe('BarFrame.series', () => {
  it('returns Float64Array views over the one contiguous column buffer of the Arrow table', () => {
    const frame = BarFrame.fromSeries({ BBB: flat([5, 6]), AAA: flat([1, 2, 3]) });
    const table = frame.toArrow();
    for (const name of ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const) {
      const column = table.getChild(name);
      expect(column?.data.length).toBe(1); // one chunk
      const buffer = (column?.data[0]?.values as Float64Array).buffer;
      expect(frame.series('AAA')[name].buffer).toBe(buffer);
      expect(frame.series('BBB')[name].buffer).toBe(buffer);
    }
    // BBB's view starts after AAA's three rows.
    expect(frame.series('BBB').close.byteOffset).toBe(3 * 8);
    expect(Array.from(frame.series('BBB').close)).toEqual([5, 6]);
  });

  it('returns the same object on every call', () => {
    const frame = BarFrame.fromSeries({ AAA: flat([1]) });
    expect(frame.series('AAA')).toBe(frame.series(SymbolId.parse('AAA')));
  });

  it('throws InvalidArgumentError on an unknown symbol', () => {
    const frame = BarFrame.fromSeries({ AAA: flat([1]) });
    expect(() => frame.series('ZZZ')).toThrow(InvalidArgumentError);
    expect(() => frame.series('ZZZ')).toThrow(/symbol: expected one of the frame's symbols \(AAA\), got "ZZZ"/);
    expect(frame.has('AAA')).toBe(true);
    expect(frame.has('ZZZ')).toBe(false);
  });
});

describe('BarFrame.fromSeries', () => {
  it('accepts a Map keyed by SymbolId and skips empty series', () => {
    const frame = BarFrame.fromSeries(
      new Map([
        [SymbolId.parse('X.NYSE'), flat([1, 2])],
        [SymbolId.parse('EMPTY'), flat([])],
      ]),
    );
    expect(frame.symbols.map(String)).toEqual(['X.NYSE']);
  });

  it('names the symbol and the row within its series on a bad value', () => {
    expect(() => BarFrame.fromSeries({ AAA: flat([1, 2]), BBB: flat([1, 2], [0, 0]) })).toThrow(
      /row 1, column timestamp: symbol BBB: duplicate timestamp/,
    );
  });

  it('rejects two keys that denote the same symbol', () => {
    expect(() =>
      BarFrame.fromSeries(
        new Map<SymbolId | string, BarSeriesInput>([
          ['AAA', flat([1])],
          [SymbolId.parse('AAA'), flat([2])],
        ]),
      ),
    ).toThrow(InvalidArgumentError);
  });
});

describe('BarFrame.timestamps', () => {
  it('is the sorted union of all symbols’ times, each once', () => {
    const frame = BarFrame.fromSeries({ AAA: flat([1, 1, 1], [0, 2, 5]), BBB: flat([1, 1, 1], [1, 2, 3]) });
    expect(Array.from(frame.timestamps())).toEqual([0, 1, 2, 3, 5].map((d) => T0 + d * DAY));
  });

  it('equals the shared axis when all symbols have the same times', () => {
    const frame = BarFrame.fromSeries({ AAA: flat([1, 2]), BBB: flat([3, 4]) });
    expect(Array.from(frame.timestamps())).toEqual([T0, T0 + DAY]);
  });
});

describe('BarFrame.select', () => {
  const frame = BarFrame.fromSeries({ AAA: flat([1, 2, 3, 4]), BBB: flat([5, 6], [2, 3]) });

  it('keeps start ≤ timestamp ≤ end (both inclusive) and drops symbols left empty', () => {
    const early = frame.select({ start: T0 + DAY, end: T0 + DAY });
    expect(early.symbols.map(String)).toEqual(['AAA']);
    expect(Array.from(early.series('AAA').close)).toEqual([2]);
    const late = frame.select({ symbols: ['BBB'], start: T0 + 3 * DAY });
    expect(Array.from(late.series('BBB').close)).toEqual([6]);
  });

  it('returns the same frame when nothing is removed', () => {
    expect(frame.select({})).toBe(frame);
    expect(frame.select({ symbols: ['BBB', 'AAA', 'AAA'] })).toBe(frame);
  });

  it('rejects unknown symbols and reversed bounds', () => {
    expect(() => frame.select({ symbols: ['CCC'] })).toThrow(InvalidArgumentError);
    expect(() => frame.select({ start: T0 + DAY, end: T0 })).toThrow(InvalidArgumentError);
  });
});

describe('BarFrame.concat', () => {
  it('combines frames of distinct symbols in symbol order', () => {
    const both = BarFrame.concat([BarFrame.fromSeries({ ZZZ: flat([9]) }), BarFrame.fromSeries({ AAA: flat([1]) })]);
    expect(both.symbols.map(String)).toEqual(['AAA', 'ZZZ']);
    expect(Array.from(both.toArrow().getChild('close')?.toArray() ?? [])).toEqual([1, 9]);
  });

  it('rejects a symbol present in two frames', () => {
    const one = BarFrame.fromSeries({ AAA: flat([1]) });
    expect(() => BarFrame.concat([one, one])).toThrow(InvalidArgumentError);
  });
});

describe('BarFrame Arrow interchange', () => {
  it('has the documented Arrow schema', () => {
    const table = BarFrame.fromArrays(LONG).toArrow();
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'symbol:Dictionary<Int32, Utf8>',
      'timestamp:Float64',
      'open:Float64',
      'high:Float64',
      'low:Float64',
      'close:Float64',
      'volume:Float64',
    ]);
  });

  it('reads a plain Utf8 symbol column in any order, with names in any case and extra columns', () => {
    const table = tableFromArrays({
      Symbol: ['B', 'A'],
      DATE: Float64Array.of(T0, T0),
      Open: Float64Array.of(2, 1),
      High: Float64Array.of(2, 1),
      Low: Float64Array.of(2, 1),
      Close: Float64Array.of(2, 1),
      Volume: Float64Array.of(0, 0),
      note: ['x', 'y'],
    });
    const frame = BarFrame.fromArrow(table);
    expect(frame.symbols.map(String)).toEqual(['A', 'B']);
    expect(Array.from(frame.series('B').close)).toEqual([2]);
  });

  it('combines a chunked table into single contiguous columns', () => {
    const one = BarFrame.fromSeries({ AAA: flat([1, 2]) }).toArrow();
    const two = BarFrame.fromSeries({ BBB: flat([3]) }).toArrow();
    const chunked = one.concat(two);
    expect(chunked.getChild('close')?.data.length).toBe(2);
    const frame = BarFrame.fromArrow(chunked);
    expect(frame.toArrow().getChild('close')?.data.length).toBe(1);
    expect(Array.from(frame.series('BBB').close)).toEqual([3]);
  });

  it('rejects a table without a symbol column unless a symbol is given', () => {
    const float = (values: number[]) => makeVector(makeData({ type: new Float64(), length: values.length, nullCount: 0, data: Float64Array.from(values) }));
    const table = new Table({ timestamp: float([T0]), open: float([1]), high: float([1]), low: float([1]), close: float([1]), volume: float([1]) });
    expect(() => BarFrame.fromArrow(table, { file: 't.arrow' })).toThrow(/t\.arrow, column symbol: missing column/);
    expect(BarFrame.fromArrow(table, { symbol: 'ONE' }).symbols.map(String)).toEqual(['ONE']);
    const named = new Table({ symbol: vectorFromArray(['TWO'], new Utf8()), timestamp: float([T0]), open: float([1]), high: float([1]), low: float([1]), close: float([1]), volume: float([1]) });
    expect(() => BarFrame.fromArrow(named, { symbol: 'ONE' })).toThrow(/symbol differs from the expected ONE/);
  });

  it('round-trips every value through toArrow/fromArrow and toIpc (property)', async () => {
    const { fromArrowIpc } = await import('../../src/data/index.js');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer(),
        fc.constantFrom(86_400_000, 3_600_000, 60_000),
        (symbols, bars, seed, intervalMs) => {
          const frame = syntheticBars({ symbols, bars, seed, intervalMs });
          for (const copy of [BarFrame.fromArrow(frame.toArrow()), fromArrowIpc(frame.toIpc())]) {
            expect(copy.symbols).toEqual(frame.symbols); // interned SymbolIds: same objects
            for (const symbol of frame.symbols) {
              const a = frame.series(symbol);
              const b = copy.series(symbol);
              for (const name of ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const) {
                expect(Array.from(b[name])).toEqual(Array.from(a[name]));
              }
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

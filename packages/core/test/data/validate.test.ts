import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticBars, validateBarColumns } from '../../src/data/index.js';
import type { BarColumnsInput } from '../../src/data/index.js';
import { DataValidationError } from '../../src/errors.js';
import { parseTimestampValue, resolveBarColumnLayout } from '../../src/data/validate.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 2);

/** Three valid bars of one symbol; tests break one value at a time. */
function good(): { symbol: string; timestamp: number[]; open: number[]; high: number[]; low: number[]; close: number[]; volume: number[] } {
  return {
    symbol: 'AAA',
    timestamp: [T0, T0 + DAY, T0 + 2 * DAY],
    open: [10, 11, 12],
    high: [11, 12, 13],
    low: [9, 10, 11],
    close: [10.5, 11.5, 12.5],
    volume: [100, 0, 300],
  };
}

function failure(run: () => unknown): DataValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataValidationError) return error;
    throw error;
  }
  throw new Error('expected a DataValidationError');
}

describe('validateBarColumns', () => {
  it('accepts valid bars, zero volume included', () => {
    expect(() => validateBarColumns(good())).not.toThrow();
  });

  it('accepts interleaved symbols whose own times increase', () => {
    expect(() =>
      validateBarColumns({
        symbol: ['AAA', 'BBB', 'AAA', 'BBB'],
        timestamp: [T0, T0, T0 + DAY, T0 + DAY],
        open: [1, 2, 1, 2],
        high: [1, 2, 1, 2],
        low: [1, 2, 1, 2],
        close: [1, 2, 1, 2],
        volume: [0, 0, 0, 0],
      }),
    ).not.toThrow();
  });

  it('rejects a missing column, naming it', () => {
    const { volume: _volume, ...rest } = good();
    const error = failure(() => validateBarColumns(rest as unknown as BarColumnsInput, { file: 'f.csv' }));
    expect(error.column).toBe('volume');
    expect(error.file).toBe('f.csv');
    expect(error.message).toContain('missing column');
  });

  it('rejects columns of different lengths', () => {
    const error = failure(() => validateBarColumns({ ...good(), close: [1, 2] }));
    expect(error.column).toBe('close');
    expect(error.message).toContain('2 rows but timestamp has 3');
  });

  it('rejects a duplicate timestamp within a symbol, at the repeating row', () => {
    const bars = good();
    bars.timestamp[2] = bars.timestamp[1]!;
    const error = failure(() => validateBarColumns(bars, { file: 'a.csv' }));
    expect([error.file, error.row, error.column, error.value]).toEqual(['a.csv', 2, 'timestamp', T0 + DAY]);
    expect(error.message).toContain('duplicate timestamp');
  });

  it('rejects unsorted timestamps within a symbol', () => {
    const bars = good();
    bars.timestamp[1] = T0 - DAY;
    const error = failure(() => validateBarColumns(bars));
    expect([error.row, error.column, error.value]).toEqual([1, 'timestamp', T0 - DAY]);
    expect(error.message).toContain('not in increasing order');
  });

  it.each([
    ['timestamp', Number.NaN],
    ['open', Number.POSITIVE_INFINITY],
    ['high', Number.NaN],
    ['low', Number.NEGATIVE_INFINITY],
    ['close', Number.NaN],
    ['volume', Number.POSITIVE_INFINITY],
  ] as const)('rejects a non-finite %s', (column, value) => {
    const bars = good();
    bars[column][1] = value;
    const error = failure(() => validateBarColumns(bars));
    expect([error.row, error.column]).toEqual([1, column]);
    expect(Object.is(error.value, value)).toBe(true);
    expect(error.message).toContain('not a finite number');
  });

  it('rejects a value that is not a number at all', () => {
    const bars = good() as unknown as Record<string, unknown[]>;
    bars.open![0] = '10';
    const error = failure(() => validateBarColumns(bars as unknown as BarColumnsInput));
    expect([error.row, error.column, error.value]).toEqual([0, 'open', '10']);
  });

  it.each(['open', 'high', 'low', 'close'] as const)('rejects a zero %s (positivity is checked before the OHLC relations)', (column) => {
    const bars = good();
    bars[column][2] = 0;
    const error = failure(() => validateBarColumns(bars));
    expect([error.row, error.column, error.value]).toEqual([2, column, 0]);
    expect(error.message).toContain('price is not positive');
  });

  it('rejects a negative price, naming the column', () => {
    const bars = good();
    bars.low[0] = -1;
    const error = failure(() => validateBarColumns(bars));
    expect([error.row, error.column, error.value]).toEqual([0, 'low', -1]);
  });

  it('rejects a negative volume', () => {
    const bars = good();
    bars.volume[2] = -5;
    const error = failure(() => validateBarColumns(bars));
    expect([error.row, error.column, error.value]).toEqual([2, 'volume', -5]);
    expect(error.message).toContain('volume is negative');
  });

  it('rejects high below low', () => {
    const bars = good();
    bars.high[1] = 9.5; // low is 10
    const error = failure(() => validateBarColumns(bars));
    expect([error.row, error.column, error.value]).toEqual([1, 'high', 9.5]);
    expect(error.message).toContain('high is below low');
  });

  it('rejects high below max(open, close)', () => {
    const bars = good();
    bars.high[0] = 10.25; // open 10, close 10.5, low 9
    const error = failure(() => validateBarColumns(bars));
    expect([error.row, error.column, error.value]).toEqual([0, 'high', 10.25]);
    expect(error.message).toContain('high is below max(open, close) (10.5)');
  });

  it('rejects low above min(open, close)', () => {
    const bars = good();
    bars.low[2] = 12.25; // open 12, close 12.5, high 13
    const error = failure(() => validateBarColumns(bars));
    expect([error.row, error.column, error.value]).toEqual([2, 'low', 12.25]);
    expect(error.message).toContain('low is above min(open, close) (12)');
  });

  it('rejects an invalid symbol at its first row', () => {
    const error = failure(() => validateBarColumns({ ...good(), symbol: ['AAA', 'not a symbol', 'AAA'] }));
    expect([error.row, error.column, error.value]).toEqual([1, 'symbol', 'not a symbol']);
  });

  it('names the source column and prefixes the context', () => {
    const bars = good();
    bars.close[0] = -1;
    const error = failure(() => validateBarColumns(bars, { columnNames: { close: 'Adj Close' }, context: 'symbol AAA' }));
    expect(error.column).toBe('Adj Close');
    expect(error.message).toMatch(/^row 0, column Adj Close: symbol AAA: price is not positive/);
  });

  it('accepts every synthetic frame (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 60 }), fc.integer(), fc.double({ min: 0, max: 1.5, noNaN: true }), (symbols, bars, seed, volatility) => {
        const frame = syntheticBars({ symbols, bars, seed, volatility });
        for (const symbol of frame.symbols) {
          expect(() => validateBarColumns({ ...frame.series(symbol), symbol })).not.toThrow();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('resolveBarColumnLayout', () => {
  it('matches names case-insensitively and prefers timestamp over date', () => {
    const layout = resolveBarColumnLayout(['Date', ' Open', 'HIGH', 'low', 'Close', 'Volume', 'Timestamp', 'Symbol']);
    expect(layout.values).toEqual({ timestamp: 6, open: 1, high: 2, low: 3, close: 4, volume: 5 });
    expect(layout.symbol).toBe(7);
    expect(layout.names.timestamp).toBe('Timestamp');
  });

  it('names a missing column', () => {
    const error = failure(() => resolveBarColumnLayout(['date', 'open', 'high', 'low', 'close'], 'x.csv'));
    expect([error.file, error.column]).toEqual(['x.csv', 'volume']);
  });

  it('rejects a repeated column', () => {
    const error = failure(() => resolveBarColumnLayout(['date', 'open', 'Open', 'high', 'low', 'close', 'volume']));
    expect(error.message).toContain('repeated column');
  });
});

describe('parseTimestampValue', () => {
  const at = { row: 0, column: 'date' };
  it('reads ISO dates as UTC midnight and date-times with offsets', () => {
    expect(parseTimestampValue('2024-01-02', at)).toBe(Date.UTC(2024, 0, 2));
    expect(parseTimestampValue('2024-01-02T10:30:00+02:00', at)).toBe(Date.UTC(2024, 0, 2, 8, 30));
    expect(parseTimestampValue('2024-01-02T10:30:00', at)).toBe(Date.UTC(2024, 0, 2, 10, 30));
  });

  it('reads epoch ms from numbers, digit strings, bigints and Dates', () => {
    expect(parseTimestampValue(1704153600000, at)).toBe(1704153600000);
    expect(parseTimestampValue(' 1704153600000 ', at)).toBe(1704153600000);
    expect(parseTimestampValue(1704153600000n, at)).toBe(1704153600000);
    expect(parseTimestampValue(new Date(1704153600000), at)).toBe(1704153600000);
  });

  it.each(['2024-13-45', 'yesterday', '', 'NaN'])('rejects the unparsable date %j', (text) => {
    const error = failure(() => parseTimestampValue(text, { file: 'f', row: 3, column: 'date' }));
    expect([error.file, error.row, error.column, error.value]).toEqual(['f', 3, 'date', text]);
    expect(error.message).toContain('unparsable date');
  });
});

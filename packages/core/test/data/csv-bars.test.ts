import { describe, expect, it } from 'vitest';
import { parseCsvBars } from '../../src/data/csv-bars.js';
import { BarFrame } from '../../src/data/index.js';
import { DataValidationError } from '../../src/errors.js';

const HEADER = 'date,open,high,low,close,volume';

function failure(run: () => unknown): DataValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataValidationError) return error;
    throw error;
  }
  throw new Error('expected a DataValidationError');
}

describe('parseCsvBars', () => {
  it('reads a header in any case with extra columns, ISO dates as UTC midnight', () => {
    const text = 'Date,Open,High,Low,Close,Adj Close,Volume\r\n2024-01-02,10,11,9,10.5,10.4,1000\r\n2024-01-03,10.5,12,10,11,10.9,2000\r\n';
    const { columns, columnNames } = parseCsvBars(text, { symbol: 'AAA' });
    expect(columns.timestamp).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3)]);
    expect(columns.close).toEqual([10.5, 11]);
    expect(columns.volume).toEqual([1000, 2000]);
    expect(columns.symbol).toBe('AAA');
    expect(columnNames.timestamp).toBe('Date');
  });

  it('reads epoch-ms numbers and date-times with offsets in a timestamp column', () => {
    const text = `timestamp,open,high,low,close,volume\n1704189600000,1,1,1,1,0\n2024-01-02T12:30:00+01:00,1,1,1,1,0\n`;
    // 1704189600000 ms = 2024-01-02T10:00:00Z; 12:30 at +01:00 = 11:30Z.
    expect(parseCsvBars(text, { symbol: 'A' }).columns.timestamp).toEqual([Date.UTC(2024, 0, 2, 10), Date.UTC(2024, 0, 2, 11, 30)]);
  });

  it('reads a symbol column, trimming cells', () => {
    const text = `symbol, ${HEADER}\n AAA ,2024-01-02, 1,1,1,1,5\nBBB,2024-01-02,2,2,2,2,6\n`;
    expect(parseCsvBars(text).columns.symbol).toEqual(['AAA', 'BBB']);
  });

  it('falls back to defaultSymbol without a symbol column, and ignores it with one', () => {
    expect(parseCsvBars(`${HEADER}\n2024-01-02,1,1,1,1,1\n`, { defaultSymbol: 'DEF' }).columns.symbol).toBe('DEF');
    expect(parseCsvBars(`symbol,${HEADER}\nAAA,2024-01-02,1,1,1,1,1\n`, { defaultSymbol: 'DEF' }).columns.symbol).toEqual(['AAA']);
  });

  it('requires a symbol from somewhere', () => {
    const error = failure(() => parseCsvBars(`${HEADER}\n2024-01-02,1,1,1,1,1\n`, { file: 'x.csv' }));
    expect([error.file, error.column]).toEqual(['x.csv', 'symbol']);
  });

  it('checks a symbol column against the symbol option', () => {
    const error = failure(() => parseCsvBars(`symbol,${HEADER}\nAAA,2024-01-02,1,1,1,1,1\nBBB,2024-01-03,1,1,1,1,1\n`, { symbol: 'AAA' }));
    expect([error.row, error.column, error.value]).toEqual([1, 'symbol', 'BBB']);
  });

  it('names a missing column', () => {
    const error = failure(() => parseCsvBars('date,open,high,low,close\n2024-01-02,1,1,1,1\n', { symbol: 'A', file: 'f.csv' }));
    expect([error.file, error.column]).toEqual(['f.csv', 'volume']);
  });

  it('names an unparsable date with file, row, column and value', () => {
    const error = failure(() => parseCsvBars(`${HEADER}\n2024-01-02,1,1,1,1,1\n02/01/2024,1,1,1,1,1\n`, { symbol: 'A', file: 'f.csv' }));
    expect([error.file, error.row, error.column, error.value]).toEqual(['f.csv', 1, 'date', '02/01/2024']);
    expect(error.message).toContain('unparsable date');
  });

  it('rejects a non-numeric or empty cell and a row of the wrong width', () => {
    const word = failure(() => parseCsvBars(`${HEADER}\n2024-01-02,1,one,1,1,1\n`, { symbol: 'A' }));
    expect([word.row, word.column, word.value]).toEqual([0, 'high', 'one']);
    const empty = failure(() => parseCsvBars(`${HEADER}\n2024-01-02,1,1,1,1,\n`, { symbol: 'A' }));
    expect([empty.row, empty.column]).toEqual([0, 'volume']);
    const short = failure(() => parseCsvBars(`${HEADER}\n2024-01-02,1,1,1,1,1\n2024-01-03,1,1\n`, { symbol: 'A' }));
    expect(short.row).toBe(1);
    expect(short.message).toContain('3 fields but the header has 6');
  });

  it('rejects text with no header', () => {
    expect(() => parseCsvBars('\n\n', { symbol: 'A' })).toThrow(/no header row/);
  });
});

describe('BarFrame.fromCsv', () => {
  it('builds a validated multi-symbol frame from a long CSV with quoted fields', () => {
    const text = `"symbol","date","open","high","low","close","volume"\nAAA,2024-01-02,1,2,0.5,1.5,"1,000"\n`;
    // "1,000" is one quoted field, but not a number: the load fails whole.
    expect(() => BarFrame.fromCsv(text)).toThrow(/row 0, column volume: not a number/);
    const fixed = text.replace('"1,000"', '1000') + 'BBB,2024-01-02,3,4,2,3.5,7\nAAA,2024-01-03,1.5,2,1,1.75,9\n';
    const frame = BarFrame.fromCsv(fixed);
    expect(frame.symbols.map(String)).toEqual(['AAA', 'BBB']);
    expect(Array.from(frame.series('AAA').close)).toEqual([1.5, 1.75]);
  });

  it('reports bar-rule failures in the source column name and row', () => {
    const error = failure(() => BarFrame.fromCsv(`Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,1\n2024-01-03,1,2,1.2,1.5,1\n`, { symbol: 'A', file: 'a.csv' }));
    expect([error.file, error.row, error.column, error.value]).toEqual(['a.csv', 1, 'Low', 1.2]);
  });
});

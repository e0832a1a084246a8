import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachCsvRecord, parseCsvRecords } from '../../src/data/csv-parser.js';
import { DataValidationError } from '../../src/errors.js';

describe('parseCsvRecords', () => {
  it('splits fields on commas and records on LF, CRLF and lone CR', () => {
    expect(parseCsvRecords('a,b\nc,d\r\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    expect(parseCsvRecords('"a,1","say ""hi""","two\r\nlines"\nx,"",y')).toEqual([
      ['a,1', 'say "hi"', 'two\r\nlines'],
      ['x', '', 'y'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsvRecords('a,,c,\n,')).toEqual([
      ['a', '', 'c', ''],
      ['', ''],
    ]);
  });

  it('skips a BOM, blank lines and the final line end', () => {
    expect(parseCsvRecords('\uFEFFh1,h2\n\n1,2\r\n\r\n3,4\n')).toEqual([
      ['h1', 'h2'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseCsvRecords('')).toEqual([]);
  });

  it('keeps a quote inside an unquoted field as text, and spaces as written', () => {
    expect(parseCsvRecords('ab"c, d ')).toEqual([['ab"c', ' d ']]);
  });

  it('numbers records from 0 without counting blank lines', () => {
    const seen: number[] = [];
    forEachCsvRecord('h\n\nx\n\ny\n', (_fields, index) => seen.push(index));
    expect(seen).toEqual([0, 1, 2]);
  });

  it('rejects an unterminated quoted field, naming the data row', () => {
    try {
      parseCsvRecords('h1,h2\n1,2\n3,"oops\n', 'f.csv');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataValidationError);
      const e = error as DataValidationError;
      expect([e.file, e.row]).toEqual(['f.csv', 1]);
      expect(e.message).toContain('unterminated quoted field');
    }
  });

  it('rejects text after a closing quote', () => {
    expect(() => parseCsvRecords('"a"b,c')).toThrow(/text after the closing quote/);
  });

  it('reads back what an RFC 4180 writer wrote (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', '1') });
    const record = fc.array(field, { minLength: 1, maxLength: 5 }).filter((r) => !(r.length === 1 && r[0] === ''));
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (records, eol) => {
        const quote = (f: string): string => `"${f.replace(/"/g, '""')}"`;
        const text = records.map((r) => r.map(quote).join(',')).join(eol);
        expect(parseCsvRecords(text)).toEqual(records);
      }),
    );
  });
});

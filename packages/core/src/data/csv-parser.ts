import { DataValidationError } from '../errors.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;

/**
 * Splits CSV text (RFC 4180) into records of fields and hands each to `visit`.
 *
 * - Fields are separated by `,`; records end at LF, CRLF or a lone CR (or at the end).
 * - A field that starts with `"` is quoted: it ends at the next lone `"`, `""` inside
 *   it stands for one `"`, and it may hold commas and line breaks. After the closing
 *   quote only a separator, a line end or the end of the text may follow.
 * - A `"` inside an unquoted field is kept as text.
 * - A leading UTF-8 byte-order mark is skipped. Empty lines are skipped and not
 *   counted. Fields are returned as written (not trimmed).
 *
 * `visit` gets the fields and the record's index (0 for the first non-blank record,
 * usually the header).
 *
 * @throws {@link DataValidationError} on an unterminated quoted field or text after a
 * closing quote; its `row` is the data row (record index − 1; omitted in the header).
 * @internal
 */
export function forEachCsvRecord(text: string, visit: (fields: string[], index: number) => void, file?: string): void {
  const length = text.length;
  let at = length > 0 && text.charCodeAt(0) === BOM ? 1 : 0;
  let index = 0;
  let fields: string[] = [];
  const fail = (reason: string, value: string): never => {
    throw new DataValidationError(reason, { file, row: index > 0 ? index - 1 : undefined }, value);
  };
  const endRecord = (): void => {
    visit(fields, index);
    index += 1;
    fields = [];
  };
  while (at < length) {
    let end = at;
    if (text.charCodeAt(at) === QUOTE) {
      let value = '';
      let from = at + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) return fail('unterminated quoted field', text.slice(at, Math.min(length, at + 40)));
        value += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === QUOTE) {
          value += '"';
          from = quote + 2;
          continue;
        }
        end = quote + 1;
        break;
      }
      const next = end < length ? text.charCodeAt(end) : LF;
      if (next !== COMMA && next !== CR && next !== LF) fail('text after the closing quote of a field', text.slice(at, Math.min(length, end + 20)));
      fields.push(value);
    } else {
      while (end < length) {
        const code = text.charCodeAt(end);
        if (code === COMMA || code === CR || code === LF) break;
        end += 1;
      }
      if (end === at && fields.length === 0 && (end >= length || text.charCodeAt(end) !== COMMA)) {
        // An empty line: skip it without a record.
        at = skipLineEnd(text, end);
        continue;
      }
      fields.push(text.slice(at, end));
    }
    if (end >= length) {
      endRecord();
      return;
    }
    if (text.charCodeAt(end) === COMMA) {
      at = end + 1;
      if (at >= length) {
        fields.push('');
        endRecord();
        return;
      }
      continue;
    }
    at = skipLineEnd(text, end);
    endRecord();
  }
}

/**
 * All records of CSV text as arrays of fields (see {@link forEachCsvRecord}).
 *
 * @internal
 */
export function parseCsvRecords(text: string, file?: string): string[][] {
  const records: string[][] = [];
  forEachCsvRecord(text, (fields) => records.push(fields), file);
  return records;
}

function skipLineEnd(text: string, at: number): number {
  if (at >= text.length) return at;
  return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}

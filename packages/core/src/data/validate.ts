import { DataValidationError, InvalidSymbolError } from '../errors.js';
import type { DataLocation } from '../errors.js';
import { SymbolId } from '../symbol-id.js';
import { parseIso, toIso } from '../time.js';
import { BAR_VALUE_COLUMN_NAMES } from './bar-columns.js';
import type { BarColumnName, BarColumnsInput, BarValueColumnName, NumericColumn } from './bar-columns.js';

/** Where and how {@link validateBarColumns} reports what it finds. */
export interface BarValidationOptions {
  /** File or source name put in every error. */
  readonly file?: string;
  /**
   * The name each column has in the source (e.g. `{ timestamp: 'Date' }`), used in
   * errors instead of the canonical name.
   */
  readonly columnNames?: Readonly<Partial<Record<BarColumnName, string>>>;
  /** Text put before every reason, e.g. `symbol AAPL`. */
  readonly context?: string;
}

/**
 * What {@link checkBarColumns} learnt about valid columns: the distinct symbols in
 * order of first appearance and each row's index into them.
 *
 * @internal
 */
export interface CheckedBarColumns {
  /** Number of rows. */
  readonly length: number;
  /** Distinct symbols, in order of first appearance. */
  readonly symbols: readonly SymbolId[];
  /** For each row, its symbol's index into `symbols`. */
  readonly codes: Int32Array;
}

/**
 * Checks OHLCV bars before a frame is built from them, and throws on the first
 * bad row (rows are visited in source order; row numbers are 0-based source rows).
 * The rules:
 *
 * - every column is present and all have the same number of rows;
 * - every symbol parses as a {@link SymbolId};
 * - every value is a finite number;
 * - within each symbol, timestamps strictly increase (a repeat is a duplicate,
 *   a decrease is unsorted); rows of different symbols may interleave;
 * - open, high, low and close are > 0; volume is ≥ 0;
 * - high ≥ low, high ≥ max(open, close), low ≤ min(open, close).
 *
 * @throws {@link DataValidationError} naming the file (when known), row, column and value.
 */
export function validateBarColumns(columns: BarColumnsInput, options: BarValidationOptions = {}): void {
  checkBarColumns(columns, options);
}

/**
 * {@link validateBarColumns}, returning the symbol of each row for the frame builder.
 *
 * @internal
 */
export function checkBarColumns(columns: BarColumnsInput, options: BarValidationOptions = {}): CheckedBarColumns {
  const fail: Fail = failer(options);
  const input = columns as Partial<BarColumnsInput> | undefined;
  if (input === undefined || input === null || typeof input !== 'object') fail('expected an object of columns', undefined, undefined, input);
  for (const name of ['symbol', ...BAR_VALUE_COLUMN_NAMES] as const) {
    if (input[name] === undefined || input[name] === null) fail('missing column', undefined, name);
  }
  const timestamp = numericColumn(input.timestamp, 'timestamp', fail);
  const length = timestamp.length;
  const open = sameLength(numericColumn(input.open, 'open', fail), length, 'open', fail);
  const high = sameLength(numericColumn(input.high, 'high', fail), length, 'high', fail);
  const low = sameLength(numericColumn(input.low, 'low', fail), length, 'low', fail);
  const close = sameLength(numericColumn(input.close, 'close', fail), length, 'close', fail);
  const volume = sameLength(numericColumn(input.volume, 'volume', fail), length, 'volume', fail);
  const { symbols, codes } = symbolCodes(columns.symbol, length, fail);

  const lastTime = new Float64Array(symbols.length).fill(-Infinity);
  for (let row = 0; row < length; row++) {
    const t = timestamp[row];
    const o = open[row];
    const h = high[row];
    const l = low[row];
    const c = close[row];
    const v = volume[row];
    if (!isFiniteNumber(t)) fail('not a finite number', row, 'timestamp', t);
    if (!isFiniteNumber(o)) fail('not a finite number', row, 'open', o);
    if (!isFiniteNumber(h)) fail('not a finite number', row, 'high', h);
    if (!isFiniteNumber(l)) fail('not a finite number', row, 'low', l);
    if (!isFiniteNumber(c)) fail('not a finite number', row, 'close', c);
    if (!isFiniteNumber(v)) fail('not a finite number', row, 'volume', v);
    const code = codes[row] ?? 0;
    const previous = lastTime[code] ?? -Infinity;
    if (t <= previous) {
      const symbol = symbols[code]?.value ?? '';
      fail(
        t === previous
          ? `duplicate timestamp for symbol ${symbol}`
          : `timestamps of symbol ${symbol} are not in increasing order (previous bar at ${toIso(previous)})`,
        row,
        'timestamp',
        t,
      );
    }
    lastTime[code] = t;
    if (o <= 0) fail('price is not positive', row, 'open', o);
    if (h <= 0) fail('price is not positive', row, 'high', h);
    if (l <= 0) fail('price is not positive', row, 'low', l);
    if (c <= 0) fail('price is not positive', row, 'close', c);
    if (v < 0) fail('volume is negative', row, 'volume', v);
    if (h < l) fail(`high is below low (${l})`, row, 'high', h);
    if (h < o || h < c) fail(`high is below max(open, close) (${Math.max(o, c)})`, row, 'high', h);
    if (l > o || l > c) fail(`low is above min(open, close) (${Math.min(o, c)})`, row, 'low', l);
  }
  return { length, symbols, codes };
}

/**
 * Where each bar column sits in a source's list of column names.
 *
 * @internal
 */
export interface BarColumnLayout {
  /** Index of the symbol column, or `undefined` when the source has none. */
  readonly symbol: number | undefined;
  /** Index of each value column. */
  readonly values: Readonly<Record<BarValueColumnName, number>>;
  /** The source's own name of each column found. */
  readonly names: Readonly<Partial<Record<BarColumnName, string>>>;
}

/** Accepted names of the time column, most preferred first (compared case-insensitively). */
const TIME_COLUMN_NAMES = ['timestamp', 'datetime', 'date'] as const;

/**
 * Finds the bar columns in a source's header. Names are compared case-insensitively
 * after trimming; the time column may be called `timestamp`, `datetime` or `date`
 * (in that order of preference); `symbol` is optional; other columns are ignored.
 *
 * @throws {@link DataValidationError} on a missing or repeated column.
 * @internal
 */
export function resolveBarColumnLayout(header: readonly string[], file?: string): BarColumnLayout {
  const byName = new Map<string, number>();
  header.forEach((raw, index) => {
    const key = raw.trim().toLowerCase();
    if (byName.has(key)) throw new DataValidationError('repeated column', { file, column: raw }, raw);
    byName.set(key, index);
  });
  const names: Partial<Record<BarColumnName, string>> = {};
  const find = (column: BarColumnName, candidates: readonly string[]): number | undefined => {
    for (const candidate of candidates) {
      const index = byName.get(candidate);
      if (index !== undefined) {
        names[column] = header[index] ?? candidate;
        return index;
      }
    }
    return undefined;
  };
  const required = (column: BarValueColumnName, candidates: readonly string[]): number => {
    const index = find(column, candidates);
    if (index === undefined) {
      const expected = candidates.length > 1 ? ` (expected one of ${candidates.join(', ')})` : '';
      throw new DataValidationError(`missing column${expected}`, { file, column }, header);
    }
    return index;
  };
  const symbol = find('symbol', ['symbol']);
  const values = {
    timestamp: required('timestamp', TIME_COLUMN_NAMES),
    open: required('open', ['open']),
    high: required('high', ['high']),
    low: required('low', ['low']),
    close: required('close', ['close']),
    volume: required('volume', ['volume']),
  };
  return { symbol, values, names };
}

const EPOCH_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Reads one time value into epoch ms (UTC). Accepted: a finite number (epoch ms), a
 * bigint (epoch ms), a `Date`, a string of digits (epoch ms, e.g. `"1420156800000"`;
 * note that `"20150102"` is therefore read as ms, not as a date), or an ISO-8601 date
 * or date-time string (see {@link parseIso}; without an offset it is UTC).
 *
 * @throws {@link DataValidationError} `unparsable date` at `location`.
 * @internal
 */
export function parseTimestampValue(value: unknown, location: DataLocation): number {
  let ms = Number.NaN;
  if (typeof value === 'number') ms = value;
  else if (typeof value === 'bigint') ms = Number(value);
  else if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'string') {
    const text = value.trim();
    if (EPOCH_NUMBER.test(text)) ms = Number(text);
    else {
      try {
        ms = parseIso(text);
      } catch {
        ms = Number.NaN;
      }
    }
  }
  if (!Number.isFinite(ms)) throw new DataValidationError('unparsable date', location, value);
  return ms;
}

/**
 * The symbol option of a source that has no symbol column.
 *
 * @throws {@link DataValidationError} `missing column` when there is no option either.
 * @internal
 */
export function requireSymbolOption(symbol: SymbolId | string | undefined, file: string | undefined): SymbolId | string {
  if (symbol === undefined) {
    throw new DataValidationError('missing column (and no symbol option was given)', { file, column: 'symbol' });
  }
  return symbol;
}

/**
 * Throws unless `actual` is the `expected` symbol (when one is expected).
 *
 * @internal
 */
export function checkExpectedSymbol(
  actual: string,
  expected: SymbolId | string | undefined,
  location: { readonly file?: string; readonly row: number; readonly column: string },
): void {
  if (expected === undefined) return;
  const text = expected instanceof SymbolId ? expected.value : expected;
  if (actual !== text) throw new DataValidationError(`symbol differs from the expected ${text}`, location, actual);
}

type Fail = (reason: string, row: number | undefined, column: BarColumnName | undefined, value?: unknown) => never;

function failer(options: BarValidationOptions): Fail {
  const prefix = options.context === undefined ? '' : `${options.context}: `;
  return (reason, row, column, value) => {
    const name = column === undefined ? undefined : (options.columnNames?.[column] ?? column);
    throw new DataValidationError(`${prefix}${reason}`, { file: options.file, row, column: name }, value);
  };
}

function isFiniteNumber(value: number | undefined): value is number {
  return Number.isFinite(value);
}

function numericColumn(value: unknown, column: BarValueColumnName, fail: Fail): NumericColumn {
  if (value instanceof Float64Array || Array.isArray(value)) return value as NumericColumn;
  return fail('expected an array of numbers or a Float64Array', undefined, column, value);
}

function sameLength(values: NumericColumn, length: number, column: BarValueColumnName, fail: Fail): NumericColumn {
  if (values.length !== length) fail(`column has ${values.length} rows but timestamp has ${length}`, undefined, column, values.length);
  return values;
}

function symbolCodes(
  input: BarColumnsInput['symbol'],
  length: number,
  fail: Fail,
): { symbols: SymbolId[]; codes: Int32Array } {
  const codes = new Int32Array(length);
  if (typeof input === 'string' || input instanceof SymbolId) {
    return { symbols: length === 0 ? [] : [parseSymbol(input, 0, fail)], codes };
  }
  if (!Array.isArray(input)) return fail('expected a symbol or an array of symbols', undefined, 'symbol', input);
  if (input.length !== length) fail(`column has ${input.length} rows but timestamp has ${length}`, undefined, 'symbol', input.length);
  const symbols: SymbolId[] = [];
  const index = new Map<string, number>();
  let lastKey: string | undefined;
  let lastCode = 0;
  for (let row = 0; row < length; row++) {
    const raw: unknown = input[row];
    const key = raw instanceof SymbolId ? raw.value : raw;
    if (key !== lastKey || typeof key !== 'string') {
      if (typeof key !== 'string') return fail('expected a symbol', row, 'symbol', raw);
      let code = index.get(key);
      if (code === undefined) {
        code = symbols.length;
        symbols.push(parseSymbol(key, row, fail));
        index.set(key, code);
      }
      lastKey = key;
      lastCode = code;
    }
    codes[row] = lastCode;
  }
  return { symbols, codes };
}

function parseSymbol(raw: string | SymbolId, row: number, fail: Fail): SymbolId {
  try {
    return SymbolId.from(raw);
  } catch (error) {
    if (error instanceof InvalidSymbolError) return fail(`invalid symbol: ${error.message}`, row, 'symbol', raw);
    throw error;
  }
}

import type { FileMetaData } from 'hyparquet';
import { DataValidationError, InvalidArgumentError } from '../errors.js';
import type { DataLocation } from '../errors.js';
import { MS_PER_DAY } from '../time.js';
import { BAR_VALUE_COLUMN_NAMES } from './bar-columns.js';
import type { BarColumnsInput, BarValueColumnName } from './bar-columns.js';
import { BarFrame } from './bar-frame.js';
import type { BarSourceOptions } from './bar-frame.js';
import { checkExpectedSymbol, parseTimestampValue, requireSymbolOption, resolveBarColumnLayout } from './validate.js';

/**
 * Reads bars from a Parquet file's bytes with hyparquet (uncompressed or Snappy
 * pages; other codecs are not decoded). Columns are found as in
 * {@link BarFrame.fromArrow}: `symbol` (string, optional when `options.symbol` is
 * given), a time column `timestamp` / `datetime` / `date`, and numeric `open`, `high`,
 * `low`, `close`, `volume` (DOUBLE, FLOAT, INT32 or INT64), case-insensitive; other
 * columns are not read.
 *
 * The time column may be INT64 or DOUBLE epoch ms, a TIMESTAMP of any unit (read as
 * epoch ms UTC), a DATE (midnight UTC), or an ISO-8601 string. Rows are numbered in
 * file order from 0. Asynchronous because hyparquet's reader is.
 *
 * @throws {@link InvalidArgumentError} when `bytes` is not a `Uint8Array` or `ArrayBuffer`.
 * @throws {@link DataValidationError} when the bytes are not readable Parquet, a
 * column is missing, a value is null or unreadable, or the bars are invalid.
 */
export async function fromParquet(bytes: Uint8Array | ArrayBuffer, options: BarSourceOptions = {}): Promise<BarFrame> {
  const { file } = options;
  const buffer = toArrayBuffer(bytes);
  // hyparquet ships only as an ES module: load it when first needed, so that the
  // CommonJS build of this package loads without it.
  const { parquetMetadata, parquetRead, parquetSchema } = await import('hyparquet');
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(buffer);
  } catch (error) {
    throw new DataValidationError(`not readable as Parquet: ${messageOf(error)}`, { file }, buffer.byteLength);
  }
  const topLevel = parquetSchema(metadata).children.map((child) => child.element.name);
  const layout = resolveBarColumnLayout(topLevel, file);
  const rowCount = Number(metadata.num_rows);
  const nameAt = (index: number): string => topLevel[index] ?? '';
  const wanted = new Map<string, unknown[]>();
  for (const index of [...Object.values(layout.values), ...(layout.symbol === undefined ? [] : [layout.symbol])]) {
    wanted.set(nameAt(index), new Array<unknown>(rowCount));
  }
  try {
    await parquetRead({
      file: buffer,
      metadata,
      columns: [...wanted.keys()],
      parsers: {
        timestampFromMilliseconds: (millis: bigint) => Number(millis),
        timestampFromMicroseconds: (micros: bigint) => Number(micros) / 1_000,
        timestampFromNanoseconds: (nanos: bigint) => Number(nanos) / 1_000_000,
        dateFromDays: (days: number) => days * MS_PER_DAY,
      },
      onChunk: ({ columnName, columnData, rowStart }) => {
        const target = wanted.get(columnName);
        if (target === undefined) return;
        const values: ArrayLike<unknown> = columnData;
        for (let i = 0; i < values.length && rowStart + i < rowCount; i++) target[rowStart + i] = values[i];
      },
    });
  } catch (error) {
    throw new DataValidationError(`not readable as Parquet: ${messageOf(error)}`, { file }, buffer.byteLength);
  }

  const columnOf = (index: number): unknown[] => wanted.get(nameAt(index)) ?? [];
  const values = {} as Record<BarValueColumnName, Float64Array>;
  for (const name of BAR_VALUE_COLUMN_NAMES) {
    const raw = columnOf(layout.values[name]);
    const column = layout.names[name] ?? name;
    const out = new Float64Array(rowCount);
    for (let row = 0; row < rowCount; row++) {
      const location: DataLocation = { file, row, column };
      const value = raw[row];
      if (value === null || value === undefined) throw new DataValidationError('missing value', location, null);
      out[row] = name === 'timestamp' ? parseTimestampValue(value, location) : toNumber(value, location);
    }
    values[name] = out;
  }
  let symbol: BarColumnsInput['symbol'];
  if (layout.symbol === undefined) symbol = requireSymbolOption(options.symbol, file);
  else {
    const raw = columnOf(layout.symbol);
    const column = layout.names.symbol ?? 'symbol';
    const symbols = new Array<string>(rowCount);
    for (let row = 0; row < rowCount; row++) {
      const value = raw[row];
      if (typeof value !== 'string') {
        const missing = value === null || value === undefined;
        throw new DataValidationError(missing ? 'missing value' : 'expected a symbol', { file, row, column }, missing ? null : value);
      }
      checkExpectedSymbol(value, options.symbol, { file, row, column });
      symbols[row] = value;
    }
    symbol = symbols;
  }
  return BarFrame.fromArrays({ ...values, symbol }, { file, columnNames: layout.names });
}

function toArrayBuffer(bytes: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  if (bytes instanceof Uint8Array) {
    const { buffer, byteOffset, byteLength } = bytes;
    if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
    return bytes.slice().buffer as ArrayBuffer;
  }
  throw new InvalidArgumentError('bytes', bytes, 'a Uint8Array or ArrayBuffer');
}

function toNumber(value: unknown, location: DataLocation): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new DataValidationError('not a number', location, value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

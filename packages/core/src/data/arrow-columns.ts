import { DataType, Type } from 'apache-arrow';
import type { Table, Vector } from 'apache-arrow';
import { DataValidationError } from '../errors.js';
import type { SymbolId } from '../symbol-id.js';
import { BAR_VALUE_COLUMN_NAMES } from './bar-columns.js';
import type { BarValueColumnName, SourceBarColumns } from './bar-columns.js';
import { checkExpectedSymbol, parseTimestampValue, requireSymbolOption, resolveBarColumnLayout } from './validate.js';

/**
 * Reads the bar columns of an Arrow table (see `BarFrame.fromArrow` for the
 * accepted layout). Copies every column out of the table.
 *
 * @throws {@link DataValidationError} on a missing column, a null or an unreadable value.
 * @internal
 */
export function arrowToBarColumns(
  table: Table,
  options: { readonly file?: string; readonly symbol?: SymbolId | string },
): SourceBarColumns {
  const { file } = options;
  const layout = resolveBarColumnLayout(
    table.schema.fields.map((field) => field.name),
    file,
  );
  const column = (index: number): Vector => {
    const vector = table.getChildAt(index);
    if (vector === null) throw new DataValidationError('missing column', { file, column: table.schema.fields[index]?.name });
    return vector;
  };
  const values = {} as Record<BarValueColumnName, Float64Array>;
  for (const name of BAR_VALUE_COLUMN_NAMES) {
    const label = layout.names[name] ?? name;
    values[name] = readNumbers(column(layout.values[name]), { file, column: label }, name === 'timestamp');
  }
  const symbol =
    layout.symbol === undefined
      ? requireSymbolOption(options.symbol, file)
      : readSymbols(column(layout.symbol), { file, column: layout.names.symbol ?? 'symbol' }, options.symbol);
  return { columns: { ...values, symbol }, columnNames: layout.names };
}

function readSymbols(
  vector: Vector,
  location: { readonly file?: string; readonly column: string },
  expected: SymbolId | string | undefined,
): string[] {
  const out = new Array<string>(vector.length);
  const expectedText = expected === undefined ? undefined : typeof expected === 'string' ? expected : expected.value;
  let row = 0;
  for (const data of vector.data) {
    // Dictionary chunks: decode each dictionary once, then map the indices.
    const dictionary: Vector | undefined = DataType.isDictionary(data.type) ? data.dictionary : undefined;
    const words = dictionary === undefined ? undefined : Array.from({ length: dictionary.length }, (_, i): unknown => dictionary.get(i));
    const indices = data.values as ArrayLike<number>;
    const hasNulls = data.nullCount > 0;
    for (let i = 0; i < data.length; i++, row++) {
      const value: unknown =
        words === undefined ? vector.get(row) : hasNulls && !data.getValid(i) ? null : words[indices[i] ?? -1];
      if (typeof value !== 'string') throw new DataValidationError('expected a symbol', { ...location, row }, value);
      if (expectedText !== undefined && value !== expectedText) checkExpectedSymbol(value, expected, { ...location, row });
      out[row] = value;
    }
  }
  return out;
}

function readNumbers(vector: Vector, location: { readonly file?: string; readonly column: string }, isTime: boolean): Float64Array {
  if (vector.nullCount > 0) {
    for (let row = 0; row < vector.length; row++) {
      if (!vector.isValid(row)) throw new DataValidationError('missing value', { ...location, row }, null);
    }
  }
  if (vector.type.typeId === Type.Float) {
    const array: unknown = vector.toArray();
    if (array instanceof Float64Array) return array;
  }
  const out = new Float64Array(vector.length);
  for (let row = 0; row < vector.length; row++) {
    const value: unknown = vector.get(row);
    out[row] = isTime ? parseTimestampValue(value, { ...location, row }) : toNumber(value, { ...location, row });
  }
  return out;
}

function toNumber(value: unknown, location: { readonly file?: string; readonly row: number; readonly column: string }): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new DataValidationError('not a number', location, value);
}

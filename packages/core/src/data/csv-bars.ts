import { DataValidationError, InvalidArgumentError } from '../errors.js';
import type { DataLocation } from '../errors.js';
import type { SymbolId } from '../symbol-id.js';
import type { SourceBarColumns } from './bar-columns.js';
import { forEachCsvRecord } from './csv-parser.js';
import { checkExpectedSymbol, parseTimestampValue, requireSymbolOption, resolveBarColumnLayout } from './validate.js';
import type { BarColumnLayout } from './validate.js';

/** Options for reading bars from CSV text. */
export interface CsvReadOptions {
  /** File name reported in validation errors. */
  readonly file?: string;
  /**
   * The symbol of every row. Without a `symbol` column it fills the column; with one,
   * every row's symbol must equal it.
   */
  readonly symbol?: SymbolId | string;
  /**
   * The symbol of every row when the text has no `symbol` column and `symbol` is not
   * given (e.g. taken from the file name); never checked against a `symbol` column.
   */
  readonly defaultSymbol?: SymbolId | string;
}

/**
 * Reads CSV text into bar columns in source row order, not yet validated against
 * the bar rules (see `BarFrame.fromCsv` for the format). Every cell is trimmed.
 *
 * @throws {@link DataValidationError} on malformed CSV, a missing column, a row with
 * the wrong number of fields, an empty or non-numeric cell, or an unparsable date.
 * @internal
 */
export function parseCsvBars(text: string, options: CsvReadOptions = {}): SourceBarColumns {
  if (typeof text !== 'string') throw new InvalidArgumentError('text', text, 'CSV text');
  const { file } = options;
  let layout: BarColumnLayout | undefined;
  let width = 0;
  const timestamp: number[] = [];
  const open: number[] = [];
  const high: number[] = [];
  const low: number[] = [];
  const close: number[] = [];
  const volume: number[] = [];
  const symbols: string[] = [];
  forEachCsvRecord(
    text,
    (fields, index) => {
      if (layout === undefined) {
        layout = resolveBarColumnLayout(fields, file);
        width = fields.length;
        return;
      }
      const row = index - 1;
      if (fields.length !== width) {
        throw new DataValidationError(`row has ${fields.length} fields but the header has ${width}`, { file, row }, fields.join(','));
      }
      const { values, names } = layout;
      const at = (column: keyof typeof values): DataLocation => ({ file, row, column: names[column] ?? column });
      timestamp.push(parseTimestampValue(fields[values.timestamp] ?? '', at('timestamp')));
      open.push(parseNumberCell(fields[values.open] ?? '', at('open')));
      high.push(parseNumberCell(fields[values.high] ?? '', at('high')));
      low.push(parseNumberCell(fields[values.low] ?? '', at('low')));
      close.push(parseNumberCell(fields[values.close] ?? '', at('close')));
      volume.push(parseNumberCell(fields[values.volume] ?? '', at('volume')));
      if (layout.symbol !== undefined) {
        const column = names.symbol ?? 'symbol';
        const cell = (fields[layout.symbol] ?? '').trim();
        if (cell === '') throw new DataValidationError('missing value', { file, row, column }, cell);
        checkExpectedSymbol(cell, options.symbol, { file, row, column });
        symbols.push(cell);
      }
    },
    file,
  );
  const found = layout as BarColumnLayout | undefined;
  if (found === undefined) throw new DataValidationError('no header row', { file }, text.slice(0, 40));
  const symbol = found.symbol === undefined ? requireSymbolOption(options.symbol ?? options.defaultSymbol, file) : symbols;
  return { columns: { symbol, timestamp, open, high, low, close, volume }, columnNames: found.names };
}

function parseNumberCell(cell: string, location: DataLocation): number {
  const text = cell.trim();
  if (text === '') throw new DataValidationError('missing value', location, cell);
  const value = Number(text);
  if (Number.isNaN(value)) throw new DataValidationError('not a number', location, cell);
  return value;
}

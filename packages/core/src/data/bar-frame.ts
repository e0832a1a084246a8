import { Dictionary, Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, vectorFromArray } from 'apache-arrow';
import { InvalidArgumentError } from '../errors.js';
import { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';
import { arrowToBarColumns } from './arrow-columns.js';
import type { BarColumnName, BarColumnsInput, BarSeriesInput } from './bar-columns.js';
import { parseCsvBars } from './csv-bars.js';
import type { CsvReadOptions } from './csv-bars.js';
import { checkBarColumns } from './validate.js';
import type { CheckedBarColumns } from './validate.js';

/**
 * The bars of one symbol inside a {@link BarFrame}. Every column is a `Float64Array`
 * VIEW (a `subarray`) over the frame's one contiguous column buffer: nothing is
 * copied, and the arrays must be treated as read-only (typed arrays cannot be frozen;
 * writing into them would change the frame).
 */
export interface BarSeries {
  /** The symbol. */
  readonly symbol: SymbolId;
  /** Number of bars. */
  readonly length: number;
  /** Bar times in epoch ms (UTC), strictly increasing. */
  readonly timestamp: Float64Array;
  /** Open prices. */
  readonly open: Float64Array;
  /** High prices. */
  readonly high: Float64Array;
  /** Low prices. */
  readonly low: Float64Array;
  /** Close prices. */
  readonly close: Float64Array;
  /** Volumes. */
  readonly volume: Float64Array;
}

/** Which part of a {@link BarFrame} {@link BarFrame.select} keeps. */
export interface BarFrameSelection {
  /** Symbols to keep (all when omitted). Each must be in the frame. */
  readonly symbols?: readonly (SymbolId | string)[];
  /** First time kept, epoch ms, inclusive (no lower bound when omitted). */
  readonly start?: EpochMs;
  /** Last time kept, epoch ms, inclusive (no upper bound when omitted). */
  readonly end?: EpochMs;
}

/** Options of the frame builders that read a source. */
export interface BarSourceOptions {
  /** File or source name, reported in validation errors. */
  readonly file?: string;
  /**
   * The symbol of every row, for a source without a `symbol` column. When the source
   * has one, every row's symbol must equal this one.
   */
  readonly symbol?: SymbolId | string;
}

/** The grouped columns a frame is made of. */
interface FrameParts {
  /** Symbols in frame order (sorted by `value`). */
  readonly symbols: readonly SymbolId[];
  /** Row offset of each symbol's first bar, plus the total at the end (length symbols + 1). */
  readonly offsets: readonly number[];
  readonly timestamp: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

type ValueColumns = Pick<FrameParts, 'timestamp' | 'open' | 'high' | 'low' | 'close' | 'volume'>;

const VALUE_KEYS = ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;

/**
 * An immutable columnar frame of OHLCV bars of one or many symbols, backed by an
 * Apache Arrow `Table` with the columns `symbol` (`Dictionary<Int32, Utf8>`),
 * `timestamp` (`Float64`, epoch ms UTC), `open`, `high`, `low`, `close`, `volume`
 * (`Float64`).
 *
 * Row order: by symbol, with symbols sorted by their canonical text in UTF-16
 * code-unit order (`"AAPL" < "MSFT" < "SYM10" < "SYM2"`; locale-independent, so
 * deterministic), then by timestamp. Each symbol's rows are therefore contiguous,
 * and each numeric column is ONE contiguous `Float64Array` (chunks are combined and
 * data copied when the frame is built), so {@link BarFrame.series} hands out
 * zero-copy views. Only symbols that have at least one bar are in a frame.
 *
 * Every builder validates its input first (see {@link validateBarColumns}): a frame
 * that exists holds only valid bars.
 */
export class BarFrame {
  /** The symbols of the frame, in row order (sorted by their canonical text). */
  readonly symbols: readonly SymbolId[];
  /** Total number of bars (rows) over all symbols. */
  readonly length: number;

  private readonly table: Table;
  private readonly parts: FrameParts;
  private readonly positions: ReadonlyMap<string, number>;
  private readonly seriesCache: (BarSeries | undefined)[];
  private timeUnion: Float64Array | undefined;

  private constructor(parts: FrameParts) {
    this.parts = parts;
    this.symbols = Object.freeze([...parts.symbols]);
    this.length = parts.timestamp.length;
    this.positions = new Map(parts.symbols.map((symbol, index) => [symbol.value, index]));
    this.seriesCache = new Array<BarSeries | undefined>(parts.symbols.length).fill(undefined);
    this.table = buildTable(parts);
  }

  /**
   * Builds a frame from columns (see {@link BarColumnsInput}): number arrays or
   * `Float64Array`s, and one symbol for all rows or one per row. Rows of different
   * symbols may interleave; they are grouped (stably) by symbol. The input is copied.
   *
   * @param options - `file` names the source in errors; `columnNames` maps canonical
   * column names to the source's own, for error messages
   * @throws {@link DataValidationError} when a rule of {@link validateBarColumns} fails
   * (row numbers are positions in the input arrays).
   */
  static fromArrays(
    columns: BarColumnsInput,
    options: { readonly file?: string; readonly columnNames?: Readonly<Partial<Record<BarColumnName, string>>> } = {},
  ): BarFrame {
    const checked = checkBarColumns(columns, options);
    return new BarFrame(groupRows(columns, checked));
  }

  /**
   * Builds a frame from one series per symbol (a `Map` or a plain object keyed by
   * symbol text). Each series is validated on its own: errors name the symbol in
   * their reason, and rows are positions within that series. A series with no bars
   * adds no symbol. The input is copied.
   *
   * @throws {@link InvalidArgumentError} when two keys denote the same symbol.
   * @throws {@link DataValidationError} when a series breaks a rule of {@link validateBarColumns}.
   */
  static fromSeries(
    series: ReadonlyMap<SymbolId | string, BarSeriesInput> | Readonly<Record<string, BarSeriesInput>>,
    options: { readonly file?: string } = {},
  ): BarFrame {
    const entries: [SymbolId | string, BarSeriesInput][] =
      series instanceof Map ? [...series.entries()] : Object.entries(series as Readonly<Record<string, BarSeriesInput>>);
    const blocks: { symbol: SymbolId; columns: BarSeriesInput }[] = [];
    const seen = new Set<string>();
    for (const [key, columns] of entries) {
      const checked = checkBarColumns(
        { ...columns, symbol: key },
        { file: options.file, context: `symbol ${key instanceof SymbolId ? key.value : String(key)}` },
      );
      const symbol = SymbolId.from(key);
      if (seen.has(symbol.value)) throw new InvalidArgumentError('series', symbol.value, 'each symbol once');
      seen.add(symbol.value);
      if (checked.length > 0) blocks.push({ symbol, columns });
    }
    return new BarFrame(concatBlocks(blocks));
  }

  /**
   * Builds a frame from an Arrow table with columns `symbol` (`Utf8` or
   * `Dictionary<_, Utf8>`; optional when `options.symbol` is given), a time column
   * (`timestamp`, `datetime` or `date`: any numeric, `Timestamp`, `Date` or ISO-string
   * type, read as epoch ms UTC) and numeric `open`, `high`, `low`, `close`, `volume`.
   * Names are matched case-insensitively; other columns are ignored; rows may be in
   * any symbol order. The data are copied into one contiguous buffer per column.
   *
   * @throws {@link DataValidationError} on a missing column, a null, an unreadable
   * value or a rule of {@link validateBarColumns}.
   */
  static fromArrow(table: Table, options: BarSourceOptions = {}): BarFrame {
    const { columns, columnNames } = arrowToBarColumns(table, options);
    return BarFrame.fromArrays(columns, { file: options.file, columnNames });
  }

  /**
   * Builds a frame from CSV text: a header row with `date` or `timestamp` (also
   * `datetime`), `open`, `high`, `low`, `close`, `volume` and an optional `symbol`
   * column, matched case-insensitively; other columns are ignored. Times are ISO-8601
   * dates or date-times (UTC unless an offset is given) or epoch-ms numbers. Quoted
   * fields (RFC 4180), LF or CRLF line ends, a UTF-8 BOM and blank lines are accepted;
   * rows are numbered from 0 after the header, blank lines not counted.
   *
   * @throws {@link DataValidationError} naming file, row, column and value.
   */
  static fromCsv(text: string, options: CsvReadOptions = {}): BarFrame {
    const { columns, columnNames } = parseCsvBars(text, options);
    return BarFrame.fromArrays(columns, { file: options.file, columnNames });
  }

  /**
   * Combines frames with distinct symbols into one (data copied).
   *
   * @throws {@link InvalidArgumentError} when a symbol is in more than one frame.
   */
  static concat(frames: readonly BarFrame[]): BarFrame {
    const blocks: { symbol: SymbolId; columns: BarSeriesInput }[] = [];
    const seen = new Set<string>();
    for (const frame of frames) {
      for (const symbol of frame.symbols) {
        if (seen.has(symbol.value)) throw new InvalidArgumentError('frames', symbol.value, 'frames with distinct symbols');
        seen.add(symbol.value);
        blocks.push({ symbol, columns: frame.series(symbol) });
      }
    }
    return new BarFrame(concatBlocks(blocks));
  }

  /** True when the frame has bars of `symbol`. */
  has(symbol: SymbolId | string): boolean {
    return this.positions.has(symbol instanceof SymbolId ? symbol.value : symbol);
  }

  /**
   * The bars of one symbol as zero-copy `Float64Array` views over the frame's
   * columns (the same object on every call).
   *
   * @throws {@link InvalidArgumentError} when the frame has no bars of `symbol`.
   */
  series(symbol: SymbolId | string): BarSeries {
    const key = symbol instanceof SymbolId ? symbol.value : symbol;
    const position = this.positions.get(key);
    if (position === undefined) throw new InvalidArgumentError('symbol', key, `one of the frame's symbols (${this.describeSymbols()})`);
    const cached = this.seriesCache[position];
    if (cached !== undefined) return cached;
    const { parts } = this;
    const start = parts.offsets[position] ?? 0;
    const end = parts.offsets[position + 1] ?? start;
    const made: BarSeries = Object.freeze({
      symbol: parts.symbols[position] ?? SymbolId.from(key),
      length: end - start,
      timestamp: parts.timestamp.subarray(start, end),
      open: parts.open.subarray(start, end),
      high: parts.high.subarray(start, end),
      low: parts.low.subarray(start, end),
      close: parts.close.subarray(start, end),
      volume: parts.volume.subarray(start, end),
    });
    this.seriesCache[position] = made;
    return made;
  }

  /**
   * The sorted union of every symbol's timestamps (each time once): the time axis on
   * which multi-symbol slices are aligned. Computed once and cached; read-only.
   */
  timestamps(): Float64Array {
    if (this.timeUnion === undefined) this.timeUnion = this.computeTimeUnion();
    return this.timeUnion;
  }

  /**
   * A frame with only the chosen symbols and the bars with `start ≤ timestamp ≤ end`
   * (both inclusive). Symbols left with no bars are dropped. Returns this frame when
   * nothing is removed.
   *
   * @throws {@link InvalidArgumentError} on a symbol that is not in the frame, a
   * bound that is not a number, or `start > end`.
   */
  select(selection: BarFrameSelection): BarFrame {
    const start = selection.start ?? -Infinity;
    const end = selection.end ?? Infinity;
    if (typeof start !== 'number' || Number.isNaN(start)) throw new InvalidArgumentError('start', start, 'epoch ms');
    if (typeof end !== 'number' || Number.isNaN(end)) throw new InvalidArgumentError('end', end, 'epoch ms');
    if (start > end) throw new InvalidArgumentError('end', end, `a time at or after start ${start}`);
    const wanted = selection.symbols === undefined ? this.symbols : this.resolveSymbols(selection.symbols);
    const blocks: { symbol: SymbolId; columns: BarSeriesInput }[] = [];
    let kept = 0;
    for (const symbol of wanted) {
      const series = this.series(symbol);
      const from = lowerBound(series.timestamp, start);
      const to = upperBound(series.timestamp, end);
      if (to <= from) continue;
      kept += to - from;
      blocks.push({ symbol, columns: sliceSeries(series, from, to) });
    }
    if (kept === this.length && blocks.length === this.symbols.length) return this;
    return new BarFrame(concatBlocks(blocks));
  }

  /**
   * The backing Arrow table (columns as documented on {@link BarFrame}). Its
   * `Float64` columns are single chunks whose buffers are the ones
   * {@link BarFrame.series} views; treat them as read-only.
   */
  toArrow(): Table {
    return this.table;
  }

  /**
   * The frame as Arrow IPC bytes in the FILE format (`ARROW1` magic, random access;
   * readable by {@link fromArrowIpc}, pyarrow's `ipc.open_file`, etc.). The symbol
   * dictionary has the fixed id 0, so equal frames give byte-identical output.
   */
  toIpc(): Uint8Array {
    return tableToIPC(this.table, 'file');
  }

  private resolveSymbols(symbols: readonly (SymbolId | string)[]): SymbolId[] {
    const unique = new Map<string, SymbolId>();
    for (const symbol of symbols) {
      const key = symbol instanceof SymbolId ? symbol.value : symbol;
      const position = this.positions.get(key);
      const known = position === undefined ? undefined : this.symbols[position];
      if (known === undefined) throw new InvalidArgumentError('symbols', key, `one of the frame's symbols (${this.describeSymbols()})`);
      unique.set(key, known);
    }
    return [...unique.values()].sort((a, b) => compareText(a.value, b.value));
  }

  private describeSymbols(): string {
    const shown = this.symbols.slice(0, 10).map((symbol) => symbol.value);
    if (shown.length === 0) return 'none';
    return this.symbols.length > 10 ? `${shown.join(', ')}, …` : shown.join(', ');
  }

  private computeTimeUnion(): Float64Array {
    const { timestamp, offsets } = this.parts;
    if (this.symbols.length <= 1) return timestamp.slice();
    const first = timestamp.subarray(0, offsets[1] ?? 0);
    let allEqual = true;
    for (let s = 1; s < this.symbols.length && allEqual; s++) {
      const from = offsets[s] ?? 0;
      const to = offsets[s + 1] ?? from;
      if (to - from !== first.length) allEqual = false;
      for (let i = 0; allEqual && i < first.length; i++) if (timestamp[from + i] !== first[i]) allEqual = false;
    }
    if (allEqual) return first.slice();
    const sorted = timestamp.slice().sort();
    let unique = 0;
    for (let i = 0; i < sorted.length; i++) {
      const value = sorted[i] ?? 0;
      if (unique === 0 || value !== sorted[unique - 1]) sorted[unique++] = value;
    }
    return sorted.slice(0, unique);
  }
}

/** Orders strings by UTF-16 code units (locale-independent). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Groups validated rows by symbol (sorted), keeping each symbol's source order. */
function groupRows(columns: BarColumnsInput, checked: CheckedBarColumns): FrameParts {
  const { symbols, codes, length } = checked;
  const order = symbols.map((_, code) => code).sort((a, b) => compareText(symbols[a]?.value ?? '', symbols[b]?.value ?? ''));
  const rank = new Int32Array(symbols.length);
  order.forEach((code, position) => {
    rank[code] = position;
  });
  const counts = new Float64Array(symbols.length);
  for (let row = 0; row < length; row++) {
    const code = codes[row] ?? 0;
    counts[code] = (counts[code] ?? 0) + 1;
  }
  const offsets = [0];
  for (let position = 0; position < order.length; position++) {
    offsets.push((offsets[position] ?? 0) + (counts[order[position] ?? 0] ?? 0));
  }
  const out = allocateColumns(length);
  let alreadyGrouped = true;
  for (let row = 1; row < length && alreadyGrouped; row++) {
    if ((rank[codes[row] ?? 0] ?? 0) < (rank[codes[row - 1] ?? 0] ?? 0)) alreadyGrouped = false;
  }
  for (const key of VALUE_KEYS) {
    const source = columns[key];
    const target = out[key];
    if (alreadyGrouped) {
      target.set(source);
      continue;
    }
    const cursor = offsets.slice(0, order.length);
    for (let row = 0; row < length; row++) {
      const position = rank[codes[row] ?? 0] ?? 0;
      const at = cursor[position] ?? 0;
      target[at] = source[row] ?? Number.NaN;
      cursor[position] = at + 1;
    }
  }
  const ordered = order.map((code) => symbols[code]).filter((symbol): symbol is SymbolId => symbol !== undefined);
  return { symbols: ordered, offsets, ...out };
}

/** Lays one block per symbol end to end, symbols sorted. */
function concatBlocks(blocks: readonly { symbol: SymbolId; columns: BarSeriesInput }[]): FrameParts {
  const sorted = [...blocks].sort((a, b) => compareText(a.symbol.value, b.symbol.value));
  const offsets = [0];
  for (const block of sorted) offsets.push((offsets[offsets.length - 1] ?? 0) + block.columns.timestamp.length);
  const out = allocateColumns(offsets[offsets.length - 1] ?? 0);
  sorted.forEach((block, position) => {
    const at = offsets[position] ?? 0;
    for (const key of VALUE_KEYS) out[key].set(block.columns[key], at);
  });
  return { symbols: sorted.map((block) => block.symbol), offsets, ...out };
}

function allocateColumns(length: number): ValueColumns {
  return {
    timestamp: new Float64Array(length),
    open: new Float64Array(length),
    high: new Float64Array(length),
    low: new Float64Array(length),
    close: new Float64Array(length),
    volume: new Float64Array(length),
  };
}

function sliceSeries(series: BarSeries, from: number, to: number): BarSeriesInput {
  return {
    timestamp: series.timestamp.subarray(from, to),
    open: series.open.subarray(from, to),
    high: series.high.subarray(from, to),
    low: series.low.subarray(from, to),
    close: series.close.subarray(from, to),
    volume: series.volume.subarray(from, to),
  };
}

/** First index whose value is ≥ `bound` (values sorted ascending). */
function lowerBound(values: Float64Array, bound: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? 0) < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > `bound` (values sorted ascending). */
function upperBound(values: Float64Array, bound: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? 0) <= bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The Arrow table over the frame's own buffers (no copy of the value columns). */
function buildTable(parts: FrameParts): Table {
  const length = parts.timestamp.length;
  const indices = new Int32Array(length);
  for (let position = 0; position < parts.symbols.length; position++) {
    indices.fill(position, parts.offsets[position] ?? 0, parts.offsets[position + 1] ?? 0);
  }
  const dictionary = vectorFromArray(
    parts.symbols.map((symbol) => symbol.value),
    new Utf8(),
  );
  // A fixed dictionary id (0): arrow-js would otherwise draw one from a global
  // counter, and equal frames would not give equal IPC bytes.
  const symbol = makeVector(
    makeData({ type: new Dictionary(new Utf8(), new Int32(), 0, false), length, nullCount: 0, data: indices, dictionary }),
  );
  const float = (values: Float64Array) => makeVector(makeData({ type: new Float64(), length, nullCount: 0, data: values }));
  return new Table({
    symbol,
    timestamp: float(parts.timestamp),
    open: float(parts.open),
    high: float(parts.high),
    low: float(parts.low),
    close: float(parts.close),
    volume: float(parts.volume),
  });
}

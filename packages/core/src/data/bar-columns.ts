import type { SymbolId } from '../symbol-id.js';

/** A column of numbers as accepted on input: a plain array or a `Float64Array`. */
export type NumericColumn = readonly number[] | Float64Array;

/**
 * The six value columns of one symbol's OHLCV bars, in input form. Row `i` of every
 * column is one bar. `timestamp` is epoch ms UTC (the bar's time); prices are in the
 * quote currency; volume is in units of the instrument.
 */
export interface BarSeriesInput {
  /** Bar times in epoch ms (UTC), strictly increasing within one symbol. */
  readonly timestamp: NumericColumn;
  /** First traded price of each bar (> 0). */
  readonly open: NumericColumn;
  /** Highest traded price of each bar (≥ max(open, close)). */
  readonly high: NumericColumn;
  /** Lowest traded price of each bar (≤ min(open, close), > 0). */
  readonly low: NumericColumn;
  /** Last traded price of each bar (> 0). */
  readonly close: NumericColumn;
  /** Traded volume of each bar (≥ 0). */
  readonly volume: NumericColumn;
}

/**
 * OHLCV bars of one or many symbols, in input form (see {@link BarSeriesInput}).
 * `symbol` is one symbol for every row, or one symbol per row. Rows of different
 * symbols may be interleaved (e.g. a long table sorted by date), but each symbol's
 * own rows must be in strictly increasing time order.
 */
export interface BarColumnsInput extends BarSeriesInput {
  /** The symbol of every row, or of each row. */
  readonly symbol: string | SymbolId | readonly (string | SymbolId)[];
}

/** Names of the columns of a bar table, in their canonical order. */
export const BAR_COLUMN_NAMES = ['symbol', 'timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;

/** One of {@link BAR_COLUMN_NAMES}. */
export type BarColumnName = (typeof BAR_COLUMN_NAMES)[number];

/** The numeric columns of a bar table (every column but `symbol`), in canonical order. */
export const BAR_VALUE_COLUMN_NAMES = ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;

/** One of {@link BAR_VALUE_COLUMN_NAMES}. */
export type BarValueColumnName = (typeof BAR_VALUE_COLUMN_NAMES)[number];

/**
 * Bar columns read out of some source, with the source's own column names for
 * error messages.
 *
 * @internal
 */
export interface SourceBarColumns {
  /** The columns, in source row order, not yet validated. */
  readonly columns: BarColumnsInput;
  /** The source's name of each column found. */
  readonly columnNames: Readonly<Partial<Record<BarColumnName, string>>>;
}

import type { MarketHistory } from '../backtest/run-context.js';
import { InvalidArgumentError } from '../errors.js';
import type { BarField } from '../framework/context.js';
import type { Slice } from '../framework/slice.js';
import type { BarView } from '../orders/bar.js';
import type { SymbolId } from '../symbol-id.js';

const FIELDS = ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;

/** A bar view rewritten in place with each symbol's latest bar. */
class LastBar implements BarView {
  time = 0;
  open = 0;
  high = 0;
  low = 0;
  close = 0;
  volume = 0;
}

/** Growable columns of one symbol's bars, trimmed to the most recent `limit` rows. */
class SymbolColumns {
  readonly columns: Record<BarField, Float64Array>;
  start = 0;
  length = 0;
  readonly last = new LastBar();

  constructor(capacity: number) {
    this.columns = {
      timestamp: new Float64Array(capacity),
      open: new Float64Array(capacity),
      high: new Float64Array(capacity),
      low: new Float64Array(capacity),
      close: new Float64Array(capacity),
      volume: new Float64Array(capacity),
    };
  }

  push(bar: BarView, limit: number): void {
    let capacity = this.columns.timestamp.length;
    if (this.start + this.length === capacity) {
      if (this.length >= limit) {
        // Keep the newest `limit - 1` rows at the front, then append.
        const keep = limit - 1;
        const from = this.start + this.length - keep;
        for (const field of FIELDS) this.columns[field].copyWithin(0, from, this.start + this.length);
        this.start = 0;
        this.length = keep;
      } else {
        capacity = Math.min(Math.max(16, capacity * 2), 2 * limit);
        for (const field of FIELDS) {
          const grown = new Float64Array(capacity);
          grown.set(this.columns[field].subarray(this.start, this.start + this.length));
          this.columns[field] = grown;
        }
        this.start = 0;
      }
    } else if (this.length >= limit) {
      this.start += 1;
      this.length -= 1;
    }
    const row = this.start + this.length;
    const c = this.columns;
    c.timestamp[row] = bar.time;
    c.open[row] = bar.open;
    c.high[row] = bar.high;
    c.low[row] = bar.low;
    c.close[row] = bar.close;
    c.volume[row] = bar.volume;
    this.length += 1;
    const last = this.last;
    last.time = bar.time;
    last.open = bar.open;
    last.high = bar.high;
    last.low = bar.low;
    last.close = bar.close;
    last.volume = bar.volume;
  }
}

/**
 * The bars a paper session has seen, per symbol, for the models' context: last
 * price, last bar and history windows, with the same answers as the backtester's
 * slice feed gives over the same bars (history ends at the current bar and is a
 * copy). Memory is bounded: each symbol keeps its most recent `limit` bars, so a
 * model asking for more than `limit` gets `limit` (a backtest would give more).
 */
export class BarHistory implements MarketHistory {
  /** Every symbol of the feed, in data order. */
  readonly symbolList: readonly SymbolId[];
  /** Bars kept per symbol. */
  readonly limit: number;
  private readonly bySymbol = new Map<SymbolId, SymbolColumns>();

  /**
   * @param symbols - the feed's symbols, in data order
   * @param limit - bars kept per symbol, an integer ≥ 1 (default 100 000)
   * @throws {@link InvalidArgumentError} on a bad limit
   */
  constructor(symbols: readonly SymbolId[], limit = 100_000) {
    if (!(Number.isInteger(limit) && limit >= 1)) throw new InvalidArgumentError('historyLength', limit, 'an integer ≥ 1');
    this.symbolList = [...symbols];
    this.limit = limit;
    for (const symbol of this.symbolList) this.bySymbol.set(symbol, new SymbolColumns(16));
  }

  /**
   * Appends the bars of a slice (the session calls it once per slice, first).
   *
   * @throws {@link InvalidArgumentError} when the slice carries a symbol the feed did not declare.
   */
  append(slice: Slice): void {
    for (const symbol of slice.symbols) {
      const columns = this.bySymbol.get(symbol);
      if (columns === undefined) throw new InvalidArgumentError('slice.symbols', symbol.value, 'a symbol of the feed');
      const bar = slice.bar(symbol);
      if (bar !== undefined) columns.push(bar, this.limit);
    }
  }

  /** Last close of `symbol`, or `undefined` before its first bar. */
  price(symbol: SymbolId): number | undefined {
    const c = this.bySymbol.get(symbol);
    return c === undefined || c.length === 0 ? undefined : c.last.close;
  }

  /** Last bar of `symbol` (a reused view), or `undefined` before its first bar. */
  lastBar(symbol: SymbolId): BarView | undefined {
    const c = this.bySymbol.get(symbol);
    return c === undefined || c.length === 0 ? undefined : c.last;
  }

  /**
   * The last `n` values of `field` for `symbol`, oldest first, as a copy.
   *
   * @throws {@link InvalidArgumentError} on a negative or fractional `n`, or a symbol not in the feed.
   */
  history(symbol: SymbolId, field: BarField, n: number): Float64Array {
    if (!(Number.isInteger(n) && n >= 0)) throw new InvalidArgumentError('n', n, 'a non-negative integer');
    const c = this.bySymbol.get(symbol);
    if (c === undefined) throw new InvalidArgumentError('symbol', symbol.value, 'a symbol of the data feed');
    const end = c.start + c.length;
    return c.columns[field].slice(Math.max(c.start, end - n), end);
  }
}

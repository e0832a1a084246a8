import { InvalidArgumentError } from '../errors.js';
import type { BarField, Slice } from '../framework/index.js';
import type { BarView } from '../orders/bar.js';
import type { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';
import type { BarRecord } from './events.js';
import type { MarketSource } from './event-log.js';

/** Columns of one symbol's bars, oldest first (a `BarFrame` series satisfies it). */
export interface BarColumns {
  /** Bar times, epoch ms, strictly increasing. */
  readonly timestamp: Float64Array;
  /** Opens. */
  readonly open: Float64Array;
  /** Highs. */
  readonly high: Float64Array;
  /** Lows. */
  readonly low: Float64Array;
  /** Closes. */
  readonly close: Float64Array;
  /** Volumes. */
  readonly volume: Float64Array;
}

/** Bar data by symbol: what a backtest runs on. `BarFrame` satisfies it. */
export interface BarSource {
  /** The symbols, in a deterministic order. */
  readonly symbols: readonly SymbolId[];
  /** The columns of one symbol. */
  series(symbol: SymbolId): BarColumns;
}

/** A bar view the feed rewrites in place for each slice. */
class MutableBar implements BarView {
  time = 0;
  open = 0;
  high = 0;
  low = 0;
  close = 0;
  volume = 0;
}

/**
 * Walks multi-symbol bar data one timestamp at a time (the sorted union of all
 * symbols' timestamps). A symbol with no bar at a timestamp is absent from that
 * slice and keeps its last price. One slice object and one bar view per symbol
 * are reused for the whole run.
 */
export class SliceFeed implements MarketSource, Slice {
  /** Symbols in data order. */
  readonly symbolList: readonly SymbolId[];
  /** The sorted union of timestamps: one slice each. */
  readonly times: Float64Array;
  /** Total number of bars over all symbols. */
  readonly barCount: number;
  /**
   * Symbols with a bar in the current slice: the full symbol list itself when every
   * symbol has one (no allocation on aligned data), otherwise a new array.
   */
  symbols: readonly SymbolId[] = [];
  /** Time of the current slice. */
  time: EpochMs = Number.NaN;
  /** Index of the current slice, −1 before the first. */
  index = -1;

  private readonly columns: BarColumns[];
  private readonly indexOf = new Map<SymbolId, number>();
  private readonly cursor: Int32Array;
  private readonly lastRow: Int32Array;
  private readonly stamp: Int32Array;
  private readonly views: MutableBar[];
  private readonly lastViews: MutableBar[];

  /** @param source - the bar data; every symbol's timestamps must be strictly increasing */
  constructor(source: BarSource) {
    this.symbolList = [...source.symbols];
    this.columns = this.symbolList.map((symbol) => source.series(symbol));
    this.symbolList.forEach((symbol, i) => this.indexOf.set(symbol, i));
    const n = this.symbolList.length;
    this.cursor = new Int32Array(n);
    this.lastRow = new Int32Array(n).fill(-1);
    this.stamp = new Int32Array(n).fill(-1);
    this.views = this.symbolList.map(() => new MutableBar());
    this.lastViews = this.symbolList.map(() => new MutableBar());
    let total = 0;
    for (const c of this.columns) total += c.timestamp.length;
    this.barCount = total;
    this.times = unionOfTimes(this.columns, total);
  }

  /** Number of slices. */
  get length(): number {
    return this.times.length;
  }

  /** Moves to slice `index` (called in order, from 0). */
  advance(index: number): void {
    const time = this.times[index] ?? Number.NaN;
    this.index = index;
    this.time = time;
    let present = 0;
    for (let s = 0; s < this.columns.length; s += 1) {
      const c = this.columns[s] as BarColumns;
      const row = this.cursor[s] as number;
      if (row >= c.timestamp.length || c.timestamp[row] !== time) continue;
      const view = this.views[s] as MutableBar;
      view.time = time;
      view.open = c.open[row] as number;
      view.high = c.high[row] as number;
      view.low = c.low[row] as number;
      view.close = c.close[row] as number;
      view.volume = c.volume[row] as number;
      this.stamp[s] = index;
      this.lastRow[s] = row;
      this.cursor[s] = row + 1;
      present += 1;
    }
    this.symbols = present === this.columns.length ? this.symbolList : this.presentSymbols(present);
  }

  /** The symbols with a bar in the current slice (a loop, not a closure: `advance` runs for every slice). */
  private presentSymbols(present: number): SymbolId[] {
    const out = new Array<SymbolId>(present);
    let k = 0;
    for (let s = 0; s < this.columns.length; s += 1) if (this.stamp[s] === this.index) out[k++] = this.symbolList[s] as SymbolId;
    return out;
  }

  /** Index of `symbol` in the data, or −1. */
  symbolIndex(symbol: SymbolId): number {
    return this.indexOf.get(symbol) ?? -1;
  }

  /** The current slice's bar of `symbol`, or `undefined`. */
  bar(symbol: SymbolId): BarView | undefined {
    const s = this.indexOf.get(symbol);
    return s !== undefined && this.stamp[s] === this.index ? this.views[s] : undefined;
  }

  /** The current slice's bar of the symbol at data index `s`, or `undefined`. */
  barAt(s: number): BarView | undefined {
    return this.stamp[s] === this.index ? this.views[s] : undefined;
  }

  /** True when `symbol` has a bar in the current slice. */
  has(symbol: SymbolId): boolean {
    const s = this.indexOf.get(symbol);
    return s !== undefined && this.stamp[s] === this.index;
  }

  /** Last close of `symbol` at or before the current slice. */
  price(symbol: SymbolId): number | undefined {
    const s = this.indexOf.get(symbol);
    if (s === undefined) return undefined;
    const row = this.lastRow[s] as number;
    return row < 0 ? undefined : (this.columns[s] as BarColumns).close[row];
  }

  /** Last bar of `symbol` at or before the current slice (a reused view). */
  lastBar(symbol: SymbolId): BarView | undefined {
    const s = this.indexOf.get(symbol);
    if (s === undefined) return undefined;
    if (this.stamp[s] === this.index) return this.views[s];
    const row = this.lastRow[s] as number;
    if (row < 0) return undefined;
    const c = this.columns[s] as BarColumns;
    const view = this.lastViews[s] as MutableBar;
    view.time = c.timestamp[row] as number;
    view.open = c.open[row] as number;
    view.high = c.high[row] as number;
    view.low = c.low[row] as number;
    view.close = c.close[row] as number;
    view.volume = c.volume[row] as number;
    return view;
  }

  /**
   * The last `n` values of `field` up to the current slice, as a copy: data after
   * the current bar is unreachable through the result.
   */
  history(symbol: SymbolId, field: BarField, n: number): Float64Array {
    if (!(Number.isInteger(n) && n >= 0)) throw new InvalidArgumentError('n', n, 'a non-negative integer');
    const s = this.indexOf.get(symbol);
    if (s === undefined) throw new InvalidArgumentError('symbol', symbol.value, 'a symbol of the data feed');
    const end = (this.lastRow[s] as number) + 1;
    return (this.columns[s] as BarColumns)[field].slice(Math.max(0, end - n), end);
  }

  /** Bars of slice `index`, materialised (for the event log). */
  barsAt(index: number): BarRecord[] {
    const time = this.times[index];
    const bars: BarRecord[] = [];
    for (let s = 0; s < this.columns.length; s += 1) {
      const c = this.columns[s] as BarColumns;
      const row = findRow(c.timestamp, time ?? Number.NaN);
      if (row < 0) continue;
      bars.push({
        symbol: (this.symbolList[s] as SymbolId).value,
        open: c.open[row] as number,
        high: c.high[row] as number,
        low: c.low[row] as number,
        close: c.close[row] as number,
        volume: c.volume[row] as number,
      });
    }
    return bars;
  }
}

function unionOfTimes(columns: readonly BarColumns[], total: number): Float64Array {
  const first = (columns[0]?.timestamp ?? new Float64Array(0)) as Float64Array;
  // Aligned data (every symbol on the same clock) is the common case: no sort needed.
  if (columns.every((c) => sameTimes(c.timestamp, first))) return first.slice();
  const all = new Float64Array(total);
  let offset = 0;
  for (const c of columns) {
    all.set(c.timestamp, offset);
    offset += c.timestamp.length;
  }
  all.sort();
  let unique = 0;
  for (let i = 0; i < all.length; i += 1) {
    if (i === 0 || all[i] !== all[unique - 1]) all[unique++] = all[i] as number;
  }
  return all.slice(0, unique);
}

function sameTimes(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function findRow(times: Float64Array, time: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = times[mid] as number;
    if (t === time) return mid;
    if (t < time) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

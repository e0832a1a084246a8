import { InvalidSymbolError } from './errors.js';

const TICKER = /^[A-Za-z0-9][A-Za-z0-9_.\-/^=]*$/;
const VENUE = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Identity of a tradable instrument: a ticker and an optional venue, written
 * `TICKER.VENUE` (`"AAPL.NASDAQ"`) or `TICKER` alone (`"SYM0"`). Instances are
 * interned: parsing the same text twice gives the same object, so `===` is equality.
 *
 * Named `SymbolId` so that it never shadows the JavaScript global `Symbol`.
 */
export class SymbolId {
  private static readonly interned = new Map<string, SymbolId>();

  /** The ticker, e.g. `AAPL`. */
  readonly ticker: string;
  /** The venue, e.g. `NASDAQ`, or `undefined` when none was given. */
  readonly venue: string | undefined;
  /** Canonical text, `TICKER.VENUE` or `TICKER`; also the `Map` key to use. */
  readonly value: string;

  private constructor(ticker: string, venue: string | undefined) {
    this.ticker = ticker;
    this.venue = venue;
    this.value = venue === undefined ? ticker : `${ticker}.${venue}`;
  }

  /**
   * Parses `"TICKER"` or `"TICKER.VENUE"`. The last dot separates the venue.
   *
   * @throws {@link InvalidSymbolError} on empty text, surrounding spaces, an empty
   * ticker or venue, or characters outside `[A-Za-z0-9_.-/^=]`.
   */
  static parse(text: string): SymbolId {
    if (typeof text !== 'string') throw new InvalidSymbolError(text, 'expected a string');
    const known = SymbolId.interned.get(text);
    if (known !== undefined) return known;
    if (text.length === 0) throw new InvalidSymbolError(text, 'empty');
    if (text.trim() !== text) throw new InvalidSymbolError(text, 'leading or trailing white space');
    const dot = text.lastIndexOf('.');
    const ticker = dot < 0 ? text : text.slice(0, dot);
    const venue = dot < 0 ? undefined : text.slice(dot + 1);
    if (ticker.length === 0) throw new InvalidSymbolError(text, 'empty ticker');
    if (!TICKER.test(ticker)) throw new InvalidSymbolError(text, `ticker ${JSON.stringify(ticker)} has characters outside [A-Za-z0-9_.-/^=]`);
    if (venue !== undefined) {
      if (venue.length === 0) throw new InvalidSymbolError(text, 'empty venue after "."');
      if (!VENUE.test(venue)) throw new InvalidSymbolError(text, `venue ${JSON.stringify(venue)} must be a letter followed by [A-Za-z0-9_-]`);
    }
    const id = new SymbolId(ticker, venue);
    SymbolId.interned.set(text, id);
    return id;
  }

  /** Returns `symbol` if it is already a {@link SymbolId}, otherwise parses it. */
  static from(symbol: SymbolId | string): SymbolId {
    return symbol instanceof SymbolId ? symbol : SymbolId.parse(symbol);
  }

  /** True when both denote the same ticker and venue. */
  equals(other: SymbolId | string): boolean {
    return this.value === (other instanceof SymbolId ? other.value : other);
  }

  /** The canonical text. */
  toString(): string {
    return this.value;
  }

  /** Serialises as the canonical text. */
  toJSON(): string {
    return this.value;
  }
}

import { InvalidArgumentError, parseIso, type EpochMs, type SymbolId } from '@alphaswarm/core';
import { parseSymbolList } from './membership.js';
import type { UniverseSelector } from './scheduled-universe.js';

/** One row of a {@link membershipTableSelector} table: the members from a date on. */
export interface MembershipEntry {
  /** First time the row applies: epoch ms, or an ISO-8601 date/date-time (UTC). */
  readonly from: EpochMs | string;
  /** The members from `from` until the next row, as objects or `TICKER.VENUE` text. */
  readonly symbols: readonly (SymbolId | string)[];
}

/**
 * A {@link UniverseSelector} from a point-in-time membership table (e.g. index
 * constituents): at time `t` it returns the symbols of the last row whose `from` is at
 * or before `t`, and no symbols before the first row. Rows must be in strictly
 * increasing `from` order. Each call returns the row's own frozen array (no allocation).
 *
 * @param entries - the rows
 * @throws {@link @alphaswarm/core!InvalidArgumentError} naming `entries.<i>.from` or `entries.<i>.symbols.<j>`.
 */
export function membershipTableSelector(entries: readonly MembershipEntry[]): UniverseSelector {
  if (!Array.isArray(entries)) throw new InvalidArgumentError('entries', entries, 'an array of {from, symbols} rows');
  const times: number[] = [];
  const rows: (readonly SymbolId[])[] = [];
  entries.forEach((entry, i) => {
    const from = typeof entry.from === 'string' ? parseIso(entry.from, `entries.${i}.from`) : entry.from;
    if (typeof from !== 'number' || !Number.isFinite(from)) throw new InvalidArgumentError(`entries.${i}.from`, entry.from, 'an epoch-ms time or ISO date');
    const previous = times[times.length - 1];
    if (previous !== undefined && !(from > previous)) throw new InvalidArgumentError(`entries.${i}.from`, entry.from, 'a time after the previous row');
    times.push(from);
    rows.push(Object.freeze(parseSymbolList(entry.symbols, `entries.${i}.symbols`)));
  });
  const none: readonly SymbolId[] = Object.freeze([]);
  return (ctx) => {
    let row: readonly SymbolId[] = none;
    for (let i = 0; i < times.length && (times[i] as number) <= ctx.time; i += 1) row = rows[i] ?? none;
    return row;
  };
}

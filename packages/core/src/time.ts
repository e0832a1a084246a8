import { InvalidArgumentError } from './errors.js';

/** A point in time: milliseconds since 1970-01-01T00:00:00Z (UTC), as everywhere in the SDK. */
export type EpochMs = number;

/** Milliseconds in one day. */
export const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses an ISO-8601 date (`2015-01-02`, taken as midnight UTC) or date-time
 * (`2015-01-02T14:30:00Z`; without an offset it is taken as UTC) into epoch ms.
 *
 * @throws {@link InvalidArgumentError} when the text is not a valid ISO date.
 */
export function parseIso(text: string, field = 'timestamp'): EpochMs {
  if (typeof text !== 'string' || text.length < 10) throw new InvalidArgumentError(field, text, 'an ISO-8601 date');
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const normalised = ISO_DATE.test(text) ? `${text}T00:00:00Z` : hasZone ? text : `${text}Z`;
  const ms = Date.parse(normalised);
  if (!Number.isFinite(ms) || !/^\d{4}-\d{2}-\d{2}/.test(text)) {
    throw new InvalidArgumentError(field, text, 'an ISO-8601 date');
  }
  return ms;
}

/** Formats epoch ms as ISO-8601 UTC with milliseconds, e.g. `2015-01-02T00:00:00.000Z`. */
export function toIso(ms: EpochMs): string {
  return new Date(ms).toISOString();
}

/** Formats epoch ms as the UTC calendar date, e.g. `2015-01-02`. */
export function toIsoDate(ms: EpochMs): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The UTC day number (days since the epoch) of a timestamp; equal numbers mean the same UTC day. */
export function utcDay(ms: EpochMs): number {
  return Math.floor(ms / MS_PER_DAY);
}

/** A source of the current time. The engine never reads the wall clock; it is handed a clock. */
export interface Clock {
  /** The current time in epoch ms. */
  now(): EpochMs;
}

/** The wall clock. For hosts and live sessions; never used inside a backtest. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told: the clock of backtests and tests. */
export class ManualClock implements Clock {
  private current: EpochMs;

  /** @param start - the initial time in epoch ms */
  constructor(start: EpochMs = 0) {
    this.current = start;
  }

  /** The time last set. */
  now(): EpochMs {
    return this.current;
  }

  /** Sets the time; it may not go backwards. */
  set(ms: EpochMs): void {
    if (!(ms >= this.current)) throw new InvalidArgumentError('clock', ms, `a time at or after ${this.current}`);
    this.current = ms;
  }

  /** Moves the time forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.set(this.current + ms);
  }
}

import { MS_PER_DAY } from '../time.js';
import type { EpochMs } from '../time.js';
import { nthWeekday } from './civil-date.js';

const HOUR = 3_600_000;

/**
 * US Eastern daylight-saving time since 2007: from the second Sunday of March,
 * 02:00 EST (07:00 UTC), to the first Sunday of November, 02:00 EDT (06:00 UTC).
 * Returns the UTC instants of both switches of `year`.
 */
function dstBounds(year: number): readonly [EpochMs, EpochMs] {
  const start = nthWeekday(year, 3, 0, 2) * MS_PER_DAY + 7 * HOUR;
  const end = nthWeekday(year, 11, 0, 1) * MS_PER_DAY + 6 * HOUR;
  return [start, end];
}

/** Offset of New York local time from UTC at instant `t`, in ms: −4 h (EDT) or −5 h (EST). */
export function newYorkOffsetMs(t: EpochMs): number {
  const [start, end] = dstBounds(new Date(t).getUTCFullYear());
  return t >= start && t < end ? -4 * HOUR : -5 * HOUR;
}

/** Day number (days since 1970-01-01) of the New York local date at instant `t`. */
export function newYorkDay(t: EpochMs): number {
  return Math.floor((t + newYorkOffsetMs(t)) / MS_PER_DAY);
}

/**
 * The UTC instant of New York wall-clock time `minutes` after local midnight of
 * day number `day`. Valid for wall times outside the skipped or repeated hour of a
 * daylight-saving switch (02:00–03:00 local), which exchange hours never use.
 */
export function newYorkInstant(day: number, minutes: number): EpochMs {
  const local = day * MS_PER_DAY + minutes * 60_000;
  const standard = local + 5 * HOUR;
  return newYorkOffsetMs(standard) === -5 * HOUR ? standard : local + 4 * HOUR;
}

import { InvalidArgumentError } from '../errors.js';
import { MS_PER_DAY } from '../time.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as numbers: month 1–12, day 1–31. */
export interface CivilDate {
  /** Year, e.g. 2024. */
  readonly year: number;
  /** Month, 1–12. */
  readonly month: number;
  /** Day of the month, 1–31. */
  readonly day: number;
}

/**
 * Parses `YYYY-MM-DD` (a real calendar date).
 *
 * @throws {@link InvalidArgumentError} naming `field` on anything else.
 */
export function parseCivilDate(text: string, field = 'date'): CivilDate {
  const m = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (m === null) throw new InvalidArgumentError(field, text, 'a date YYYY-MM-DD');
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (formatCivilDate(civilFromDay(dayNumber(date))) !== text) throw new InvalidArgumentError(field, text, 'a real calendar date YYYY-MM-DD');
  return date;
}

/** `YYYY-MM-DD` of a civil date. */
export function formatCivilDate(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian). */
export function dayNumber(date: CivilDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY);
}

/** The civil date of a day number (days since 1970-01-01). */
export function civilFromDay(day: number): CivilDate {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Day number of the `n`-th (1-based) `dow` (0 = Sunday) of a month. */
export function nthWeekday(year: number, month: number, dow: number, n: number): number {
  const first = dayNumber({ year, month, day: 1 });
  return first + ((dow - weekday(first) + 7) % 7) + 7 * (n - 1);
}

/** Day number of the last `dow` (0 = Sunday) of a month. */
export function lastWeekday(year: number, month: number, dow: number): number {
  const last = dayNumber({ year, month: month + 1, day: 1 }) - 1;
  return last - ((weekday(last) - dow + 7) % 7);
}

/** Day number of Easter Sunday (Gregorian; the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber({ year, month, day });
}

import { InvalidArgumentError } from '../errors.js';
import { MS_PER_DAY, toIsoDate } from '../time.js';
import type { EpochMs } from '../time.js';
import { civilFromDay, dayNumber, easterSunday, formatCivilDate, lastWeekday, nthWeekday, parseCivilDate, weekday } from './civil-date.js';
import type { EarlyClose, ExchangeCalendar, MarketHoliday, TradingSession } from './exchange-calendar.js';
import { newYorkDay, newYorkInstant } from './new-york-time.js';

const OPEN_MINUTES = 9 * 60 + 30;
const CLOSE_MINUTES = 16 * 60;
const EARLY_CLOSE_MINUTES = 13 * 60;

/** Unscheduled full-day closures of the NYSE in the calendar's years. */
const SPECIAL_CLOSURES: readonly MarketHoliday[] = [
  { date: '2007-01-02', name: 'National Day of Mourning for President Ford' },
  { date: '2012-10-29', name: 'Hurricane Sandy' },
  { date: '2012-10-30', name: 'Hurricane Sandy' },
  { date: '2018-12-05', name: 'National Day of Mourning for President George H. W. Bush' },
  { date: '2025-01-09', name: 'National Day of Mourning for President Carter' },
];

interface YearTable {
  readonly holidays: ReadonlyMap<number, string>;
  readonly early: ReadonlyMap<number, string>;
}

/**
 * The New York Stock Exchange (XNYS): regular hours 09:30–16:00 America/New_York,
 * early closes at 13:00, for the years 2007–2030.
 *
 * Holidays follow the exchange's rules: New Year's Day (on a Sunday observed the
 * Monday; on a Saturday not observed), Martin Luther King Jr. Day (third Monday of
 * January), Washington's Birthday (third Monday of February), Good Friday, Memorial
 * Day (last Monday of May), Juneteenth (from 2022), Independence Day, Labor Day
 * (first Monday of September), Thanksgiving (fourth Thursday of November) and
 * Christmas — a holiday on a Saturday is observed the Friday before, on a Sunday the
 * Monday after — plus the unscheduled closures of those years (2007-01-02,
 * 2012-10-29/30, 2018-12-05, 2025-01-09). Closures decided after 2025 cannot be known.
 *
 * Early closes (13:00): July 3 when Independence Day falls Tuesday–Friday, the day
 * after Thanksgiving, and Christmas Eve when it falls Monday–Thursday.
 *
 * Daylight-saving time follows the US rule in force since 2007.
 */
export class NyseCalendar implements ExchangeCalendar {
  /** `XNYS`. */
  readonly name = 'XNYS';
  /** `America/New_York`. */
  readonly timeZone = 'America/New_York';
  /** 2007. */
  readonly firstYear = 2007;
  /** 2030. */
  readonly lastYear = 2030;
  private readonly years = new Map<number, YearTable>();

  /** Full-day closures on weekdays of `year`, in date order. @throws {@link InvalidArgumentError} outside 2007–2030 */
  holidays(year: number): readonly MarketHoliday[] {
    const table = this.table(year, 'year');
    return [...table.holidays.entries()].sort((a, b) => a[0] - b[0]).map(([day, name]) => ({ date: formatCivilDate(civilFromDay(day)), name }));
  }

  /** Early closes of `year` (13:00), in date order. @throws {@link InvalidArgumentError} outside 2007–2030 */
  earlyCloses(year: number): readonly EarlyClose[] {
    const table = this.table(year, 'year');
    return [...table.early.entries()].sort((a, b) => a[0] - b[0]).map(([day, name]) => ({ date: formatCivilDate(civilFromDay(day)), name, close: '13:00' }));
  }

  /** True on a weekday that is not a holiday. @throws {@link InvalidArgumentError} on a malformed date or one outside 2007–2030 */
  isTradingDay(date: string): boolean {
    return this.tradingDay(dayNumber(parseCivilDate(date)), 'date');
  }

  /** The session of local date `date`, or `undefined`. @throws {@link InvalidArgumentError} on a malformed date or one outside 2007–2030 */
  session(date: string): TradingSession | undefined {
    return this.sessionOfDay(dayNumber(parseCivilDate(date)), 'date');
  }

  /** The session of the New York date of `time`, or `undefined`. */
  sessionAt(time: EpochMs): TradingSession | undefined {
    return this.sessionOfDay(newYorkDay(checkTime(time)), 'time');
  }

  /** The first session on or after local date `date`. */
  nextSession(date: string): TradingSession {
    return this.sessionFrom(dayNumber(parseCivilDate(date)), 'date');
  }

  /** True when `open ≤ time < close` of the session of its New York date. */
  isOpen(time: EpochMs): boolean {
    const session = this.sessionAt(time);
    return session !== undefined && time >= session.open && time < session.close;
  }

  /** The earliest session open at or after `time`. */
  nextOpen(time: EpochMs): EpochMs {
    const day = newYorkDay(checkTime(time));
    const today = this.sessionOfDay(day, 'time');
    if (today !== undefined && time <= today.open) return today.open;
    return this.sessionFrom(day + 1, 'time').open;
  }

  /** The earliest session close strictly after `time`. */
  nextClose(time: EpochMs): EpochMs {
    const day = newYorkDay(checkTime(time));
    const today = this.sessionOfDay(day, 'time');
    if (today !== undefined && time < today.close) return today.close;
    return this.sessionFrom(day + 1, 'time').close;
  }

  /** The regular-hours gate of a bar; see {@link ExchangeCalendar.isBarInSession}. */
  isBarInSession(time: EpochMs, intervalMs: number): boolean {
    checkTime(time);
    if (!(intervalMs > 0 && Number.isFinite(intervalMs))) throw new InvalidArgumentError('intervalMs', intervalMs, 'a positive bar interval in ms');
    if (intervalMs >= MS_PER_DAY) return this.isTradingDay(toIsoDate(time));
    const session = this.sessionAt(time);
    return session !== undefined && time >= session.open && time + intervalMs <= session.close;
  }

  private tradingDay(day: number, field: string): boolean {
    const dow = weekday(day);
    if (dow === 0 || dow === 6) return false;
    return !this.table(civilFromDay(day).year, field, day).holidays.has(day);
  }

  private sessionOfDay(day: number, field: string): TradingSession | undefined {
    if (!this.tradingDay(day, field)) return undefined;
    const early = this.table(civilFromDay(day).year, field, day).early.has(day);
    return {
      date: formatCivilDate(civilFromDay(day)),
      open: newYorkInstant(day, OPEN_MINUTES),
      close: newYorkInstant(day, early ? EARLY_CLOSE_MINUTES : CLOSE_MINUTES),
      earlyClose: early,
    };
  }

  private sessionFrom(day: number, field: string): TradingSession {
    // At most a long weekend plus a holiday or two lies between sessions.
    for (let d = day; d < day + 14; d += 1) {
      const session = this.sessionOfDay(d, field);
      if (session !== undefined) return session;
    }
    throw new InvalidArgumentError(field, formatCivilDate(civilFromDay(day)), 'a date followed by a session within two weeks');
  }

  private table(year: number, field: string, day?: number): YearTable {
    if (!(Number.isInteger(year) && year >= this.firstYear && year <= this.lastYear)) {
      throw new InvalidArgumentError(field, day === undefined ? year : formatCivilDate(civilFromDay(day)), `a ${field === 'year' ? 'year' : 'date'} within ${this.firstYear}–${this.lastYear} (the years the NYSE calendar knows)`);
    }
    let table = this.years.get(year);
    if (table === undefined) {
      table = buildYear(year);
      this.years.set(year, table);
    }
    return table;
  }
}

function checkTime(time: EpochMs): EpochMs {
  if (typeof time !== 'number' || !Number.isFinite(time)) throw new InvalidArgumentError('time', time, 'a finite epoch-ms time');
  return time;
}

/** A fixed-date holiday moved off the weekend: Saturday → Friday, Sunday → Monday. */
function observed(day: number): number {
  const dow = weekday(day);
  return dow === 6 ? day - 1 : dow === 0 ? day + 1 : day;
}

function buildYear(year: number): YearTable {
  const holidays = new Map<number, string>();
  const add = (day: number, name: string): void => {
    const dow = weekday(day);
    if (dow !== 0 && dow !== 6) holidays.set(day, name);
  };
  const newYear = dayNumber({ year, month: 1, day: 1 });
  if (weekday(newYear) === 0) add(newYear + 1, "New Year's Day (observed)");
  else if (weekday(newYear) !== 6) add(newYear, "New Year's Day");
  add(nthWeekday(year, 1, 1, 3), 'Martin Luther King Jr. Day');
  add(nthWeekday(year, 2, 1, 3), "Washington's Birthday");
  add(easterSunday(year) - 2, 'Good Friday');
  add(lastWeekday(year, 5, 1), 'Memorial Day');
  const fixed = (month: number, day: number, name: string): void => {
    const actual = dayNumber({ year, month, day });
    const moved = observed(actual);
    add(moved, moved === actual ? name : `${name} (observed)`);
  };
  if (year >= 2022) fixed(6, 19, 'Juneteenth National Independence Day');
  fixed(7, 4, 'Independence Day');
  add(nthWeekday(year, 9, 1, 1), 'Labor Day');
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  add(thanksgiving, 'Thanksgiving Day');
  fixed(12, 25, 'Christmas Day');
  for (const closure of SPECIAL_CLOSURES) {
    const date = parseCivilDate(closure.date);
    if (date.year === year) add(dayNumber(date), closure.name);
  }

  const early = new Map<number, string>();
  const july4 = dayNumber({ year, month: 7, day: 4 });
  if (weekday(july4) >= 2 && weekday(july4) <= 5) early.set(july4 - 1, 'Independence Day eve');
  early.set(thanksgiving + 1, 'Day after Thanksgiving');
  const christmasEve = dayNumber({ year, month: 12, day: 24 });
  if (weekday(christmasEve) >= 1 && weekday(christmasEve) <= 4) early.set(christmasEve, 'Christmas Eve');
  for (const day of holidays.keys()) early.delete(day);
  return { holidays, early };
}

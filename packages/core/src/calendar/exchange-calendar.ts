import type { EpochMs } from '../time.js';

/** A full-day closure of an exchange. */
export interface MarketHoliday {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** What it is, e.g. `Good Friday`, `Independence Day (observed)`. */
  readonly name: string;
}

/** A day on which the exchange closes early. */
export interface EarlyClose {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Why, e.g. `Day after Thanksgiving`. */
  readonly name: string;
  /** Local closing time, `HH:MM`, e.g. `13:00`. */
  readonly close: string;
}

/** The regular-hours session of one trading day. */
export interface TradingSession {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Opening instant, epoch ms UTC. */
  readonly open: EpochMs;
  /** Closing instant, epoch ms UTC (exclusive: the market is open on `[open, close)`). */
  readonly close: EpochMs;
  /** True on an early-close day. */
  readonly earlyClose: boolean;
}

/**
 * The trading days and regular hours of one exchange. Dates are the exchange's
 * local dates; instants are epoch ms UTC. Shipped: `NyseCalendar`.
 */
export interface ExchangeCalendar {
  /** ISO 10383 market identifier, e.g. `XNYS`. */
  readonly name: string;
  /** IANA time zone of the exchange, e.g. `America/New_York`. */
  readonly timeZone: string;
  /** First year the calendar knows. */
  readonly firstYear: number;
  /** Last year the calendar knows. */
  readonly lastYear: number;
  /** Full-day closures on weekdays of `year`, in date order. */
  holidays(year: number): readonly MarketHoliday[];
  /** Early closes of `year`, in date order. */
  earlyCloses(year: number): readonly EarlyClose[];
  /** True when the exchange trades on local date `date` (`YYYY-MM-DD`). */
  isTradingDay(date: string): boolean;
  /** The session of local date `date`, or `undefined` on a weekend or holiday. */
  session(date: string): TradingSession | undefined;
  /** The session of the local date of instant `time`, or `undefined`. */
  sessionAt(time: EpochMs): TradingSession | undefined;
  /** The first session on or after local date `date`. */
  nextSession(date: string): TradingSession;
  /** True when `time` falls within regular hours: `open ≤ time < close` of its day's session. */
  isOpen(time: EpochMs): boolean;
  /** The earliest session open at or after `time`. */
  nextOpen(time: EpochMs): EpochMs;
  /** The earliest session close strictly after `time`. */
  nextClose(time: EpochMs): EpochMs;
  /**
   * The regular-hours gate for a bar stamped `time` covering `intervalMs`. Daily (or
   * longer) bars follow the SDK's convention of a UTC-midnight stamp: the bar passes
   * when the UTC date of `time` is a trading day. Intraday bars pass when the whole
   * bar `[time, time + intervalMs)` lies within the session of its local date.
   */
  isBarInSession(time: EpochMs, intervalMs: number): boolean;
}

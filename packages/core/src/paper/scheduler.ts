import type { ExchangeCalendar } from '../calendar/exchange-calendar.js';
import { InvalidArgumentError } from '../errors.js';
import { MS_PER_DAY, toIsoDate } from '../time.js';
import type { EpochMs } from '../time.js';

/** Decides when a live session looks for new bars next. */
export interface SessionScheduler {
  /** The next instant (epoch ms, strictly after `now`) at which to poll the market data. */
  next(now: EpochMs): EpochMs;
}

/** Options of a {@link MarketHoursScheduler}. */
export interface MarketHoursSchedulerOptions {
  /** The exchange calendar (e.g. `new NyseCalendar()`). */
  readonly calendar: ExchangeCalendar;
  /** Bar interval in ms: one minute, one hour, or a day (or more) for daily bars. */
  readonly intervalMs: number;
  /** How long after a bar completes to poll, for the data vendor's lag, in ms ≥ 0; default 2 000. */
  readonly delayMs?: number;
}

/**
 * The regular-hours gate of live paper sessions: polls only when a bar of the
 * session can have completed. Intraday bars complete at `open + k × interval`
 * (and at the close, when the session is not a whole number of intervals); daily
 * bars once a day, at the close. Each poll happens `delayMs` after that boundary.
 * Between sessions (nights, weekends, holidays, after an early close) it sleeps
 * until the next session's first boundary.
 */
export class MarketHoursScheduler implements SessionScheduler {
  /** The calendar. */
  readonly calendar: ExchangeCalendar;
  /** Bar interval in ms. */
  readonly intervalMs: number;
  /** Poll delay after a boundary, in ms. */
  readonly delayMs: number;

  /** @throws {@link InvalidArgumentError} on a non-positive interval or a negative delay */
  constructor(options: MarketHoursSchedulerOptions) {
    if (!(options.intervalMs > 0 && Number.isFinite(options.intervalMs))) throw new InvalidArgumentError('intervalMs', options.intervalMs, 'a positive bar interval in ms');
    const delay = options.delayMs ?? 2_000;
    if (!(delay >= 0 && Number.isFinite(delay))) throw new InvalidArgumentError('delayMs', delay, 'a delay ≥ 0 in ms');
    this.calendar = options.calendar;
    this.intervalMs = options.intervalMs;
    this.delayMs = delay;
  }

  /** The first poll instant strictly after `now`. */
  next(now: EpochMs): EpochMs {
    if (!Number.isFinite(now)) throw new InvalidArgumentError('now', now, 'a finite epoch-ms time');
    // Start from the session of the previous local day: its close (+ delay) may still be ahead.
    let session = this.calendar.nextSession(toIsoDate(now - MS_PER_DAY));
    for (let guard = 0; guard < 32; guard += 1) {
      const candidate = this.firstBoundaryAfter(session.open, session.close, now);
      if (candidate !== undefined) return candidate;
      session = this.calendar.nextSession(toIsoDate(session.close + MS_PER_DAY / 2));
    }
    throw new InvalidArgumentError('now', now, 'a time followed by a trading session');
  }

  private firstBoundaryAfter(open: EpochMs, close: EpochMs, now: EpochMs): EpochMs | undefined {
    const interval = this.intervalMs;
    const delay = this.delayMs;
    if (interval >= MS_PER_DAY) return close + delay > now ? close + delay : undefined;
    const k = Math.max(1, Math.floor((now - delay - open) / interval) + 1);
    const boundary = open + k * interval;
    // k is the first boundary with boundary + delay > now; past the close, the close is the last one.
    if (boundary < close) return boundary + delay;
    return close + delay > now ? close + delay : undefined;
  }
}

import { SliceFeed } from '../backtest/slice-feed.js';
import type { ExchangeCalendar } from '../calendar/exchange-calendar.js';
import type { MarketDataAdapter } from '../data/market-data-adapter.js';
import { InvalidArgumentError } from '../errors.js';
import type { Slice } from '../framework/slice.js';
import { SymbolId } from '../symbol-id.js';
import { MS_PER_DAY, systemClock, toIsoDate, type Clock, type EpochMs } from '../time.js';
import type { SessionScheduler } from './scheduler.js';
import type { FeedRequest, SessionFeed } from './session-feed.js';
import { timerSleep, type Sleep } from './sleep.js';

/** Options of a {@link MarketDataFeed}. */
export interface MarketDataFeedOptions {
  /** Where the bars come from (CSV directory, a broker's data API, …). */
  readonly adapter: MarketDataAdapter;
  /** The symbols to trade. */
  readonly symbols: readonly (SymbolId | string)[];
  /** Time of the first bar the session processes, epoch ms UTC. */
  readonly start: EpochMs;
  /** Time of the last bar to process; the feed ends after it. Default: runs until stopped. */
  readonly end?: EpochMs;
  /** Bar interval in ms. */
  readonly intervalMs: number;
  /** When to poll for new bars (e.g. a {@link MarketHoursScheduler}). */
  readonly scheduler: SessionScheduler;
  /** Regular-hours gate and completeness of daily bars: when given, bars outside sessions are skipped. */
  readonly calendar?: ExchangeCalendar;
  /** Wall clock (default the system clock). */
  readonly clock?: Clock;
  /** How the feed waits between polls (default {@link timerSleep}). */
  readonly sleep?: Sleep;
}

/**
 * A live feed over a {@link MarketDataAdapter}: polls the adapter on the
 * scheduler's instants and yields each new complete bar once, in time order.
 *
 * The first poll loads everything from `start` (what a restarted session replays
 * to rebuild its state, then the bars it missed while down); later polls load
 * only bars after the last one yielded. A bar is complete when its interval has
 * ended (`time + interval ≤ now`); with a calendar, a daily bar (stamped at UTC
 * midnight) is complete once that day's session has closed. A bar that arrives
 * for a time already passed (a late vendor) is ignored, so the slices stay in
 * order: give the scheduler a delay that covers the vendor's lag.
 */
export class MarketDataFeed implements SessionFeed {
  /** The symbols, sorted by their canonical text (the order of a `BarFrame`). */
  readonly symbols: readonly SymbolId[];
  /** Unknown in advance: `undefined`. */
  readonly length = undefined;
  /** Bar interval in ms. */
  readonly intervalMs: number;
  private readonly clock: Clock;
  private readonly sleep: Sleep;

  /** @throws {@link InvalidArgumentError} on no symbols, a bad start, end or interval */
  constructor(private readonly options: MarketDataFeedOptions) {
    if (options.symbols.length === 0) throw new InvalidArgumentError('symbols', options.symbols, 'at least one symbol');
    if (!Number.isFinite(options.start)) throw new InvalidArgumentError('start', options.start, 'a finite epoch-ms time');
    if (options.end !== undefined && !(options.end >= options.start)) throw new InvalidArgumentError('end', options.end, 'a time at or after start');
    if (!(options.intervalMs > 0 && Number.isFinite(options.intervalMs))) throw new InvalidArgumentError('intervalMs', options.intervalMs, 'a positive bar interval in ms');
    const unique = new Map(options.symbols.map((s) => SymbolId.from(s)).map((s) => [s.value, s]));
    this.symbols = [...unique.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    this.intervalMs = options.intervalMs;
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? timerSleep;
  }

  /** Polls and yields new complete bars until `end` or until the signal aborts. */
  async *slices(request: FeedRequest): AsyncGenerator<Slice> {
    const { adapter, start, end, scheduler, calendar } = this.options;
    const { signal } = request;
    let after = start - 1;
    for (;;) {
      if (signal.aborted) return;
      const now = this.clock.now();
      const upTo = end === undefined ? now : Math.min(end, now);
      if (upTo > after) {
        const frame = await adapter.load({ symbols: this.symbols, start: after + 1, end: upTo });
        if (signal.aborted) return;
        const feed = new SliceFeed(frame);
        for (let i = 0; i < feed.length; i += 1) {
          feed.advance(i);
          const time = feed.time;
          if (time <= after) continue;
          if (!this.complete(time, now)) break;
          after = time;
          if (calendar !== undefined && !calendar.isBarInSession(time, this.intervalMs)) continue;
          yield feed;
          if (signal.aborted) return;
        }
      }
      if (end !== undefined && this.complete(end, now)) return;
      const wake = scheduler.next(this.clock.now());
      await this.sleep(Math.max(0, wake - this.clock.now()), signal);
    }
  }

  private complete(time: EpochMs, now: EpochMs): boolean {
    const calendar = this.options.calendar;
    if (calendar !== undefined && this.intervalMs >= MS_PER_DAY) {
      const session = calendar.session(toIsoDate(time));
      if (session !== undefined) return now >= session.close;
    }
    return time + this.intervalMs <= now;
  }
}

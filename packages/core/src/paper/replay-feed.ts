import { SliceFeed, type BarSource } from '../backtest/slice-feed.js';
import type { ExchangeCalendar } from '../calendar/exchange-calendar.js';
import { InvalidArgumentError } from '../errors.js';
import type { Slice } from '../framework/slice.js';
import type { SymbolId } from '../symbol-id.js';
import { MS_PER_DAY, systemClock, type Clock } from '../time.js';
import type { FeedRequest, SessionFeed } from './session-feed.js';
import { timerSleep, type Sleep } from './sleep.js';

/**
 * How fast a replay goes: `max` — as fast as the session can process it; a number
 * `s > 0` — real time scaled by `s` (bar time advances `s` ms per wall-clock ms:
 * 1 is real time, 390 plays a day of minute bars in a minute).
 */
export type ReplaySpeed = 'max' | number;

/** Options of a {@link ReplayFeed}. */
export interface ReplayFeedOptions {
  /** Pace of the replay; default `max`. */
  readonly speed?: ReplaySpeed;
  /** Wall clock used for pacing (default the system clock); never affects the bars. */
  readonly clock?: Clock;
  /** How the feed waits between paced slices (default {@link timerSleep}). */
  readonly sleep?: Sleep;
  /** Bar interval in ms; default the smallest gap between two timestamps of the data (a day when there is one). */
  readonly intervalMs?: number;
  /** Regular-hours gate: when given, slices whose bars fall outside the calendar's sessions are skipped. */
  readonly calendar?: ExchangeCalendar;
}

/**
 * Deterministic replay of stored bars (a `BarFrame` or any `BarSource`): the same
 * slices, in the same order and with the same reused views, as the backtester's
 * slice feed, so that a paper session over a replay sees exactly what a backtest
 * of the same data sees. Pacing (see {@link ReplaySpeed}) only decides when a
 * slice is handed over, never what it holds.
 */
export class ReplayFeed implements SessionFeed {
  /** Symbols in data order. */
  readonly symbols: readonly SymbolId[];
  /** Number of slices the replay yields (after the gate). */
  readonly length: number;
  /** Bar interval in ms. */
  readonly intervalMs: number;
  /** The pace. */
  readonly speed: ReplaySpeed;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly keep: Uint8Array;

  /**
   * @param source - the bars; every symbol's timestamps strictly increasing
   * @param options - pace, clock, interval and gate
   * @throws {@link InvalidArgumentError} on a speed that is not `max` or a finite number > 0, or a bad interval
   */
  constructor(
    private readonly source: BarSource,
    options: ReplayFeedOptions = {},
  ) {
    const speed = options.speed ?? 'max';
    if (speed !== 'max' && !(typeof speed === 'number' && speed > 0 && Number.isFinite(speed))) {
      throw new InvalidArgumentError('speed', speed, "'max' or a finite number > 0");
    }
    this.speed = speed;
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? timerSleep;
    const probe = new SliceFeed(source);
    this.symbols = probe.symbolList;
    const times = probe.times;
    let gap = Infinity;
    for (let i = 1; i < times.length; i += 1) gap = Math.min(gap, (times[i] as number) - (times[i - 1] as number));
    this.intervalMs = options.intervalMs ?? (Number.isFinite(gap) ? gap : MS_PER_DAY);
    if (!(this.intervalMs > 0 && Number.isFinite(this.intervalMs))) throw new InvalidArgumentError('intervalMs', options.intervalMs, 'a positive bar interval in ms');
    this.keep = new Uint8Array(times.length).fill(1);
    const calendar = options.calendar;
    let kept = times.length;
    if (calendar !== undefined) {
      kept = 0;
      for (let i = 0; i < times.length; i += 1) {
        const pass = calendar.isBarInSession(times[i] as number, this.intervalMs);
        this.keep[i] = pass ? 1 : 0;
        if (pass) kept += 1;
      }
    }
    this.length = kept;
  }

  /** Yields the slices in time order; see {@link SessionFeed.slices}. */
  async *slices(request: FeedRequest): AsyncGenerator<Slice> {
    const feed = new SliceFeed(this.source);
    const { signal, catchUpTo } = request;
    let anchorWall = Number.NaN;
    let anchorBar = Number.NaN;
    for (let i = 0; i < feed.length; i += 1) {
      if (signal.aborted) return;
      feed.advance(i);
      if (this.keep[i] === 0) continue;
      const time = feed.time;
      if (this.speed !== 'max' && (catchUpTo === undefined || time > catchUpTo)) {
        if (Number.isNaN(anchorWall)) {
          anchorWall = this.clock.now();
          anchorBar = time;
        } else {
          const wait = anchorWall + (time - anchorBar) / this.speed - this.clock.now();
          if (wait > 0) await this.sleep(wait, signal);
          if (signal.aborted) return;
        }
      }
      yield feed;
    }
  }
}

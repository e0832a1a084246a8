import { describe, expect, it } from 'vitest';
import { BarFrame, ManualClock, MarketDataFeed, NyseCalendar, SymbolId } from '../../src/index.js';
import type { MarketDataAdapter, MarketDataRequest, SessionScheduler, Sleep } from '../../src/index.js';

const MIN = 60_000;
const T = Date.UTC(2024, 0, 2, 14, 30);

/** An adapter over a fixed set of minute bars that records what was asked. */
function source(n: number): MarketDataAdapter & { requests: MarketDataRequest[] } {
  const series = (offset: number) => {
    const timestamp = Array.from({ length: n }, (_, i) => T + i * MIN);
    const close = timestamp.map((_, i) => 100 + offset + i);
    return { timestamp, open: close, high: close.map((c) => c + 1), low: close.map((c) => c - 1), close, volume: close.map(() => 10) };
  };
  const frame = BarFrame.fromSeries({ 'MSFT.X': series(50), 'AAPL.X': series(0) });
  const requests: MarketDataRequest[] = [];
  return {
    requests,
    load: async (request) => {
      requests.push(request);
      return frame.select({ start: request.start, end: request.end });
    },
  };
}

describe('MarketDataFeed', () => {
  it('yields each complete bar once, in time order, polling on the scheduler', async () => {
    const adapter = source(10);
    const clock = new ManualClock(T + 3 * MIN + 500); // bars 0, 1, 2 are complete
    const polls: number[] = [];
    const scheduler: SessionScheduler = { next: (now) => now + 2 * MIN };
    const controller = new AbortController();
    const sleep: Sleep = async (ms) => {
      polls.push(clock.now());
      clock.advance(ms);
    };
    const feed = new MarketDataFeed({ adapter, symbols: ['MSFT.X', 'AAPL.X'], start: T, intervalMs: MIN, scheduler, clock, sleep });
    expect(feed.symbols.map((s) => s.value)).toEqual(['AAPL.X', 'MSFT.X']);
    const seen: number[] = [];
    for await (const slice of feed.slices({ signal: controller.signal })) {
      seen.push((slice.time - T) / MIN);
      expect(slice.symbols.map((s) => s.value)).toEqual(['AAPL.X', 'MSFT.X']);
      expect(slice.bar(SymbolId.parse('AAPL.X'))!.close).toBe(100 + (slice.time - T) / MIN);
      if (seen.length === 9) controller.abort();
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // Later polls ask only for bars after the last one yielded.
    expect(adapter.requests[0]!.start).toBe(T);
    expect(adapter.requests[1]!.start).toBe(T + 2 * MIN + 1);
    expect(polls).toHaveLength(3);
  });

  it('ends after the end time once its bar is complete', async () => {
    const clock = new ManualClock(T + 100 * MIN);
    const feed = new MarketDataFeed({ adapter: source(10), symbols: ['AAPL.X'], start: T + 2 * MIN, end: T + 5 * MIN, intervalMs: MIN, scheduler: { next: (n) => n + MIN }, clock, sleep: async () => undefined });
    const times: number[] = [];
    for await (const slice of feed.slices({ signal: new AbortController().signal })) times.push((slice.time - T) / MIN);
    expect(times).toEqual([2, 3, 4, 5]);
  });

  it('skips bars outside regular hours with a calendar', async () => {
    const clock = new ManualClock(T + 100 * MIN);
    // Start one minute before the open: that bar is pre-market.
    const adapter: MarketDataAdapter = {
      load: async () =>
        BarFrame.fromSeries({ 'AAPL.X': { timestamp: [T - MIN, T, T + MIN], open: [1, 1, 1], high: [1, 1, 1], low: [1, 1, 1], close: [1, 1, 1], volume: [1, 1, 1] } }),
    };
    const feed = new MarketDataFeed({ adapter, symbols: ['AAPL.X'], start: T - MIN, end: T + MIN, intervalMs: MIN, scheduler: { next: (n) => n + MIN }, calendar: new NyseCalendar(), clock, sleep: async () => undefined });
    const times: number[] = [];
    for await (const slice of feed.slices({ signal: new AbortController().signal })) times.push(slice.time);
    expect(times).toEqual([T, T + MIN]);
  });

  it('names bad options', () => {
    const base = { adapter: source(1), symbols: ['AAPL.X'], start: T, intervalMs: MIN, scheduler: { next: (n: number) => n + 1 } };
    expect(() => new MarketDataFeed({ ...base, symbols: [] })).toThrow(/symbols: expected at least one symbol/);
    expect(() => new MarketDataFeed({ ...base, end: T - 1 })).toThrow(/end: expected a time at or after start/);
    expect(() => new MarketDataFeed({ ...base, intervalMs: 0 })).toThrow(/intervalMs/);
  });
});

import { describe, expect, it } from 'vitest';
import { ManualClock, NyseCalendar, ReplayFeed, SliceFeed } from '../../src/index.js';
import type { Sleep } from '../../src/index.js';
import { DAY, barsFromCloses, randomWalk } from './fixtures.js';

async function collect(feed: ReplayFeed, catchUpTo?: number, signal = new AbortController().signal): Promise<number[]> {
  const times: number[] = [];
  for await (const slice of feed.slices({ signal, ...(catchUpTo === undefined ? {} : { catchUpTo }) })) times.push(slice.time);
  return times;
}

describe('ReplayFeed', () => {
  const data = barsFromCloses({ 'AAA.X': randomWalk(1, 10), 'BBB.X': randomWalk(2, 10) });

  it('yields the slices of the backtester slice feed, in order, with the same bars', async () => {
    const engine = new SliceFeed(data);
    const feed = new ReplayFeed(data);
    expect(feed.length).toBe(10);
    expect(feed.intervalMs).toBe(DAY);
    expect(feed.symbols.map((s) => s.value)).toEqual(['AAA.X', 'BBB.X']);
    let i = 0;
    for await (const slice of feed.slices({ signal: new AbortController().signal })) {
      engine.advance(i);
      expect(slice.time).toBe(engine.time);
      expect(slice.symbols).toEqual(engine.symbols);
      for (const s of slice.symbols) expect({ ...slice.bar(s) }).toEqual({ ...engine.bar(s) });
      i += 1;
    }
    expect(i).toBe(10);
  });

  it('paces a scaled replay on the wall clock, and not the slices already processed', async () => {
    const clock = new ManualClock(1_000);
    const waits: number[] = [];
    const sleep: Sleep = async (ms) => {
      waits.push(ms);
      clock.advance(ms);
    };
    // Speed 86,400: one day of bar time per wall-clock second.
    const feed = new ReplayFeed(data, { speed: 86_400, clock, sleep });
    expect(await collect(feed, Date.UTC(2020, 0, 4))).toHaveLength(10);
    // Slices 0–3 are caught up at once; slice 4 anchors; slices 5–9 wait 1 s each.
    expect(waits).toEqual([1000, 1000, 1000, 1000, 1000]);
  });

  it('ends early when the signal aborts, also while waiting', async () => {
    const controller = new AbortController();
    const clock = new ManualClock(0);
    const sleep: Sleep = async (ms) => {
      clock.advance(ms);
      controller.abort();
    };
    expect(await collect(new ReplayFeed(data, { speed: 1, clock, sleep }), undefined, controller.signal)).toHaveLength(1);
  });

  it('skips slices outside regular hours with a calendar gate', async () => {
    // 2020-01-01 (holiday) … 2020-01-10: 4 weekend days and New Year's Day drop out.
    const feed = new ReplayFeed(data, { calendar: new NyseCalendar() });
    expect(feed.length).toBe(7);
    const times = await collect(feed);
    expect(times.map((t) => new Date(t).toISOString().slice(0, 10))).toEqual(['2020-01-02', '2020-01-03', '2020-01-06', '2020-01-07', '2020-01-08', '2020-01-09', '2020-01-10']);
  });

  it('rejects a speed that is not max or positive', () => {
    expect(() => new ReplayFeed(data, { speed: 0 })).toThrow(/speed: expected 'max' or a finite number > 0/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarketHoursScheduler, NyseCalendar } from '../../src/index.js';

const nyse = new NyseCalendar();
const MIN = 60_000;

describe('MarketHoursScheduler', () => {
  it('polls a minute-bar session at each minute boundary plus the delay', () => {
    const s = new MarketHoursScheduler({ calendar: nyse, intervalMs: MIN, delayMs: 2_000 });
    const open = Date.UTC(2024, 0, 2, 14, 30); // 09:30 EST
    expect(s.next(open)).toBe(open + MIN + 2_000);
    expect(s.next(open + MIN + 2_000)).toBe(open + 2 * MIN + 2_000);
    expect(s.next(open + MIN + 1_999)).toBe(open + MIN + 2_000);
  });

  it('sleeps over the night, the weekend and holidays to the first bar of the next session', () => {
    const s = new MarketHoursScheduler({ calendar: nyse, intervalMs: MIN, delayMs: 0 });
    // Thursday 2024-03-28 after the close → Good Friday, weekend → Monday April 1, 09:31 EDT.
    expect(s.next(Date.UTC(2024, 2, 28, 21, 0))).toBe(Date.UTC(2024, 3, 1, 13, 31));
    // The last minute of a session completes at the close.
    expect(s.next(Date.UTC(2024, 3, 1, 19, 59, 30))).toBe(Date.UTC(2024, 3, 1, 20, 0));
  });

  it('ends a session at an early close, and at the close for bars that do not divide the session', () => {
    const hourly = new MarketHoursScheduler({ calendar: nyse, intervalMs: 3_600_000, delayMs: 0 });
    // 09:30 + 3 h = 12:30; the next boundary 13:30 is past the 13:00 early close (2024-11-29, EST): the close, 18:00Z.
    expect(hourly.next(Date.UTC(2024, 10, 29, 17, 30))).toBe(Date.UTC(2024, 10, 29, 18, 0));
    // A regular day: 15:30 is the last hourly boundary before the 16:00 close (21:00Z in winter).
    expect(hourly.next(Date.UTC(2024, 0, 2, 20, 30))).toBe(Date.UTC(2024, 0, 2, 21, 0));
  });

  it('polls daily bars once per trading day, after the close', () => {
    const daily = new MarketHoursScheduler({ calendar: nyse, intervalMs: 86_400_000, delayMs: 60_000 });
    expect(daily.next(Date.UTC(2024, 0, 2, 15, 0))).toBe(Date.UTC(2024, 0, 2, 21, 1));
    expect(daily.next(Date.UTC(2024, 0, 2, 21, 1))).toBe(Date.UTC(2024, 0, 3, 21, 1));
    // Friday after the close → Monday (2024-01-05 → 2024-01-08).
    expect(daily.next(Date.UTC(2024, 0, 5, 22, 0))).toBe(Date.UTC(2024, 0, 8, 21, 1));
  });

  it('always answers a later instant that falls within a session or at its close (property)', () => {
    const s = new MarketHoursScheduler({ calendar: nyse, intervalMs: 5 * MIN, delayMs: 0 });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2026, 11, 1) }), (now) => {
        const next = s.next(now);
        expect(next).toBeGreaterThan(now);
        const session = nyse.sessionAt(next);
        expect(session).toBeDefined();
        expect(next > session!.open && next <= session!.close).toBe(true);
        expect((next - session!.open) % (5 * MIN) === 0 || next === session!.close).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('names a bad interval or delay', () => {
    expect(() => new MarketHoursScheduler({ calendar: nyse, intervalMs: 0 })).toThrow(/intervalMs/);
    expect(() => new MarketHoursScheduler({ calendar: nyse, intervalMs: MIN, delayMs: -1 })).toThrow(/delayMs/);
  });
});

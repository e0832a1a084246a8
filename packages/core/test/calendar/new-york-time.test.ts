import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/calendar/civil-date.js';
import { newYorkDay, newYorkInstant, newYorkOffsetMs } from '../../src/calendar/new-york-time.js';

const HOUR = 3_600_000;

describe('New York time', () => {
  it('switches between EST and EDT at 2 a.m. local on the second Sunday of March and the first Sunday of November', () => {
    // 2024-03-10 07:00Z is 02:00 EST → 03:00 EDT; 2024-11-03 06:00Z is 02:00 EDT → 01:00 EST.
    expect(newYorkOffsetMs(Date.UTC(2024, 2, 10, 6, 59))).toBe(-5 * HOUR);
    expect(newYorkOffsetMs(Date.UTC(2024, 2, 10, 7, 0))).toBe(-4 * HOUR);
    expect(newYorkOffsetMs(Date.UTC(2024, 10, 3, 5, 59))).toBe(-4 * HOUR);
    expect(newYorkOffsetMs(Date.UTC(2024, 10, 3, 6, 0))).toBe(-5 * HOUR);
  });

  it('agrees with the platform time-zone database', () => {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    for (let t = Date.UTC(2015, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 86_400_000 + 3 * HOUR) {
      const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
      const local = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']) % 24, Number(parts['minute']));
      expect(newYorkOffsetMs(t)).toBe(local - t);
    }
  });

  it('converts a local date and time to the instant, and back to the local date', () => {
    const day = dayNumber({ year: 2024, month: 7, day: 1 });
    expect(newYorkInstant(day, 9 * 60 + 30)).toBe(Date.UTC(2024, 6, 1, 13, 30));
    expect(newYorkDay(Date.UTC(2024, 6, 2, 3, 59))).toBe(day); // 23:59 EDT on July 1
    expect(newYorkDay(Date.UTC(2024, 6, 2, 4, 0))).toBe(day + 1);
  });
});

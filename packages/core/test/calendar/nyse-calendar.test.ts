import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NyseCalendar } from '../../src/index.js';

// NYSE full-day closures, as published by the exchange (hand-copied; independent of the rules in the source).
const HOLIDAYS: Record<number, string[]> = {
  2015: ['01-01', '01-19', '02-16', '04-03', '05-25', '07-03', '09-07', '11-26', '12-25'],
  2016: ['01-01', '01-18', '02-15', '03-25', '05-30', '07-04', '09-05', '11-24', '12-26'],
  2017: ['01-02', '01-16', '02-20', '04-14', '05-29', '07-04', '09-04', '11-23', '12-25'],
  2018: ['01-01', '01-15', '02-19', '03-30', '05-28', '07-04', '09-03', '11-22', '12-05', '12-25'],
  2019: ['01-01', '01-21', '02-18', '04-19', '05-27', '07-04', '09-02', '11-28', '12-25'],
  2020: ['01-01', '01-20', '02-17', '04-10', '05-25', '07-03', '09-07', '11-26', '12-25'],
  2021: ['01-01', '01-18', '02-15', '04-02', '05-31', '07-05', '09-06', '11-25', '12-24'],
  2022: ['01-17', '02-21', '04-15', '05-30', '06-20', '07-04', '09-05', '11-24', '12-26'],
  2023: ['01-02', '01-16', '02-20', '04-07', '05-29', '06-19', '07-04', '09-04', '11-23', '12-25'],
  2024: ['01-01', '01-15', '02-19', '03-29', '05-27', '06-19', '07-04', '09-02', '11-28', '12-25'],
  2025: ['01-01', '01-09', '01-20', '02-17', '04-18', '05-26', '06-19', '07-04', '09-01', '11-27', '12-25'],
  2026: ['01-01', '01-19', '02-16', '04-03', '05-25', '06-19', '07-03', '09-07', '11-26', '12-25'],
};

// Early closes at 13:00 ET, as published.
const EARLY: Record<number, string[]> = {
  2015: ['11-27', '12-24'],
  2016: ['11-25'],
  2017: ['07-03', '11-24'],
  2018: ['07-03', '11-23', '12-24'],
  2019: ['07-03', '11-29', '12-24'],
  2020: ['11-27', '12-24'],
  2021: ['11-26'],
  2022: ['11-25'],
  2023: ['07-03', '11-24'],
  2024: ['07-03', '11-29', '12-24'],
  2025: ['07-03', '11-28', '12-24'],
  2026: ['11-27', '12-24'],
};

const nyse = new NyseCalendar();

describe('NyseCalendar', () => {
  it.each(Object.keys(HOLIDAYS).map(Number))('lists the published holidays of %i', (year) => {
    expect(nyse.holidays(year).map((h) => h.date)).toEqual(HOLIDAYS[year]!.map((d) => `${year}-${d}`));
  });

  it.each(Object.keys(EARLY).map(Number))('lists the published early closes of %i', (year) => {
    const early = nyse.earlyCloses(year);
    expect(early.map((e) => e.date)).toEqual(EARLY[year]!.map((d) => `${year}-${d}`));
    expect(early.every((e) => e.close === '13:00')).toBe(true);
  });

  it('names the holidays, including observed and unscheduled ones', () => {
    const names = Object.fromEntries(nyse.holidays(2021).map((h) => [h.date, h.name]));
    expect(names['2021-07-05']).toBe('Independence Day (observed)');
    expect(names['2021-12-24']).toBe('Christmas Day (observed)');
    expect(nyse.holidays(2018).find((h) => h.date === '2018-12-05')!.name).toMatch(/Bush/);
    expect(nyse.holidays(2022).some((h) => h.name.startsWith("New Year's"))).toBe(false);
  });

  it('trades on weekdays that are not holidays, and only then (property over 2015–2026)', () => {
    const start = Date.UTC(2015, 0, 1);
    const end = Date.UTC(2026, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: (end - start) / 86_400_000 }), (offset) => {
        const date = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
        const year = Number(date.slice(0, 4));
        const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
        const expected = dow !== 0 && dow !== 6 && !HOLIDAYS[year]!.includes(date.slice(5));
        expect(nyse.isTradingDay(date)).toBe(expected);
        expect(nyse.session(date) !== undefined).toBe(expected);
      }),
      { numRuns: 500, seed: 1 },
    );
  });

  it('opens at 09:30 and closes at 16:00 New York time, in winter (UTC−5) and summer (UTC−4)', () => {
    // 2024-01-02 is EST: 14:30Z–21:00Z. 2024-07-01 is EDT: 13:30Z–20:00Z.
    expect(nyse.session('2024-01-02')).toEqual({ date: '2024-01-02', open: Date.UTC(2024, 0, 2, 14, 30), close: Date.UTC(2024, 0, 2, 21, 0), earlyClose: false });
    expect(nyse.session('2024-07-01')).toEqual({ date: '2024-07-01', open: Date.UTC(2024, 6, 1, 13, 30), close: Date.UTC(2024, 6, 1, 20, 0), earlyClose: false });
    // DST starts 2024-03-10 (a Sunday): Friday 8 is EST, Monday 11 is EDT.
    expect(nyse.session('2024-03-08')!.open).toBe(Date.UTC(2024, 2, 8, 14, 30));
    expect(nyse.session('2024-03-11')!.open).toBe(Date.UTC(2024, 2, 11, 13, 30));
    // DST ends 2024-11-03: Friday 1 is EDT, Monday 4 is EST.
    expect(nyse.session('2024-11-01')!.close).toBe(Date.UTC(2024, 10, 1, 20, 0));
    expect(nyse.session('2024-11-04')!.close).toBe(Date.UTC(2024, 10, 4, 21, 0));
  });

  it('closes at 13:00 on early-close days', () => {
    // 2024-11-29 (day after Thanksgiving) is EST: 13:00 ET = 18:00Z. 2024-07-03 is EDT: 17:00Z.
    expect(nyse.session('2024-11-29')).toMatchObject({ close: Date.UTC(2024, 10, 29, 18, 0), earlyClose: true });
    expect(nyse.session('2024-07-03')).toMatchObject({ close: Date.UTC(2024, 6, 3, 17, 0), earlyClose: true });
  });

  it('gates instants to regular hours: open inclusive, close exclusive', () => {
    const open = Date.UTC(2024, 0, 2, 14, 30);
    const close = Date.UTC(2024, 0, 2, 21, 0);
    expect(nyse.isOpen(open - 1)).toBe(false);
    expect(nyse.isOpen(open)).toBe(true);
    expect(nyse.isOpen(close - 1)).toBe(true);
    expect(nyse.isOpen(close)).toBe(false);
    expect(nyse.isOpen(Date.UTC(2024, 0, 1, 15, 0))).toBe(false); // New Year's Day
    expect(nyse.isOpen(Date.UTC(2024, 6, 3, 17, 30))).toBe(false); // after the early close
  });

  it('finds the next open and close across nights, weekends and holidays', () => {
    // Friday 2024-03-28 after the close; Good Friday 29; the weekend; Monday April 1 (EDT).
    const thursdayEvening = Date.UTC(2024, 2, 28, 21, 0);
    expect(nyse.nextOpen(thursdayEvening)).toBe(Date.UTC(2024, 3, 1, 13, 30));
    expect(nyse.nextClose(thursdayEvening)).toBe(Date.UTC(2024, 3, 1, 20, 0));
    const morning = Date.UTC(2024, 3, 1, 12, 0);
    expect(nyse.nextOpen(morning)).toBe(Date.UTC(2024, 3, 1, 13, 30));
    expect(nyse.nextOpen(Date.UTC(2024, 3, 1, 13, 30))).toBe(Date.UTC(2024, 3, 1, 13, 30));
    expect(nyse.nextClose(Date.UTC(2024, 3, 1, 15, 0))).toBe(Date.UTC(2024, 3, 1, 20, 0));
    expect(nyse.nextSession('2024-03-29').date).toBe('2024-04-01');
  });

  it('gates bars: daily bars by their UTC date, intraday bars by the whole bar within the session', () => {
    expect(nyse.isBarInSession(Date.UTC(2024, 0, 2), 86_400_000)).toBe(true);
    expect(nyse.isBarInSession(Date.UTC(2024, 0, 1), 86_400_000)).toBe(false);
    expect(nyse.isBarInSession(Date.UTC(2024, 0, 6), 86_400_000)).toBe(false); // Saturday
    expect(nyse.isBarInSession(Date.UTC(2024, 0, 2, 14, 30), 60_000)).toBe(true);
    expect(nyse.isBarInSession(Date.UTC(2024, 0, 2, 20, 59), 60_000)).toBe(true);
    expect(nyse.isBarInSession(Date.UTC(2024, 0, 2, 21, 0), 60_000)).toBe(false);
    expect(nyse.isBarInSession(Date.UTC(2024, 0, 2, 20, 30), 3_600_000)).toBe(false); // would run past the close
    expect(nyse.isBarInSession(Date.UTC(2024, 0, 2, 14, 29), 60_000)).toBe(false);
  });

  it('names the field and the range on dates it does not know', () => {
    expect(() => nyse.isTradingDay('2024-02-30')).toThrow(InvalidArgumentError);
    expect(() => nyse.isTradingDay('20240102')).toThrow(/date: expected a date YYYY-MM-DD/);
    expect(() => nyse.holidays(2031)).toThrow(/year: expected a year within 2007–2030/);
    expect(() => nyse.session('2006-06-01')).toThrow(/2007–2030/);
    expect(() => nyse.isBarInSession(0, 0)).toThrow(/intervalMs/);
  });
});

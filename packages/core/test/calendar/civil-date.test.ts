import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDay, dayNumber, easterSunday, formatCivilDate, lastWeekday, nthWeekday, parseCivilDate, weekday } from '../../src/calendar/civil-date.js';

describe('civil dates', () => {
  it('round-trips day numbers and dates (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => {
        expect(dayNumber(civilFromDay(day))).toBe(day);
        expect(parseCivilDate(formatCivilDate(civilFromDay(day)))).toEqual(civilFromDay(day));
      }),
    );
  });

  it('knows weekdays: 1970-01-01 was a Thursday, 2024-01-01 a Monday', () => {
    expect(weekday(0)).toBe(4);
    expect(weekday(dayNumber({ year: 2024, month: 1, day: 1 }))).toBe(1);
    expect(weekday(-1)).toBe(3);
  });

  it('finds nth and last weekdays of a month', () => {
    // Third Monday of January 2024 = Jan 15; last Monday of May 2024 = May 27; fourth Thursday of Nov 2024 = Nov 28.
    expect(formatCivilDate(civilFromDay(nthWeekday(2024, 1, 1, 3)))).toBe('2024-01-15');
    expect(formatCivilDate(civilFromDay(lastWeekday(2024, 5, 1)))).toBe('2024-05-27');
    expect(formatCivilDate(civilFromDay(nthWeekday(2024, 11, 4, 4)))).toBe('2024-11-28');
  });

  it('computes Easter Sunday (published dates)', () => {
    const known: Record<number, string> = { 2015: '04-05', 2016: '03-27', 2019: '04-21', 2024: '03-31', 2025: '04-20', 2038: '04-25' };
    for (const [year, date] of Object.entries(known)) expect(formatCivilDate(civilFromDay(easterSunday(Number(year))))).toBe(`${year}-${date}`);
  });

  it('rejects text that is not a real date', () => {
    expect(() => parseCivilDate('2023-02-29', 'when')).toThrow(/when: expected a real calendar date/);
    expect(() => parseCivilDate('2023-1-2')).toThrow(/date: expected a date YYYY-MM-DD/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Schedule, validateScheduleRule, type ScheduleRule } from '../../src/universe/schedule.js';

const DAY = 86_400_000;
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const dueDays = (rule: ScheduleRule, isoDays: string[]): string[] => {
  const s = new Schedule(rule);
  return isoDays.filter((d) => s.tick(day(d)));
};
/** Weekdays (Mon–Fri) from `from` for `n` calendar days. */
const weekdays = (from: string, n: number): string[] => {
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = day(from) + i * DAY;
    const dow = new Date(t).getUTCDay();
    if (dow !== 0 && dow !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
};

describe('Schedule', () => {
  it('counts bars: due on the 1st call and every n-th after', () => {
    const s = new Schedule({ kind: 'bars', every: 3 });
    expect(Array.from({ length: 10 }, (_, i) => s.tick(i * DAY))).toEqual([true, false, false, true, false, false, true, false, false, true]);
    const every = new Schedule({ kind: 'bars', every: 1 });
    expect([0, 1, 2].map((t) => every.tick(t))).toEqual([true, true, true]);
  });

  it('is due on the first bar of each week (Monday by default), and on the first call', () => {
    // 2020-01-01 was a Wednesday; Mondays: Jan 6, 13.
    expect(dueDays({ kind: 'weekly' }, weekdays('2020-01-01', 17))).toEqual(['2020-01-01', '2020-01-06', '2020-01-13']);
    // Weeks starting Friday: Jan 3, 10, 17.
    expect(dueDays({ kind: 'weekly', weekday: 5 }, weekdays('2020-01-01', 17))).toEqual(['2020-01-01', '2020-01-03', '2020-01-10', '2020-01-17']);
    // Weeks starting Saturday with weekday-only bars: the first bar at or after Saturday is Monday.
    expect(dueDays({ kind: 'weekly', weekday: 6 }, weekdays('2020-01-06', 14))).toEqual(['2020-01-06', '2020-01-13']);
  });

  it('is due on the first bar at or after the given day of each month', () => {
    // Feb 1 2020 was a Saturday: the first weekday bar of February is Monday Feb 3.
    expect(dueDays({ kind: 'monthly' }, weekdays('2020-01-27', 40))).toEqual(['2020-01-27', '2020-02-03', '2020-03-02']);
    expect(dueDays({ kind: 'monthly', day: 15 }, weekdays('2020-01-01', 50))).toEqual(['2020-01-01', '2020-01-15', '2020-02-17']);
  });

  it('is not due twice in one period for intraday bars', () => {
    const s = new Schedule({ kind: 'monthly' });
    const start = day('2021-03-31');
    const due = Array.from({ length: 48 }, (_, h) => start + h * 3_600_000).filter((t) => s.tick(t));
    expect(due).toEqual([start, day('2021-04-01')]);
  });

  it('follows a predicate exactly', () => {
    const s = new Schedule((t) => t % 2 === 0);
    expect([0, 1, 2, 3].map((t) => s.tick(t))).toEqual([true, false, true, false]);
  });

  it('starts over after reset', () => {
    const s = new Schedule({ kind: 'bars', every: 2 });
    s.tick(0);
    s.tick(1);
    s.reset();
    expect(s.tick(2)).toBe(true);
  });

  it('rejects malformed rules, naming the field', () => {
    expect(() => new Schedule({ kind: 'bars', every: 0 })).toThrow(/schedule\.every/);
    expect(() => new Schedule({ kind: 'weekly', weekday: 7 })).toThrow(/schedule\.weekday/);
    expect(() => new Schedule({ kind: 'monthly', day: 31 })).toThrow(/schedule\.day/);
    expect(() => new Schedule({ kind: 'hourly' } as unknown as ScheduleRule)).toThrow(/schedule\.kind/);
    expect(() => validateScheduleRule(null as unknown as ScheduleRule, 'refresh')).toThrow(/refresh/);
  });

  it('agrees with Date-based calendar arithmetic on random increasing times (1900–2100)', () => {
    const lo = Date.UTC(1900, 0, 1);
    const hi = Date.UTC(2100, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: lo, max: hi }),
        fc.array(fc.integer({ min: 1, max: 20 * DAY }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 28 }),
        (start, steps, weekday, dom) => {
          const times: number[] = [];
          let t = start;
          for (const s of steps) times.push((t += s));
          const weekly = new Schedule({ kind: 'weekly', weekday });
          const monthly = new Schedule({ kind: 'monthly', day: dom });
          let lastWeek: number | undefined;
          let lastMonth: number | undefined;
          for (const time of times) {
            const d = new Date(time);
            const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
            const week = midnight - ((d.getUTCDay() - weekday + 7) % 7) * DAY;
            const month = d.getUTCFullYear() * 12 + d.getUTCMonth() - (d.getUTCDate() >= dom ? 0 : 1);
            expect(weekly.tick(time)).toBe(week !== lastWeek);
            expect(monthly.tick(time)).toBe(month !== lastMonth);
            lastWeek = week;
            lastMonth = month;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ManualClock, MS_PER_DAY, parseIso, toIso, toIsoDate, utcDay } from '../src/index.js';

describe('time helpers', () => {
  it('reads a bare date as midnight UTC', () => {
    expect(parseIso('2015-01-02')).toBe(Date.UTC(2015, 0, 2));
  });

  it('reads a date-time without offset as UTC and honours an explicit offset', () => {
    expect(parseIso('2015-01-02T14:30:00')).toBe(Date.UTC(2015, 0, 2, 14, 30));
    expect(parseIso('2015-01-02T14:30:00+01:00')).toBe(Date.UTC(2015, 0, 2, 13, 30));
  });

  it('formats epoch ms as ISO in UTC', () => {
    expect(toIso(Date.UTC(2020, 1, 29, 9, 30))).toBe('2020-02-29T09:30:00.000Z');
    expect(toIsoDate(Date.UTC(2020, 1, 29, 23, 59))).toBe('2020-02-29');
  });

  it('numbers UTC days', () => {
    expect(utcDay(MS_PER_DAY * 3 + 5)).toBe(3);
    expect(utcDay(Date.UTC(1970, 0, 1, 23, 59))).toBe(0);
  });

  it('rejects text that is not a date, naming the field', () => {
    expect(() => parseIso('yesterday', 'start')).toThrow(InvalidArgumentError);
    expect(() => parseIso('2015-13-45', 'start')).toThrow(/start: expected an ISO-8601 date, got "2015-13-45"/);
  });

  it('keeps a manual clock from going backwards', () => {
    const clock = new ManualClock(1000);
    clock.advance(500);
    expect(clock.now()).toBe(1500);
    expect(() => clock.set(1000)).toThrow(InvalidArgumentError);
  });
});

import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { ScheduleRuleSchema, SymbolTextSchema } from '../../src/universe/schemas.js';

describe('spec schemas', () => {
  it('parses symbol text into interned symbols and reports bad ones as issues', () => {
    expect(SymbolTextSchema.parse('AAPL.NASDAQ')).toBe(SymbolId.parse('AAPL.NASDAQ'));
    const bad = SymbolTextSchema.safeParse('AAPL NASDAQ');
    expect(bad.success).toBe(false);
    expect(SymbolTextSchema.safeParse(42).success).toBe(false);
  });

  it('accepts the three schedule kinds with their ranges, strictly', () => {
    expect(ScheduleRuleSchema.parse({ kind: 'bars', every: 5 })).toEqual({ kind: 'bars', every: 5 });
    expect(ScheduleRuleSchema.parse({ kind: 'weekly' })).toEqual({ kind: 'weekly' });
    expect(ScheduleRuleSchema.parse({ kind: 'monthly', day: 28 })).toEqual({ kind: 'monthly', day: 28 });
    expect(ScheduleRuleSchema.safeParse({ kind: 'bars', every: 0 }).success).toBe(false);
    expect(ScheduleRuleSchema.safeParse({ kind: 'weekly', weekday: 7 }).success).toBe(false);
    expect(ScheduleRuleSchema.safeParse({ kind: 'monthly', day: 29 }).success).toBe(false);
    expect(ScheduleRuleSchema.safeParse({ kind: 'bars', every: 1, extra: true }).success).toBe(false);
    expect(ScheduleRuleSchema.safeParse({ kind: 'daily' }).success).toBe(false);
  });
});

import { SymbolId } from '@alphaswarm/core';
import { z } from 'zod';
import type { CalendarScheduleRule } from './schedule.js';

/**
 * zod schema of a symbol written as text in a spec (`"AAPL.NASDAQ"`), parsed into an
 * interned {@link SymbolId}; a malformed symbol is an issue at its own path.
 */
export const SymbolTextSchema = z.string().transform((text, ctx) => {
  try {
    return SymbolId.parse(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'invalid symbol', input: text });
    return z.NEVER;
  }
});

/**
 * zod schema of a {@link CalendarScheduleRule} in a spec (the predicate form of a
 * `ScheduleRule` cannot be written in YAML): `{kind: bars, every}`, `{kind: weekly, weekday?}`
 * or `{kind: monthly, day?}`, with the ranges `Schedule` accepts.
 */
export const ScheduleRuleSchema: z.ZodType<CalendarScheduleRule> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bars'), every: z.number().int().min(1) }).strict(),
  z.object({ kind: z.literal('weekly'), weekday: z.number().int().min(0).max(6).optional() }).strict(),
  z.object({ kind: z.literal('monthly'), day: z.number().int().min(1).max(28).optional() }).strict(),
]);

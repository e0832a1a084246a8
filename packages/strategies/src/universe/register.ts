import { parseIso, type ModelRegistry } from '@alphaswarm/core';
import { z } from 'zod';
import { FilterUniverse } from './filter-universe.js';
import { ManualUniverse } from './manual-universe.js';
import { membershipTableSelector } from './membership-table.js';
import { ScheduledUniverse } from './scheduled-universe.js';
import { ScheduleRuleSchema, SymbolTextSchema } from './schemas.js';
import { StaticUniverse } from './static-universe.js';

const name = z.string().min(1).optional();

const isoTime = z.string().transform((text, ctx) => {
  try {
    return parseIso(text, 'from');
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected an ISO-8601 date such as 2020-01-31', input: text });
    return z.NEVER;
  }
});

/** Kwargs of `StaticUniverse` in a spec. */
const StaticUniverseKwargs = z.object({ symbols: z.array(SymbolTextSchema).min(1), name }).strict();

/** Kwargs of `ManualUniverse` in a spec. */
const ManualUniverseKwargs = z.object({ symbols: z.array(SymbolTextSchema).optional(), name }).strict();

/** Kwargs of `ScheduledUniverse` in a spec: a schedule and a point-in-time membership table. */
const ScheduledUniverseKwargs = z
  .object({
    schedule: ScheduleRuleSchema.default({ kind: 'bars', every: 1 }),
    selections: z.array(z.object({ from: isoTime, symbols: z.array(SymbolTextSchema) }).strict()).min(1),
    name,
  })
  .strict();

/** Kwargs of `FilterUniverse` in a spec (the `predicate` option has no spec form). */
const FilterUniverseKwargs = z
  .object({
    top_n: z.number().int().min(1).optional(),
    lookback: z.number().int().min(1).optional(),
    min_price: z.number().finite().min(0).optional(),
    max_price: z.number().positive().optional(),
    refresh: ScheduleRuleSchema.optional(),
    name,
  })
  .strict();

/**
 * Registers the universe selection models under their class names, kind `universe`,
 * with snake_case kwargs as written in specs:
 *
 * - `StaticUniverse {symbols: ["AAPL.NASDAQ", …], name?}`
 * - `ManualUniverse {symbols?, name?}`
 * - `ScheduledUniverse {schedule?, selections: [{from: "2020-01-01", symbols: […]}, …], name?}`
 *   — a point-in-time membership table (see `membershipTableSelector`), re-read when
 *   `schedule` is due (default every bar)
 * - `FilterUniverse {top_n?, lookback?, min_price?, max_price?, refresh?, name?}`
 *
 * A schedule is `{kind: bars, every}`, `{kind: weekly, weekday?}` or `{kind: monthly, day?}`.
 * Unknown kwargs are errors. Returns the registry.
 */
export function registerUniverseModels(registry: ModelRegistry): ModelRegistry {
  registry.register('StaticUniverse', (k) => new StaticUniverse({ symbols: k.symbols, name: k.name }), StaticUniverseKwargs, {
    kind: 'universe',
    description: 'A fixed list of symbols.',
  });
  registry.register('ManualUniverse', (k) => new ManualUniverse({ symbols: k.symbols ?? [], name: k.name }), ManualUniverseKwargs, {
    kind: 'universe',
    description: 'Symbols added and removed at run time; starts with `symbols`.',
  });
  registry.register(
    'ScheduledUniverse',
    (k) =>
      new ScheduledUniverse({
        schedule: k.schedule,
        selector: membershipTableSelector(k.selections),
        name: k.name,
      }),
    ScheduledUniverseKwargs,
    { kind: 'universe', description: 'Point-in-time membership table, re-read on a schedule.' },
  );
  registry.register(
    'FilterUniverse',
    (k) =>
      new FilterUniverse({
        topN: k.top_n,
        lookback: k.lookback,
        minPrice: k.min_price,
        maxPrice: k.max_price,
        refresh: k.refresh,
        name: k.name,
      }),
    FilterUniverseKwargs,
    { kind: 'universe', description: 'Top N symbols by average dollar volume within a price range, refreshed on a schedule.' },
  );
  return registry;
}

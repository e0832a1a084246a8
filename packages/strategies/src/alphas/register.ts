import type { ModelRegistry } from '@alphaswarm/core';
import { z } from 'zod';
import { ScheduleRuleSchema, SymbolTextSchema } from '../universe/schemas.js';
import { BreakoutAlpha } from './breakout-alpha.js';
import { ConstantAlpha } from './constant-alpha.js';
import { DualMACrossoverAlpha } from './dual-ma-crossover-alpha.js';
import { MacdAlpha } from './macd-alpha.js';
import { MeanReversionZScoreAlpha } from './mean-reversion-z-score-alpha.js';
import { MomentumAlpha } from './momentum-alpha.js';
import { PairsTradingAlpha } from './pairs-trading-alpha.js';
import { RsiReversalAlpha } from './rsi-reversal-alpha.js';

const bars = z.number().int().min(1);

/** Kwargs every alpha accepts: `name`, `bar_interval` (ms), `weight`, `confidence`. */
const common = {
  name: z.string().min(1).optional(),
  bar_interval: z.number().finite().positive().optional(),
  weight: z.number().finite().optional(),
  confidence: z.number().min(0).max(1).optional(),
};

/** The camelCase options of the common kwargs. */
function commonOptions(k: { name?: string | undefined; bar_interval?: number | undefined; weight?: number | undefined; confidence?: number | undefined }): {
  name: string | undefined;
  barInterval: number | undefined;
  weight: number | undefined;
  confidence: number | undefined;
} {
  return { name: k.name, barInterval: k.bar_interval, weight: k.weight, confidence: k.confidence };
}

const DualMACrossoverKwargs = z
  .object({ ...common, fast: bars.optional(), slow: bars.optional(), ma_type: z.enum(['sma', 'ema']).optional(), long_only: z.boolean().optional(), period: bars.optional() })
  .strict();

const RsiReversalKwargs = z
  .object({
    ...common,
    period: bars.optional(),
    oversold: z.number().min(0).max(100).optional(),
    overbought: z.number().min(0).max(100).optional(),
    hysteresis: z.number().finite().min(0).optional(),
    long_only: z.boolean().optional(),
    insight_period: bars.optional(),
  })
  .strict();

const BreakoutKwargs = z.object({ ...common, lookback: bars.optional(), long_only: z.boolean().optional(), period: bars.optional() }).strict();

const MacdKwargs = z
  .object({
    ...common,
    fast: bars.optional(),
    slow: bars.optional(),
    signal: bars.optional(),
    bounce_threshold: z.number().finite().min(0).optional(),
    long_only: z.boolean().optional(),
    period: bars.optional(),
  })
  .strict();

const MomentumKwargs = z
  .object({ ...common, lookback: bars.optional(), k: bars.optional(), rebalance: ScheduleRuleSchema.optional(), long_only: z.boolean().optional(), period: bars.optional() })
  .strict();

const MeanReversionZScoreKwargs = z
  .object({
    ...common,
    lookback: z.number().int().min(2).optional(),
    entry: z.number().finite().positive().optional(),
    exit: z.number().finite().min(0).optional(),
    long_only: z.boolean().optional(),
    period: bars.optional(),
  })
  .strict();

const PairsTradingKwargs = z
  .object({
    ...common,
    lookback: z.number().int().min(2).optional(),
    min_correlation: z.number().min(-1).max(1).optional(),
    entry: z.number().finite().positive().optional(),
    exit: z.number().finite().min(0).optional(),
    reselect: ScheduleRuleSchema.optional(),
    pairs: z.array(z.tuple([SymbolTextSchema, SymbolTextSchema])).optional(),
    period: bars.optional(),
  })
  .strict();

const ConstantKwargs = z
  .object({
    ...common,
    direction: z.enum(['up', 'down', 'flat']),
    symbols: z.array(SymbolTextSchema).optional(),
    magnitude: z.number().finite().optional(),
    period: bars.optional(),
  })
  .strict();

/**
 * Registers the alpha models under their class names, kind `alpha`, with snake_case
 * kwargs as written in specs. Every alpha accepts `name`, `bar_interval` (ms),
 * `weight` and `confidence`; `period` is the insight duration in bars except for
 * `RsiReversalAlpha`, where it is the RSI period and the duration is `insight_period`:
 *
 * - `DualMACrossoverAlpha {fast, slow, ma_type: sma|ema, long_only, period, …}`
 * - `RsiReversalAlpha {period, oversold, overbought, hysteresis, long_only, insight_period, …}`
 * - `BreakoutAlpha {lookback, long_only, period, …}`
 * - `MacdAlpha {fast, slow, signal, bounce_threshold, long_only, period, …}`
 * - `MomentumAlpha {lookback, k, rebalance, long_only, period, …}`
 * - `MeanReversionZScoreAlpha {lookback, entry, exit, long_only, period, …}`
 * - `PairsTradingAlpha {lookback, min_correlation, entry, exit, reselect, pairs: [[a, b], …], period, …}`
 * - `ConstantAlpha {direction: up|down|flat, symbols, magnitude, period, …}`
 *
 * Schedules are `{kind: bars, every}`, `{kind: weekly, weekday?}` or
 * `{kind: monthly, day?}`; symbols are text such as `"AAPL.NASDAQ"`. Unknown kwargs
 * are errors; cross-field rules (e.g. `slow > fast`) are checked by the constructors.
 * Returns the registry.
 */
export function registerAlphaModels(registry: ModelRegistry): ModelRegistry {
  const meta = (description: string): { kind: 'alpha'; description: string } => ({ kind: 'alpha', description });
  registry.register(
    'DualMACrossoverAlpha',
    (k) => new DualMACrossoverAlpha({ ...commonOptions(k), fast: k.fast, slow: k.slow, maType: k.ma_type, longOnly: k.long_only, period: k.period }),
    DualMACrossoverKwargs,
    meta('Up on a golden cross of a fast over a slow moving average, down (or flat) on a death cross.'),
  );
  registry.register(
    'RsiReversalAlpha',
    (k) =>
      new RsiReversalAlpha({
        ...commonOptions(k),
        period: k.period,
        oversold: k.oversold,
        overbought: k.overbought,
        hysteresis: k.hysteresis,
        longOnly: k.long_only,
        insightPeriod: k.insight_period,
      }),
    RsiReversalKwargs,
    meta('Up when the RSI trips oversold, down (or flat) when it trips overbought.'),
  );
  registry.register(
    'BreakoutAlpha',
    (k) => new BreakoutAlpha({ ...commonOptions(k), lookback: k.lookback, longOnly: k.long_only, period: k.period }),
    BreakoutKwargs,
    meta('Donchian channel breakout: up above the prior high, down (or flat) below the prior low.'),
  );
  registry.register(
    'MacdAlpha',
    (k) =>
      new MacdAlpha({ ...commonOptions(k), fast: k.fast, slow: k.slow, signal: k.signal, bounceThreshold: k.bounce_threshold, longOnly: k.long_only, period: k.period }),
    MacdKwargs,
    meta('MACD against its signal line, with a neutral band.'),
  );
  registry.register(
    'MomentumAlpha',
    (k) => new MomentumAlpha({ ...commonOptions(k), lookback: k.lookback, k: k.k, rebalance: k.rebalance, longOnly: k.long_only, period: k.period }),
    MomentumKwargs,
    meta('Cross-sectional momentum: up for the top k by rate of change, down (or flat) for the bottom k.'),
  );
  registry.register(
    'MeanReversionZScoreAlpha',
    (k) => new MeanReversionZScoreAlpha({ ...commonOptions(k), lookback: k.lookback, entry: k.entry, exit: k.exit, longOnly: k.long_only, period: k.period }),
    MeanReversionZScoreKwargs,
    meta('Down above +entry, up below −entry z-score of the close, flat inside ±exit.'),
  );
  registry.register(
    'PairsTradingAlpha',
    (k) =>
      new PairsTradingAlpha({
        ...commonOptions(k),
        lookback: k.lookback,
        minCorrelation: k.min_correlation,
        entry: k.entry,
        exit: k.exit,
        reselect: k.reselect,
        pairs: k.pairs,
        period: k.period,
      }),
    PairsTradingKwargs,
    meta('Correlated pairs: opposite insights on the legs when the z-score of the log spread leaves ±entry.'),
  );
  registry.register(
    'ConstantAlpha',
    (k) => new ConstantAlpha({ ...commonOptions(k), direction: k.direction, symbols: k.symbols, magnitude: k.magnitude, period: k.period }),
    ConstantKwargs,
    meta('The same insight for every symbol, renewed as it expires.'),
  );
  return registry;
}

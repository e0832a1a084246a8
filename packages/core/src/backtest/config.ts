import { z } from 'zod';
import { SpecValidationError, describeValue } from '../errors.js';
import type { KillSwitch } from '../kill-switch.js';
import type { FeeModel } from '../orders/fees.js';
import type { FillModel } from '../orders/fill-model.js';
import type { SlippageModel } from '../orders/slippage.js';
import type { ProgressEmitter } from '../progress.js';
import type { Clock } from '../time.js';

/** The numeric settings of a backtest, validated with zod; recorded in the result. */
export const BacktestSettingsSchema = z
  .object({
    /** Starting cash in account currency. */
    initialCash: z.number().finite().positive().default(100_000),
    /** Periods per year for annualised statistics (252 for daily bars). */
    periodsPerYear: z.number().finite().positive().default(252),
    /**
     * Fraction of equity kept out of weight-target sizing, so that a gap between the
     * sizing close and the next open rarely makes a buy exceed the cash (LEAN's default 0.25%).
     */
    freePortfolioValuePct: z.number().min(0).max(1).default(0.0025),
    /** Gross exposure allowed as a multiple of equity; 1 means a cash account (no borrowing). */
    leverage: z.number().finite().positive().default(1),
    /** Seed of the run's random source (models that sample). */
    seed: z.number().int().default(0),
    /** Emit a progress frame every this many bars. */
    progressEvery: z.number().int().positive().default(250_000),
    /** Task id carried by progress frames. */
    taskId: z.string().min(1).default('backtest'),
  })
  .strict();

/** Validated backtest settings. */
export type BacktestSettings = z.infer<typeof BacktestSettingsSchema>;

/** Everything a backtest can be given: the settings plus pluggable models and hooks. */
export interface BacktestOptions extends Partial<BacktestSettings> {
  /** How orders fill against bars (default: next open, limits/stops in range). */
  readonly fillModel?: FillModel;
  /** Slippage applied to fill prices (default none). */
  readonly slippage?: SlippageModel;
  /** Fees charged per fill (default none). */
  readonly fees?: FeeModel;
  /** Checked before every event; halting stops the run at the next event. */
  readonly killSwitch?: KillSwitch;
  /** Receives progress frames. */
  readonly progress?: ProgressEmitter;
  /** Wall clock used only to measure bars per second in progress frames. */
  readonly wallClock?: Clock;
}

/** Validates the numeric settings, naming the offending field. */
export function parseBacktestSettings(options: Partial<BacktestSettings>): BacktestSettings {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(BacktestSettingsSchema.shape)) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) picked[key] = value;
  }
  const parsed = BacktestSettingsSchema.safeParse(picked);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw new SpecValidationError(`backtest.${path}`, `${issue?.message ?? 'invalid'}, got ${describeValue(picked[path])}`, picked[path]);
}

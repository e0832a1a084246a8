import { isAbsolute, resolve } from 'node:path';
import type { BarFrame } from '../data/bar-frame.js';
import { loadCsvDirectory } from '../data/csv.js';
import { syntheticBars } from '../data/synthetic.js';
import { MS_PER_DAY } from '../time.js';
import type { BotSpec } from './bot-spec.js';

const INTERVAL_MS = { '1d': MS_PER_DAY, '1h': 3_600_000, '1m': 60_000 } as const;

/** Bars per year for each synthetic interval: 252 trading days, 6.5 trading hours a day. */
export const PERIODS_PER_YEAR = { '1d': 252, '1h': 252 * 6.5, '1m': 252 * 390 } as const;

/**
 * Loads the bars a bot spec names: the seeded synthetic market over the universe's
 * symbols, or one `<SYMBOL>.csv` per universe symbol from a directory (resolved
 * against `baseDir`, the spec file's folder).
 */
export async function loadBotData(spec: BotSpec, baseDir = process.cwd()): Promise<BarFrame> {
  const pipeline = spec.data_pipeline;
  const symbols = spec.universe.symbols;
  if (pipeline.source === 'synthetic') {
    return syntheticBars({
      symbols,
      bars: pipeline.bars,
      seed: pipeline.seed,
      start: pipeline.start,
      intervalMs: INTERVAL_MS[pipeline.interval],
      ...(pipeline.correlation === undefined ? {} : { correlation: pipeline.correlation }),
      ...(pipeline.drift === undefined ? {} : { drift: pipeline.drift }),
      ...(pipeline.volatility === undefined ? {} : { volatility: pipeline.volatility }),
    });
  }
  const dir = isAbsolute(pipeline.path) ? pipeline.path : resolve(baseDir, pipeline.path);
  const frame = await loadCsvDirectory(dir);
  return frame.select({ symbols });
}

/** Periods per year the spec's data implies (252 for daily bars and CSV data). */
export function periodsPerYearOf(spec: BotSpec): number {
  const explicit = spec.backtest.kwargs.periods_per_year;
  if (explicit !== undefined) return explicit;
  return spec.data_pipeline.source === 'synthetic' ? PERIODS_PER_YEAR[spec.data_pipeline.interval] : 252;
}

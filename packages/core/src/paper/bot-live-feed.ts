import { isAbsolute, resolve } from 'node:path';
import { NyseCalendar } from '../calendar/nyse-calendar.js';
import type { ExchangeCalendar } from '../calendar/exchange-calendar.js';
import type { BotSpec } from '../bots/bot-spec.js';
import { CsvDirectoryDataSource } from '../data/csv-directory-data-source.js';
import type { MarketDataAdapter } from '../data/market-data-adapter.js';
import { SyntheticDataSource } from '../data/synthetic-data-source.js';
import { MS_PER_DAY, parseIso, type Clock } from '../time.js';
import { MarketDataFeed } from './market-data-feed.js';
import { MarketHoursScheduler } from './scheduler.js';
import type { Sleep } from './sleep.js';

const INTERVAL_MS = { '1d': MS_PER_DAY, '1h': 3_600_000, '1m': 60_000 } as const;

/** Options of {@link botLiveFeed}. */
export interface BotLiveFeedOptions {
  /** Folder that a CSV pipeline's relative path is resolved against (default the working directory). */
  readonly baseDir?: string;
  /** Market data to poll instead of the spec's own source (e.g. a broker's data API). */
  readonly adapter?: MarketDataAdapter;
  /** Bar interval of CSV data in ms (default one day); synthetic data has its own. */
  readonly intervalMs?: number;
  /** Calendar of the polling schedule (default `NyseCalendar`). */
  readonly calendar?: ExchangeCalendar;
  /** Also skip bars outside the calendar's regular hours (default false: the data decides). */
  readonly gate?: boolean;
  /** Poll delay after a bar completes, in ms (default 2 000). */
  readonly delayMs?: number;
  /** Wall clock (default the system clock). */
  readonly clock?: Clock;
  /** How the feed waits between polls. */
  readonly sleep?: Sleep;
}

/**
 * The live feed of a bot: polls the spec's market data (the synthetic market or
 * its CSV directory, or `options.adapter`) on the regular-hours schedule of an
 * exchange calendar, from the spec's first bar on. New bars appended to the CSV
 * files are picked up at the next poll.
 */
export function botLiveFeed(spec: BotSpec, options: BotLiveFeedOptions = {}): MarketDataFeed {
  const pipeline = spec.data_pipeline;
  const calendar = options.calendar ?? new NyseCalendar();
  let adapter: MarketDataAdapter;
  let start = 0;
  let intervalMs = options.intervalMs ?? MS_PER_DAY;
  if (pipeline.source === 'synthetic') {
    intervalMs = INTERVAL_MS[pipeline.interval];
    start = parseIso(pipeline.start, 'data_pipeline.start');
    adapter =
      options.adapter ??
      new SyntheticDataSource({
        bars: pipeline.bars,
        seed: pipeline.seed,
        start: pipeline.start,
        intervalMs,
        ...(pipeline.correlation === undefined ? {} : { correlation: pipeline.correlation }),
        ...(pipeline.drift === undefined ? {} : { drift: pipeline.drift }),
        ...(pipeline.volatility === undefined ? {} : { volatility: pipeline.volatility }),
      });
  } else {
    const dir = isAbsolute(pipeline.path) ? pipeline.path : resolve(options.baseDir ?? process.cwd(), pipeline.path);
    adapter = options.adapter ?? new CsvDirectoryDataSource(dir);
  }
  return new MarketDataFeed({
    adapter,
    symbols: spec.universe.symbols,
    start,
    intervalMs,
    scheduler: new MarketHoursScheduler({ calendar, intervalMs, ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }) }),
    ...(options.gate === true ? { calendar } : {}),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
  });
}

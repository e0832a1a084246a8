import { z } from 'zod';
import type { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';
import type { BarFrame } from './bar-frame.js';
import { parseOptions, symbolInputSchema } from './parse-options.js';

/** What a {@link MarketDataAdapter} is asked to load. */
export interface MarketDataRequest {
  /** The symbols wanted (at least one; repeats are ignored). */
  readonly symbols: readonly (SymbolId | string)[];
  /** First bar time wanted, epoch ms UTC, inclusive; from the first bar when omitted. */
  readonly start?: EpochMs;
  /** Last bar time wanted, epoch ms UTC, inclusive; to the last bar when omitted. */
  readonly end?: EpochMs;
}

/**
 * A source of historical bars: the contract between the SDK and wherever the host
 * keeps its market data. Shipped: {@link CsvDirectoryDataSource} and
 * {@link SyntheticDataSource}.
 */
export interface MarketDataAdapter {
  /**
   * Loads the bars of the requested symbols with `start ≤ timestamp ≤ end`. A
   * symbol with no bars in the range is absent from the frame; a symbol the source
   * does not know is an error (`InvalidArgumentError`).
   */
  load(request: MarketDataRequest): Promise<BarFrame>;
}

const requestSchema = z
  .object({
    symbols: z.array(symbolInputSchema).min(1),
    start: z.number().optional(),
    end: z.number().optional(),
  })
  .refine((request) => request.start === undefined || request.end === undefined || request.start <= request.end, {
    message: 'end at or after start',
    path: ['end'],
  });

/**
 * Checks a {@link MarketDataRequest} that came from outside.
 *
 * @throws {@link InvalidArgumentError} naming the offending field.
 * @internal
 */
export function parseMarketDataRequest(request: MarketDataRequest): MarketDataRequest {
  return parseOptions(requestSchema, request, 'request');
}

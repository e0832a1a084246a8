import { SymbolId } from '../symbol-id.js';
import type { BarFrame } from './bar-frame.js';
import { parseMarketDataRequest } from './market-data-adapter.js';
import type { MarketDataAdapter, MarketDataRequest } from './market-data-adapter.js';
import { syntheticBars } from './synthetic.js';
import type { SyntheticBarsOptions } from './synthetic.js';

/** Options of a {@link SyntheticDataSource}: those of {@link syntheticBars} but the symbols, which each request names. */
export type SyntheticDataSourceOptions = Omit<SyntheticBarsOptions, 'symbols'>;

/**
 * A {@link MarketDataAdapter} that serves the deterministic synthetic market of
 * {@link syntheticBars}. Any valid symbol is known. A symbol's bars depend only on
 * the seed, its name and the options, so loading it alone or with others gives the
 * same bars. The range is applied after generation: `bars` counts bars from `start`.
 */
export class SyntheticDataSource implements MarketDataAdapter {
  /** The generation options (a frozen copy). */
  readonly options: SyntheticDataSourceOptions;

  /** @param options - generation options, checked at each load */
  constructor(options: SyntheticDataSourceOptions) {
    this.options = Object.freeze({ ...options });
  }

  /**
   * Generates the requested symbols and keeps `start ≤ timestamp ≤ end`.
   *
   * @throws {@link InvalidArgumentError} on a malformed request or invalid options.
   */
  async load(request: MarketDataRequest): Promise<BarFrame> {
    const { symbols, start, end } = parseMarketDataRequest(request);
    const unique = [...new Map(symbols.map((raw) => SymbolId.from(raw)).map((symbol) => [symbol.value, symbol])).values()];
    return syntheticBars({ ...this.options, symbols: unique }).select({ start, end });
  }
}

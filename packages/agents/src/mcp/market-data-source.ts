/**
 * Where the MCP tools read bars from: a `MarketDataAdapter` or an in-memory
 * `BarFrame`, behind one loader.
 *
 * @module
 */
import { BarFrame, InvalidArgumentError, SymbolId, toIso } from '@alphaswarm/core';
import type { BarSeries, EpochMs, MarketDataAdapter } from '@alphaswarm/core';

/** Bars for the MCP tools: a host's {@link MarketDataAdapter} (loaded per call) or a `BarFrame` held in memory. */
export type McpMarketData = MarketDataAdapter | BarFrame;

/**
 * The bars of `symbols` up to `end` (inclusive; all bars when omitted), one series
 * per symbol in the order given.
 *
 * @throws InvalidSymbolError for malformed symbol text; InvalidArgumentError
 *   (`symbol`) for a symbol the data do not have (or have no bars of up to `end`).
 */
export async function loadBarSeries(data: McpMarketData, symbols: readonly string[], end?: EpochMs): Promise<BarSeries[]> {
  const ids = symbols.map((text) => SymbolId.parse(text));
  let frame: BarFrame;
  if (data instanceof BarFrame) {
    for (const id of ids) {
      if (!data.has(id)) throw new InvalidArgumentError('symbol', id.value, `a symbol of the data (${describeSymbols(data.symbols)})`);
    }
    frame = end === undefined ? data : data.select({ symbols: ids, end });
  } else {
    frame = await data.load({ symbols: ids, ...(end === undefined ? {} : { end }) });
  }
  return ids.map((id) => {
    if (!frame.has(id)) throw new InvalidArgumentError('symbol', id.value, end === undefined ? 'a symbol with bars' : `a symbol with bars at or before ${toIso(end)}`);
    return frame.series(id);
  });
}

function describeSymbols(symbols: readonly SymbolId[]): string {
  const shown = symbols.slice(0, 10).map((s) => s.value);
  return symbols.length > 10 ? `${shown.join(', ')}, … ${symbols.length} in all` : shown.join(', ');
}

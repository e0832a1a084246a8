import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError } from '../errors.js';
import { SymbolId } from '../symbol-id.js';
import { BarFrame } from './bar-frame.js';
import { loadCsvFile } from './csv.js';
import { parseMarketDataRequest } from './market-data-adapter.js';
import type { MarketDataAdapter, MarketDataRequest } from './market-data-adapter.js';

/**
 * A {@link MarketDataAdapter} over a directory of `<SYMBOL>.csv` files (the layout
 * {@link loadCsvDirectory} reads; the extension `.csv` or `.CSV`). Each `load` reads only
 * the requested symbols' files, afresh (no caching), validates each file whole, then
 * keeps the requested range.
 */
export class CsvDirectoryDataSource implements MarketDataAdapter {
  /** The directory holding the files. */
  readonly dir: string;

  /** @param dir - directory holding one `<SYMBOL>.csv` per symbol */
  constructor(dir: string) {
    if (typeof dir !== 'string' || dir.length === 0) throw new InvalidArgumentError('dir', dir, 'a directory path');
    this.dir = dir;
  }

  /**
   * Loads the requested symbols from `<dir>/<SYMBOL>.csv`.
   *
   * @throws {@link InvalidArgumentError} on a malformed request or a symbol with no file.
   * @throws {@link DataValidationError} when a requested file is not valid bars.
   */
  async load(request: MarketDataRequest): Promise<BarFrame> {
    const { symbols, start, end } = parseMarketDataRequest(request);
    const unique = [...new Map(symbols.map((raw) => SymbolId.from(raw)).map((symbol) => [symbol.value, symbol])).values()];
    const frames: BarFrame[] = [];
    for (const symbol of unique) {
      const path = await findFile(this.dir, symbol.value);
      if (path === undefined) {
        throw new InvalidArgumentError('request.symbols', symbol.value, `a symbol with a file ${join(this.dir, `${symbol.value}.csv`)}`);
      }
      frames.push(await loadCsvFile(path, { symbol }));
    }
    return BarFrame.concat(frames).select({ start, end });
  }
}

/** The path of `<dir>/<symbol>.csv` (or `.CSV`), or `undefined` when neither exists. */
async function findFile(dir: string, symbol: string): Promise<string | undefined> {
  for (const extension of ['.csv', '.CSV']) {
    const path = join(dir, `${symbol}${extension}`);
    try {
      await access(path);
      return path;
    } catch {
      // try the next spelling
    }
  }
  return undefined;
}

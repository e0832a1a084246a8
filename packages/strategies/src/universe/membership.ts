import { InvalidArgumentError, SymbolId, type AlgorithmContext } from '@alphaswarm/core';

/**
 * Parses a list of symbols (objects or `TICKER.VENUE` text) into interned
 * {@link SymbolId}s, dropping repeats and keeping first-seen order.
 *
 * @param symbols - the list
 * @param path - option path for errors, e.g. `symbols`
 * @throws {@link @alphaswarm/core!InvalidArgumentError} when `symbols` is not an array or an element
 * is not a symbol (the path names the element, e.g. `symbols.2`).
 */
export function parseSymbolList(symbols: readonly (SymbolId | string)[], path: string): SymbolId[] {
  if (!Array.isArray(symbols)) throw new InvalidArgumentError(path, symbols, 'an array of symbols');
  const out: SymbolId[] = [];
  const seen = new Set<SymbolId>();
  symbols.forEach((s, i) => {
    let id: SymbolId;
    try {
      id = SymbolId.from(s);
    } catch {
      throw new InvalidArgumentError(`${path}.${i}`, s, 'a symbol such as "AAPL.NASDAQ"');
    }
    if (seen.has(id)) return;
    seen.add(id);
    out.push(id);
  });
  return out;
}

/**
 * Checks that every symbol is carried by the data feed (`ctx.securities.available`),
 * so that a mistyped symbol fails loudly instead of silently never trading.
 *
 * @throws {@link @alphaswarm/core!InvalidArgumentError} naming `path` and the first unknown symbol.
 */
export function requireAvailable(ctx: AlgorithmContext, symbols: readonly SymbolId[], path: string): void {
  if (symbols.length === 0) return;
  const available = new Set(ctx.securities.available);
  for (const symbol of symbols) {
    if (!available.has(symbol)) throw new InvalidArgumentError(path, symbol.value, 'a symbol carried by the data feed');
  }
}

/** True when `a` and `b` hold the same symbols (order ignored; neither has repeats). */
export function sameMembers(a: readonly SymbolId[], b: readonly SymbolId[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  const set = new Set(a);
  for (const s of b) if (!set.has(s)) return false;
  return true;
}

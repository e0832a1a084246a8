import { ACCEPTED, InvalidArgumentError, SymbolId } from '@alphaswarm/core';
import type { AlgorithmContext, OrderRequest, PreTradeControl, PreTradeVerdict } from '@alphaswarm/core';
import { modelName } from '../caps/option-checks.js';
import { rejection } from './verdicts.js';

/** Options of {@link RestrictedSymbols}. */
export interface RestrictedSymbolsOptions {
  /** The symbols that may not be traded (SymbolIds or canonical texts such as `"AAPL.NASDAQ"`). */
  readonly symbols: readonly (SymbolId | string)[];
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * Rejects every order on a restricted symbol (a restricted list, SEC 15c3-5(c)(2)(ii)
 * "securities the broker-dealer is restricted from trading"), whatever its side.
 * Rule `restricted_symbol`; details `symbol`.
 */
export class RestrictedSymbols implements PreTradeControl {
  /** Name used in risk events. */
  readonly name: string;
  private readonly restricted = new Set<SymbolId>();

  /** @throws InvalidArgumentError when `symbols` is not an array; InvalidSymbolError on a bad symbol text. */
  constructor(options: RestrictedSymbolsOptions) {
    if (!Array.isArray(options.symbols)) throw new InvalidArgumentError('symbols', options.symbols, 'an array of symbols');
    for (const symbol of options.symbols) this.restricted.add(SymbolId.from(symbol));
    this.name = modelName(options.name, 'RestrictedSymbols');
  }

  /** The restricted symbols, sorted by text. */
  get symbols(): SymbolId[] {
    return [...this.restricted].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }

  /** Accepts any order on a symbol not in the list. */
  check(_ctx: AlgorithmContext, request: OrderRequest, _price?: number): PreTradeVerdict {
    if (!this.restricted.has(request.symbol)) return ACCEPTED;
    return rejection('restricted_symbol', `${request.symbol.value} is on the restricted list`, { symbol: request.symbol.value });
  }
}

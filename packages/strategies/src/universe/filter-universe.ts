import { InvalidArgumentError, type AlgorithmContext, type SymbolId, type UniverseSelectionModel } from '@alphaswarm/core';
import { sameMembers } from './membership.js';
import { Schedule, type ScheduleRule } from './schedule.js';

/** Options of {@link FilterUniverse}. */
export interface FilterUniverseOptions {
  /** Keep at most this many symbols, the most liquid first (default: every symbol that passes). */
  readonly topN?: number;
  /** Bars over which the average dollar volume (close × volume) is taken (default 20). */
  readonly lookback?: number;
  /** Lowest last close admitted, inclusive (default 0). */
  readonly minPrice?: number;
  /** Highest last close admitted, inclusive (default no limit). */
  readonly maxPrice?: number;
  /** Extra test a symbol must pass, given the context at the refresh (default none). */
  readonly predicate?: (symbol: SymbolId, ctx: AlgorithmContext) => boolean;
  /** When to re-run the filter besides the first bar (default `{ kind: 'monthly' }`). */
  readonly refresh?: ScheduleRule;
  /** Model name (default `FilterUniverse`). */
  readonly name?: string;
}

/**
 * A liquidity-and-price screen over every symbol of the data feed (LEAN's coarse
 * fundamental universe by dollar volume). On the first bar and whenever `refresh` is
 * due it:
 *
 * 1. drops symbols with no bar yet, and those whose last close is outside
 *    `[minPrice, maxPrice]` or that fail `predicate`;
 * 2. ranks the rest by average dollar volume, the arithmetic mean of `close × volume`
 *    over the symbol's last `lookback` bars up to now (fewer when its history is
 *    shorter; bars with a non-finite product are skipped), highest first, ties by
 *    symbol text;
 * 3. keeps the first `topN`.
 *
 * The members are returned in rank order, but a refresh that keeps the same members
 * (in any order) returns the previous array object, so the engine sees no change.
 * Only refreshes read history (`ctx.history`), so bars in between cost nothing.
 */
export class FilterUniverse implements UniverseSelectionModel {
  /** Model name. */
  readonly name: string;
  /** Maximum number of members (`Infinity` when unlimited). */
  readonly topN: number;
  /** Dollar-volume look-back, bars. */
  readonly lookback: number;
  /** Lowest admitted close. */
  readonly minPrice: number;
  /** Highest admitted close. */
  readonly maxPrice: number;
  private readonly predicate: ((symbol: SymbolId, ctx: AlgorithmContext) => boolean) | undefined;
  private readonly schedule: Schedule;
  private current: readonly SymbolId[] = Object.freeze([]);
  private first = true;

  /** @throws {@link @alphaswarm/core!InvalidArgumentError} naming the option that is out of range. */
  constructor(options: FilterUniverseOptions = {}) {
    const { topN, lookback = 20, minPrice = 0, maxPrice = Infinity, predicate, refresh = { kind: 'monthly' } } = options;
    if (topN !== undefined && !(Number.isSafeInteger(topN) && topN >= 1)) throw new InvalidArgumentError('topN', topN, 'a positive integer');
    if (!(Number.isSafeInteger(lookback) && lookback >= 1)) throw new InvalidArgumentError('lookback', lookback, 'a positive integer number of bars');
    if (!(typeof minPrice === 'number' && minPrice >= 0 && Number.isFinite(minPrice))) throw new InvalidArgumentError('minPrice', minPrice, 'a finite price ≥ 0');
    if (!(typeof maxPrice === 'number' && maxPrice >= minPrice)) throw new InvalidArgumentError('maxPrice', maxPrice, `a price ≥ minPrice (${minPrice})`);
    if (predicate !== undefined && typeof predicate !== 'function') throw new InvalidArgumentError('predicate', predicate, 'a function (symbol, ctx) => boolean');
    this.name = options.name ?? 'FilterUniverse';
    this.topN = topN ?? Infinity;
    this.lookback = lookback;
    this.minPrice = minPrice;
    this.maxPrice = maxPrice;
    this.predicate = predicate;
    this.schedule = new Schedule(refresh);
  }

  /** The members: re-screened on the first and on due bars, otherwise the previous array. */
  select(ctx: AlgorithmContext): readonly SymbolId[] {
    const due = this.schedule.tick(ctx.time);
    if (!due && !this.first) return this.current;
    this.first = false;
    const next = this.screen(ctx);
    if (sameMembers(this.current, next)) return this.current;
    this.current = Object.freeze(next);
    return this.current;
  }

  /** Average dollar volume of `symbol` over its last `lookback` bars (NaN without any valid bar). */
  dollarVolume(ctx: AlgorithmContext, symbol: SymbolId): number {
    const closes = ctx.history(symbol, 'close', this.lookback);
    const volumes = ctx.history(symbol, 'volume', this.lookback);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < closes.length; i += 1) {
      const dv = (closes[i] as number) * (volumes[i] as number);
      if (!Number.isFinite(dv)) continue;
      sum += dv;
      count += 1;
    }
    return count === 0 ? Number.NaN : sum / count;
  }

  private screen(ctx: AlgorithmContext): SymbolId[] {
    const ranked: { symbol: SymbolId; dv: number }[] = [];
    for (const symbol of ctx.securities.available) {
      const price = ctx.securities.price(symbol);
      if (price === undefined || !(price >= this.minPrice && price <= this.maxPrice)) continue;
      if (this.predicate !== undefined && !this.predicate(symbol, ctx)) continue;
      const dv = this.dollarVolume(ctx, symbol);
      if (Number.isNaN(dv)) continue;
      ranked.push({ symbol, dv });
    }
    ranked.sort((a, b) => b.dv - a.dv || (a.symbol.value < b.symbol.value ? -1 : a.symbol.value > b.symbol.value ? 1 : 0));
    const n = Math.min(ranked.length, this.topN);
    const out: SymbolId[] = [];
    for (let i = 0; i < n; i += 1) out.push((ranked[i] as { symbol: SymbolId }).symbol);
    return out;
  }
}

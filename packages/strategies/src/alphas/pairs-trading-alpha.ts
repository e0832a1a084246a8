import {
  InvalidArgumentError,
  SymbolId,
  type AlgorithmContext,
  type AlphaModel,
  type EpochMs,
  type InsightDirection,
  type InsightInit,
  type SecurityChanges,
  type Slice,
} from '@alphaswarm/core';
import { ZScoreIndicator } from '../indicators/z-score.js';
import { Schedule, type ScheduleRule } from '../universe/schedule.js';
import { BarSpacing } from './bar-spacing.js';
import { InsightTemplate, NO_INSIGHTS, type AlphaInsightOptions } from './insight-template.js';
import { priorHistory } from './prior-history.js';

/** Options of {@link PairsTradingAlpha}. */
export interface PairsTradingAlphaOptions extends AlphaInsightOptions {
  /**
   * Window in bars (at least 2): the number of log returns whose correlation selects a
   * pair, and the number of spread values in the z-score window; β is fitted on the
   * `lookback + 1` log prices (default 60).
   */
  readonly lookback?: number;
  /** Lowest Pearson correlation of the two legs' log returns for a pair to be traded (default 0.8). */
  readonly minCorrelation?: number;
  /** Enter when |z| of the spread exceeds this (default 2). */
  readonly entry?: number;
  /** Exit (both legs `flat`) when |z| falls below this, less than `entry` (default 0.5). */
  readonly exit?: number;
  /** When to re-select the pairs and re-fit β, counted from the first selection (default `{ kind: 'monthly' }`). */
  readonly reselect?: ScheduleRule;
  /**
   * Candidate pairs `[a, b]` (spread `log a − β log b`); default every pair of
   * universe symbols, `a` being the one whose text sorts first.
   */
  readonly pairs?: readonly (readonly [SymbolId | string, SymbolId | string])[];
}

/** A pair traded by {@link PairsTradingAlpha}. */
export interface SelectedPair {
  /** First leg: the spread is `log a − β log b`. */
  readonly a: SymbolId;
  /** Second leg. */
  readonly b: SymbolId;
  /** OLS hedge ratio β of `log a` on `log b` over the selection window. */
  readonly beta: number;
  /** Pearson correlation of the legs' log returns over the selection window. */
  readonly correlation: number;
}

/** Per-leg state: bar spacing and the number of bars known (warm-up history included). */
class LegState {
  readonly spacing = new BarSpacing();
  bars = 0;
}

/** A selected pair: its hedge ratio, the z-score of its spread and its position. */
class PairState {
  /** +1 long the spread (a up, b down), −1 short it, 0 flat. */
  position = 0;
  /** Close time of the legs' last insights. */
  closeTime = -Infinity;
  /** Time of the last spread value fed to `z`. */
  updatedAt = Number.NaN;

  constructor(
    readonly a: SymbolId,
    readonly b: SymbolId,
    readonly beta: number,
    readonly correlation: number,
    readonly z: ZScoreIndicator,
  ) {}

  /** The position held at `time` (0 once the legs' insights have expired). */
  held(time: EpochMs): number {
    return time < this.closeTime ? this.position : 0;
  }
}

/** Aligned log prices of two symbols at their last common timestamps. */
interface Aligned {
  readonly la: Float64Array;
  readonly lb: Float64Array;
  readonly lastTime: number;
}

interface Candidate extends Aligned {
  readonly a: SymbolId;
  readonly b: SymbolId;
  readonly correlation: number;
  readonly beta: number;
}

/**
 * Statistical-arbitrage pairs trading on log prices.
 *
 * Selection (at the first bar with `lookback + 1` bars of history for two symbols,
 * then whenever `reselect` is due): for each candidate pair, take the
 * `lookback + 1` last common bars of both legs; keep pairs whose Pearson correlation
 * of log returns is at least `minCorrelation`; fit β by OLS of `log a` on `log b`
 * (with intercept: `β = cov(log a, log b) / var(log b)`); then choose greedily by
 * correlation (highest first, ties by symbol text) so that each symbol is in at most
 * one pair. A pair kept across a re-selection keeps its position; β is re-fitted.
 *
 * Trading, on every bar where both legs have a bar: `spread = log a − β log b`,
 * `z` = its z-score over the last `lookback` spreads (sample sd; the window is primed
 * from the selection history, so trading can start at once):
 * - `z > entry` → short the spread: `a` down, `b` up;
 * - `z < −entry` → long the spread: `a` up, `b` down;
 * - `|z| < exit` → both legs `flat`; otherwise hold.
 * A change of position emits one insight per leg (opposite directions).
 *
 * Conventions:
 * - Emits only on a change of the pair's position; after the legs' insights expired
 *   (`period` given) the pair counts as flat again. A pair dropped at a re-selection,
 *   or whose other leg left the universe, gets `flat` on its remaining legs.
 * - Sets `weight` and `confidence` on both legs when given (the same weight: sizing
 *   by β is the portfolio model's business); no magnitude.
 * - Selection costs O(candidates × lookback) and reads `ctx.history`; it runs only
 *   on selection bars. Other bars cost O(pairs) and allocate nothing when no
 *   position changes.
 */
export class PairsTradingAlpha implements AlphaModel {
  /** Model name. */
  readonly name: string;
  /** Window, bars. */
  readonly lookback: number;
  /** Correlation threshold. */
  readonly minCorrelation: number;
  /** Entry threshold on |z|. */
  readonly entry: number;
  /** Exit threshold on |z|. */
  readonly exit: number;
  /** The candidate pairs given, or `undefined` for every pair of the universe. */
  readonly candidates: readonly (readonly [SymbolId, SymbolId])[] | undefined;
  private readonly template: InsightTemplate;
  private readonly schedule: Schedule;
  private readonly legs = new Map<SymbolId, LegState>();
  private pairs: PairState[] = [];
  private readonly pendingFlats: SymbolId[] = [];
  private started = false;

  /** @throws {@link @alphaswarm/core!InvalidArgumentError} naming the offending option. */
  constructor(options: PairsTradingAlphaOptions = {}) {
    const { lookback = 60, minCorrelation = 0.8, entry = 2, exit = 0.5, reselect = { kind: 'monthly' } } = options;
    if (!(Number.isSafeInteger(lookback) && lookback >= 2)) throw new InvalidArgumentError('lookback', lookback, 'an integer number of bars ≥ 2');
    if (!(typeof minCorrelation === 'number' && minCorrelation >= -1 && minCorrelation <= 1)) {
      throw new InvalidArgumentError('minCorrelation', minCorrelation, 'a correlation in [-1, 1]');
    }
    if (!(typeof entry === 'number' && entry > 0 && Number.isFinite(entry))) throw new InvalidArgumentError('entry', entry, 'a finite z-score > 0');
    if (!(typeof exit === 'number' && exit >= 0 && exit < entry)) throw new InvalidArgumentError('exit', exit, `a z-score in [0, entry = ${entry})`);
    this.name = options.name ?? 'PairsTradingAlpha';
    this.lookback = lookback;
    this.minCorrelation = minCorrelation;
    this.entry = entry;
    this.exit = exit;
    this.candidates = options.pairs === undefined ? undefined : parsePairs(options.pairs);
    this.template = new InsightTemplate(options);
    this.schedule = new Schedule(reselect);
  }

  /** The pairs currently traded, as `{a, b, beta, correlation}` (a copy). */
  get selectedPairs(): SelectedPair[] {
    return this.pairs.map(({ a, b, beta, correlation }) => ({ a, b, beta, correlation }));
  }

  /** Updates the spreads; on selection bars re-selects; returns the legs' insights of position changes. */
  update(ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
    const symbols = slice.symbols;
    const time = slice.time;
    for (let i = 0; i < symbols.length; i += 1) {
      const leg = this.legs.get(symbols[i] as SymbolId);
      if (leg === undefined) continue;
      leg.spacing.observe(time);
      leg.bars += 1;
    }
    let out: InsightInit[] | undefined;
    if (this.pendingFlats.length > 0) {
      out = [];
      for (const symbol of this.pendingFlats) {
        const leg = this.legs.get(symbol);
        if (leg !== undefined) out.push(this.template.create(symbol, 'flat', leg.spacing));
      }
      this.pendingFlats.length = 0;
    }
    if (!this.started) {
      if (!this.enoughHistory()) return out ?? NO_INSIGHTS;
      this.started = true;
    }
    if (this.schedule.tick(time)) out = this.select(ctx, time, out);
    else {
      const pairs = this.pairs;
      for (let i = 0; i < pairs.length; i += 1) {
        const pair = pairs[i] as PairState;
        const barA = slice.bar(pair.a);
        const barB = slice.bar(pair.b);
        if (barA === undefined || barB === undefined || !(barA.close > 0 && barB.close > 0)) continue;
        pair.z.update(Math.log(barA.close) - pair.beta * Math.log(barB.close));
        pair.updatedAt = time;
      }
    }
    const pairs = this.pairs;
    for (let i = 0; i < pairs.length; i += 1) {
      const pair = pairs[i] as PairState;
      if (pair.updatedAt !== time) continue;
      const z = pair.z.value;
      let wanted: number;
      if (z > this.entry) wanted = -1;
      else if (z < -this.entry) wanted = 1;
      else if (Math.abs(z) < this.exit) wanted = 0;
      else continue;
      if (wanted === pair.held(time)) continue;
      out = this.emit(pair, wanted, time, out);
    }
    return out === undefined || out.length === 0 ? NO_INSIGHTS : out;
  }

  /** Tracks added symbols; drops pairs with a removed leg (flattening the other leg at the next bar). */
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    if (changes.removed.length > 0) {
      const removed = new Set(changes.removed);
      for (const symbol of changes.removed) this.legs.delete(symbol);
      this.pairs = this.pairs.filter((pair) => {
        const hitA = removed.has(pair.a);
        const hitB = removed.has(pair.b);
        if (!hitA && !hitB) return true;
        if (pair.held(ctx.time) !== 0) {
          if (!hitA) this.pendingFlats.push(pair.a);
          if (!hitB) this.pendingFlats.push(pair.b);
        }
        return false;
      });
    }
    for (const symbol of changes.added) {
      if (this.legs.has(symbol)) continue;
      const leg = new LegState();
      const times = priorHistory(ctx, symbol, 'timestamp', this.lookback + 1);
      for (let i = 0; i < times.length; i += 1) leg.spacing.observe(times[i] as number);
      leg.bars = times.length;
      this.legs.set(symbol, leg);
    }
  }

  private enoughHistory(): boolean {
    let ready = 0;
    for (const leg of this.legs.values()) if (leg.bars >= this.lookback + 1 && ++ready >= 2) return true;
    return false;
  }

  private emit(pair: PairState, wanted: number, time: EpochMs, out: InsightInit[] | undefined): InsightInit[] {
    const legA = this.legs.get(pair.a);
    const legB = this.legs.get(pair.b);
    const list = out ?? [];
    if (legA === undefined || legB === undefined) return list;
    const dirA: InsightDirection = wanted > 0 ? 'up' : wanted < 0 ? 'down' : 'flat';
    const dirB: InsightDirection = wanted > 0 ? 'down' : wanted < 0 ? 'up' : 'flat';
    const insightA = this.template.create(pair.a, dirA, legA.spacing);
    list.push(insightA, this.template.create(pair.b, dirB, legB.spacing));
    pair.position = wanted;
    pair.closeTime = insightA.period === undefined ? Infinity : time + insightA.period;
    return list;
  }

  private select(ctx: AlgorithmContext, time: EpochMs, out: InsightInit[] | undefined): InsightInit[] | undefined {
    const found: Candidate[] = [];
    const cache = new Map<SymbolId, { times: Float64Array; closes: Float64Array }>();
    const series = (symbol: SymbolId): { times: Float64Array; closes: Float64Array } => {
      let s = cache.get(symbol);
      if (s === undefined) {
        const n = 2 * (this.lookback + 1);
        s = { times: ctx.history(symbol, 'timestamp', n), closes: ctx.history(symbol, 'close', n) };
        cache.set(symbol, s);
      }
      return s;
    };
    for (const [a, b] of this.candidatePairs()) {
      const aligned = alignLogPrices(series(a), series(b), this.lookback + 1);
      if (aligned === undefined) continue;
      const correlation = returnCorrelation(aligned.la, aligned.lb);
      if (!(correlation >= this.minCorrelation)) continue;
      const beta = olsSlope(aligned.la, aligned.lb);
      if (!Number.isFinite(beta)) continue;
      found.push({ a, b, correlation, beta, ...aligned });
    }
    found.sort((x, y) => y.correlation - x.correlation || compareText(x.a.value, y.a.value) || compareText(x.b.value, y.b.value));
    const used = new Set<SymbolId>();
    const previous = new Map<string, PairState>();
    for (const pair of this.pairs) previous.set(pairKey(pair.a, pair.b), pair);
    const next: PairState[] = [];
    for (const c of found) {
      if (used.has(c.a) || used.has(c.b)) continue;
      used.add(c.a);
      used.add(c.b);
      const z = new ZScoreIndicator(this.lookback);
      for (let i = 0; i < c.la.length; i += 1) z.update((c.la[i] as number) - c.beta * (c.lb[i] as number));
      const pair = new PairState(c.a, c.b, c.beta, c.correlation, z);
      pair.updatedAt = c.lastTime;
      const kept = previous.get(pairKey(c.a, c.b));
      if (kept !== undefined) {
        pair.position = kept.position;
        pair.closeTime = kept.closeTime;
        previous.delete(pairKey(c.a, c.b));
      }
      next.push(pair);
    }
    let list = out;
    for (const dropped of previous.values()) {
      if (dropped.held(time) === 0) continue;
      for (const symbol of [dropped.a, dropped.b]) {
        const leg = this.legs.get(symbol);
        if (leg !== undefined) (list ??= []).push(this.template.create(symbol, 'flat', leg.spacing));
      }
    }
    this.pairs = next;
    return list;
  }

  private candidatePairs(): (readonly [SymbolId, SymbolId])[] {
    if (this.candidates !== undefined) return this.candidates.filter(([a, b]) => this.legs.has(a) && this.legs.has(b));
    const symbols = [...this.legs.keys()].sort((x, y) => compareText(x.value, y.value));
    const out: [SymbolId, SymbolId][] = [];
    for (let i = 0; i < symbols.length; i += 1) for (let j = i + 1; j < symbols.length; j += 1) out.push([symbols[i] as SymbolId, symbols[j] as SymbolId]);
    return out;
  }
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function pairKey(a: SymbolId, b: SymbolId): string {
  return `${a.value}\u0000${b.value}`;
}

function parsePairs(pairs: readonly (readonly [SymbolId | string, SymbolId | string])[]): (readonly [SymbolId, SymbolId])[] {
  if (!Array.isArray(pairs)) throw new InvalidArgumentError('pairs', pairs, 'an array of [a, b] symbol pairs');
  return pairs.map((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2) throw new InvalidArgumentError(`pairs.${i}`, pair, 'a pair [a, b] of symbols');
    const [a, b] = pair.map((s, j) => {
      try {
        return SymbolId.from(s as SymbolId | string);
      } catch {
        throw new InvalidArgumentError(`pairs.${i}.${j}`, s, 'a symbol such as "AAPL.NASDAQ"');
      }
    }) as [SymbolId, SymbolId];
    if (a === b) throw new InvalidArgumentError(`pairs.${i}`, [a.value, b.value], 'two different symbols');
    return Object.freeze([a, b] as const);
  });
}

/**
 * The log closes of `a` and `b` at their last `n` common timestamps (skipping
 * non-positive or non-finite closes), oldest first, or `undefined` when fewer exist.
 */
function alignLogPrices(
  a: { times: Float64Array; closes: Float64Array },
  b: { times: Float64Array; closes: Float64Array },
  n: number,
): Aligned | undefined {
  const la = new Float64Array(n);
  const lb = new Float64Array(n);
  let i = a.times.length - 1;
  let j = b.times.length - 1;
  let k = n - 1;
  let lastTime = Number.NaN;
  while (k >= 0 && i >= 0 && j >= 0) {
    const ta = a.times[i] as number;
    const tb = b.times[j] as number;
    if (ta > tb) i -= 1;
    else if (tb > ta) j -= 1;
    else {
      const ca = a.closes[i] as number;
      const cb = b.closes[j] as number;
      if (ca > 0 && cb > 0 && Number.isFinite(ca) && Number.isFinite(cb)) {
        if (k === n - 1) lastTime = ta;
        la[k] = Math.log(ca);
        lb[k] = Math.log(cb);
        k -= 1;
      }
      i -= 1;
      j -= 1;
    }
  }
  return k < 0 ? { la, lb, lastTime } : undefined;
}

/** Pearson correlation of the first differences of two equally long series (NaN when either is flat). */
function returnCorrelation(la: Float64Array, lb: Float64Array): number {
  const n = la.length - 1;
  let ma = 0;
  let mb = 0;
  for (let i = 1; i <= n; i += 1) {
    ma += (la[i] as number) - (la[i - 1] as number);
    mb += (lb[i] as number) - (lb[i - 1] as number);
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 1; i <= n; i += 1) {
    const da = (la[i] as number) - (la[i - 1] as number) - ma;
    const db = (lb[i] as number) - (lb[i - 1] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Number.NaN;
}

/** OLS slope of `y` on `x` with intercept: `cov(x, y) / var(x)` (NaN when `x` is flat). */
function olsSlope(y: Float64Array, x: Float64Array): number {
  const n = y.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i += 1) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (x[i] as number) - mx;
    sxy += dx * ((y[i] as number) - my);
    sxx += dx * dx;
  }
  return sxx > 0 ? sxy / sxx : Number.NaN;
}

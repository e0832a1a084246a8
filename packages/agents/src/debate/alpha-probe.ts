/**
 * Runs an alpha model over history to see which insights it holds at a time: how
 * the debate turns a proposed `{class, kwargs}` into concrete positions.
 *
 * @module
 */
import { Insight, InsightCollection, InvalidArgumentError, KillSwitch, Portfolio, SeededRandom, SliceFeed, quantityForWeight } from '@alphaswarm/core';
import type {
  AlgorithmContext,
  AlphaModel,
  BarField,
  BarFrame,
  BarView,
  EpochMs,
  InsightDirection,
  Order,
  PortfolioTarget,
  Securities,
  SymbolId,
} from '@alphaswarm/core';

/** Options of {@link probeAlpha}. */
export interface AlphaProbeOptions {
  /** The time to read the active insights at (epoch ms); bars after it are never shown to the model. */
  readonly asOf: EpochMs;
  /** Most bar times replayed before `asOf` (default 1000): the model's warm-up. */
  readonly maxBars?: number;
  /** Seed of the context's random source (default 0). */
  readonly seed?: number;
}

/** An insight the probed model holds at `asOf`. */
export interface ProbedInsight {
  /** The symbol. */
  readonly symbol: SymbolId;
  /** `up` or `down` (flat insights ask for no position and are left out). */
  readonly direction: Exclude<InsightDirection, 'flat'>;
  /** The weight the model put on the insight, if any. */
  readonly weight: number | undefined;
  /** The model's confidence, if any. */
  readonly confidence: number | undefined;
  /** The model's predicted return, if any. */
  readonly magnitude: number | undefined;
  /** When the model emitted it, epoch ms. */
  readonly generatedTime: EpochMs;
}

const NO_ORDERS: readonly Order[] = Object.freeze([]);

/** The read-only context of a probe: a flat portfolio, every symbol active, history up to the current bar. */
class ProbeContext implements AlgorithmContext, Securities {
  time: EpochMs = Number.NaN;
  readonly portfolio = new Portfolio({ initialCash: 1_000_000 });
  readonly insights = new InsightCollection();
  readonly killSwitch = new KillSwitch();
  readonly rng: SeededRandom;

  constructor(
    private readonly feed: SliceFeed,
    seed: number,
  ) {
    this.rng = new SeededRandom(seed);
  }

  get securities(): Securities {
    return this;
  }

  get available(): readonly SymbolId[] {
    return this.feed.symbolList;
  }

  get active(): readonly SymbolId[] {
    return this.feed.symbolList;
  }

  get sizingValue(): number {
    return this.portfolio.equity;
  }

  price(symbol: SymbolId): number | undefined {
    return this.feed.price(symbol);
  }

  lastBar(symbol: SymbolId): BarView | undefined {
    return this.feed.lastBar(symbol);
  }

  openOrders(): readonly Order[] {
    return NO_ORDERS;
  }

  history(symbol: SymbolId, field: BarField, n: number): Float64Array {
    return this.feed.history(symbol, field, n);
  }

  targetQuantity(target: PortfolioTarget): number {
    if (target.quantity !== undefined) return target.quantity;
    const price = this.feed.price(target.symbol);
    return price === undefined ? 0 : quantityForWeight(target.weight, this.sizingValue, price);
  }

  recordRiskDecision(): void {
    // A probe has no risk stage: nothing to record.
  }
}

/**
 * Replays `model` (a fresh instance: its state is consumed) over the bars of `frame`
 * up to `asOf` — at most the last `maxBars` bar times — as the backtester would feed
 * it (every symbol of the frame in the universe from the first replayed bar, added
 * through `onSecuritiesChanged`, then `update` once per bar time), and returns the
 * insights still active at `asOf` that ask for a position (`up` or `down`), in the
 * collection's order. Insights are stamped, replaced and expired as in a run (one
 * per symbol and source, closed at `generatedTime + period`). The portfolio is flat
 * and never trades: a probe shows what the model predicts, not what it would hold
 * after execution.
 *
 * @throws InvalidArgumentError for a bad `maxBars` or when no bar is at or before `asOf`.
 */
export function probeAlpha(model: AlphaModel, frame: BarFrame, options: AlphaProbeOptions): ProbedInsight[] {
  const { asOf, maxBars = 1000, seed = 0 } = options;
  if (!(Number.isSafeInteger(maxBars) && maxBars >= 1)) throw new InvalidArgumentError('maxBars', maxBars, 'a positive integer');
  const times = frame.timestamps();
  let end = times.length;
  while (end > 0 && (times[end - 1] ?? Number.NaN) > asOf) end -= 1;
  if (end === 0) throw new InvalidArgumentError('asOf', asOf, 'a time at or after the first bar of the frame');
  const start = times[Math.max(0, end - maxBars)] ?? Number.NaN;
  const window = frame.select({ start, end: times[end - 1] ?? asOf });
  const feed = new SliceFeed(window);
  const ctx = new ProbeContext(feed, seed);
  let nextId = 0;
  for (let i = 0; i < feed.length; i += 1) {
    feed.advance(i);
    ctx.time = feed.time;
    if (i === 0) model.onSecuritiesChanged?.(ctx, { added: feed.symbolList, removed: [] });
    ctx.insights.expire(feed.time);
    for (const init of model.update(ctx, feed)) ctx.insights.add(new Insight(nextId++, init, model.name, feed.time));
  }
  const out: ProbedInsight[] = [];
  for (const insight of ctx.insights.all()) {
    if (!insight.isActive(asOf) || insight.direction === 'flat') continue;
    out.push({
      symbol: insight.symbol,
      direction: insight.direction,
      weight: insight.weight,
      confidence: insight.confidence,
      magnitude: insight.magnitude,
      generatedTime: insight.generatedTime,
    });
  }
  return out;
}

/**
 * Helpers shared by the risk models of this package for reading and rewriting
 * portfolio targets. Internal: not exported from the package.
 *
 * Conventions: a target's shares are `target.quantity` when set, otherwise the
 * engine's sizing of its weight (`ctx.targetQuantity`); a weight of a book is
 * `shares × last price / equity` (signed fraction of the portfolio's equity, not of
 * the sizing value); scaled shares are truncated toward zero, so a scaled target
 * never asks for more than the scale allows.
 *
 * @module
 */
import type { AlgorithmContext, PortfolioTarget, QuantityTarget, SymbolId } from '@alphaswarm/core';

/**
 * Signed shares a target stands for now.
 *
 * @internal
 */
export function targetShares(ctx: AlgorithmContext, target: PortfolioTarget): number {
  return target.quantity ?? ctx.targetQuantity(target);
}

/**
 * `trunc(x)` (toward zero) without a negative zero; a value within 1e-9 (relative,
 * at least 1e-9 absolute) of an integer counts as that integer, so that
 * floating-point noise in a factor (`400 × 0.39999999999999997`) never costs a share.
 *
 * @internal
 */
export function truncShares(x: number): number {
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) <= 1e-9 * Math.max(1, Math.abs(x))) return nearest + 0;
  return Math.trunc(x) + 0;
}

/**
 * The target with its shares multiplied by `factor` (truncated toward zero) and its
 * weight, when it has one, multiplied by `factor` too.
 *
 * @internal
 */
export function scaledTarget(target: PortfolioTarget, shares: number, factor: number): QuantityTarget {
  const quantity = truncShares(shares * factor);
  const out: { symbol: SymbolId; quantity: number; weight?: number; tag?: string } = { symbol: target.symbol, quantity };
  if (target.weight !== undefined) out.weight = target.weight * factor;
  if (target.tag !== undefined) out.tag = target.tag;
  return out;
}

/**
 * A target of `shares` for the symbol of `target`, keeping its tag.
 *
 * @internal
 */
export function sharesTarget(target: PortfolioTarget, shares: number): QuantityTarget {
  return target.tag === undefined ? { symbol: target.symbol, quantity: shares } : { symbol: target.symbol, quantity: shares, tag: target.tag };
}

/**
 * True when moving from `current` to `target` shares adds exposure: the absolute
 * position grows, or the position flips side. A target between 0 and the current
 * position (inclusive) reduces or keeps it.
 *
 * @internal
 */
export function increasesExposure(target: number, current: number): boolean {
  return Math.abs(target) > Math.abs(current) || target * current < 0;
}

/**
 * `targets` without those of the symbols in `exits`, followed by `exits`. Used when
 * a model liquidates symbols: its zero targets overrule what was proposed for them.
 *
 * @internal
 */
export function withExits(targets: readonly PortfolioTarget[], exits: readonly QuantityTarget[]): PortfolioTarget[] {
  const out: PortfolioTarget[] = [];
  for (const target of targets) {
    let overruled = false;
    for (const exit of exits) {
      if (exit.symbol === target.symbol) {
        overruled = true;
        break;
      }
    }
    if (!overruled) out.push(target);
  }
  for (const exit of exits) out.push(exit);
  return out;
}

/**
 * One line of a {@link TargetBook}: a symbol with its proposed or held shares, its
 * last price and its signed weight of equity.
 *
 * @internal
 */
export interface BookLine {
  /** The symbol. */
  readonly symbol: SymbolId;
  /** Shares: the proposed target's when targeted, the holding's otherwise. */
  readonly shares: number;
  /** Last known price (the current close), or NaN when unknown. */
  readonly price: number;
  /** `shares × price / equity`; 0 when the price or the equity is unknown. */
  readonly weight: number;
  /** Index in the proposed targets, or −1 for a holding no target mentions. */
  readonly targetIndex: number;
}

/**
 * The book a set of proposed targets would leave: every targeted symbol at its
 * target (the last target wins when a symbol appears twice) plus every held symbol
 * that no target mentions, at its current holding.
 *
 * @internal
 */
export interface TargetBook {
  /** Equity the weights are fractions of. */
  readonly equity: number;
  /** Targeted symbols first (in target order), then untargeted holdings (by symbol text). */
  readonly lines: readonly BookLine[];
  /** Shares of each proposed target, by target index. */
  readonly targetShares: readonly number[];
}

/**
 * Builds the {@link TargetBook} of `targets` against the current portfolio.
 *
 * @internal
 */
export function targetBook(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): TargetBook {
  const equity = ctx.portfolio.equity;
  const lines: BookLine[] = [];
  const shares: number[] = [];
  const lineOf = new Map<SymbolId, number>();
  const weightOf = (q: number, price: number): number => (equity > 0 && price > 0 ? (q * price) / equity : 0);
  targets.forEach((target, index) => {
    const q = targetShares(ctx, target);
    shares.push(q);
    const price = ctx.securities.price(target.symbol) ?? Number.NaN;
    const line: BookLine = { symbol: target.symbol, shares: q, price, weight: weightOf(q, price), targetIndex: index };
    const at = lineOf.get(target.symbol);
    if (at === undefined) {
      lineOf.set(target.symbol, lines.length);
      lines.push(line);
    } else {
      lines[at] = line;
    }
  });
  for (const position of ctx.portfolio.positions()) {
    if (lineOf.has(position.symbol)) continue;
    const price = ctx.securities.price(position.symbol) ?? position.lastPrice;
    lines.push({ symbol: position.symbol, shares: position.quantity, price, weight: weightOf(position.quantity, price), targetIndex: -1 });
  }
  return { equity, lines, targetShares: shares };
}

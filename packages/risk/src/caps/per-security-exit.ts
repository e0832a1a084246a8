/**
 * The shared machinery of the per-security caps that liquidate one holding when
 * its own numbers pass a limit (maximum drawdown, take profit). Internal: the caps
 * that use it are exported, this runner is not.
 *
 * @module
 */
import type { AlgorithmContext, PortfolioTarget, Position, QuantityTarget, RiskDetails } from '@alphaswarm/core';
import { PendingExits } from './pending-exits.js';
import { withExits } from './target-book.js';

/**
 * What a per-security check found: why the holding must go, and the numbers.
 *
 * @internal
 */
export interface SecurityBreach {
  /** Why, in words, with the numbers. */
  readonly reason: string;
  /** The numbers behind the decision. */
  readonly details: RiskDetails;
}

/**
 * Unrealized return of a position on its cost: `unrealizedPnl / (|quantity| × averagePrice)`,
 * i.e. `(last − average) / average` for a long and `(average − last) / average` for a
 * short. 0 when flat or when the average price is not positive.
 *
 * @internal
 */
export function unrealizedReturn(position: Position): number {
  const cost = Math.abs(position.quantity) * position.averagePrice;
  return cost > 0 ? position.unrealizedPnl / cost : 0;
}

/**
 * Runs a per-security check on every open position on every bar and liquidates
 * those that breach: it returns a zero target for the symbol (overruling any
 * proposed target for it), cancels the symbol's active insights and records a
 * `liquidate` decision under the model's name. A symbol whose exit is still being
 * worked (held, with an open order) is not checked again until the exit fills or
 * fails.
 *
 * Allocation-free on bars where nothing breaches: it walks `ctx.securities.available`
 * and reads positions in place.
 *
 * @internal
 */
export class SecurityExits {
  private readonly pending = new PendingExits();

  /** @param breach - the check: the breach of a position, or `undefined` when it may stay */
  constructor(private readonly breach: (position: Position) => SecurityBreach | undefined) {}

  /** Liquidates every holding that breaches; passes the other targets through. */
  run(model: string, ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    const portfolio = ctx.portfolio;
    this.pending.forgetFlat(ctx);
    if (portfolio.isFlat) return targets;
    let exits: QuantityTarget[] | undefined;
    for (const symbol of ctx.securities.available) {
      const position = portfolio.position(symbol);
      if (position === undefined || position.quantity === 0) continue;
      if (this.pending.isWorking(ctx, symbol)) continue;
      const found = this.breach(position);
      if (found === undefined) continue;
      ctx.insights.cancel(symbol, `${model}: ${found.reason}`);
      ctx.recordRiskDecision({ model, symbol, action: 'liquidate', reason: found.reason, details: found.details });
      this.pending.add(symbol);
      (exits ??= []).push({ symbol, quantity: 0, tag: model });
    }
    return exits === undefined ? targets : withExits(targets, exits);
  }
}

import type { AlgorithmContext, PortfolioTarget, Position, RiskManagementModel } from '@alphaswarm/core';
import { modelName, positive } from './option-checks.js';
import { SecurityExits, unrealizedReturn, type SecurityBreach } from './per-security-exit.js';

/** Options of {@link MaximumUnrealizedProfitPercentPerSecurity}. */
export interface MaximumUnrealizedProfitPercentPerSecurityOptions {
  /** Unrealized gain on cost at which to take profit, as a positive fraction (0.1 = 10 %). */
  readonly maxProfit: number;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * LEAN's `MaximumUnrealizedProfitPercentPerSecurity` (take profit): on every bar,
 * liquidates a holding whose unrealized gain on its cost, `(last − average) / average`
 * for a long (mirrored for a short), is strictly greater than `maxProfit`. The last
 * price is the current bar's close. Exit, insight cancellation and the recorded
 * `liquidate` decision work as in {@link MaximumDrawdownPercentPerSecurity}.
 */
export class MaximumUnrealizedProfitPercentPerSecurity implements RiskManagementModel {
  /** Name used in risk events. */
  readonly name: string;
  /** The profit threshold, a fraction of cost. */
  readonly maxProfit: number;

  private readonly exits = new SecurityExits((position) => this.breach(position));

  /** @throws InvalidArgumentError when `maxProfit` is not a finite number > 0. */
  constructor(options: MaximumUnrealizedProfitPercentPerSecurityOptions) {
    this.maxProfit = positive('maxProfit', options.maxProfit);
    this.name = modelName(options.name, 'MaximumUnrealizedProfitPercentPerSecurity');
  }

  /** Liquidates every holding that breaches (see the class comment); passes the other targets through. */
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    return this.exits.run(this.name, ctx, targets);
  }

  /** Breach when the unrealized return is above maxProfit. */
  private breach(position: Position): SecurityBreach | undefined {
    const r = unrealizedReturn(position);
    if (!(r > this.maxProfit)) return undefined;
    return {
      reason: `unrealized gain ${(r * 100).toFixed(2)}% above the take-profit ${(this.maxProfit * 100).toFixed(2)}%`,
      details: {
        unrealizedReturn: r,
        maxProfit: this.maxProfit,
        averagePrice: position.averagePrice,
        price: position.lastPrice,
        quantity: position.quantity,
      },
    };
  }
}

import type { AlgorithmContext, PortfolioTarget, Position, RiskManagementModel } from '@alphaswarm/core';
import { fraction, modelName } from './option-checks.js';
import { SecurityExits, unrealizedReturn, type SecurityBreach } from './per-security-exit.js';

/** Options of {@link MaximumDrawdownPercentPerSecurity}. */
export interface MaximumDrawdownPercentPerSecurityOptions {
  /** Largest unrealized loss allowed, as a fraction of the position's cost (0.05 = 5 %), in (0, 1]. */
  readonly maxDrawdown: number;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * LEAN's `MaximumDrawdownPercentPerSecurity`: on every bar, liquidates a holding whose
 * unrealized loss on its cost, `(average − last) / average` for a long (mirrored for
 * a short, see `unrealizedReturn`), is strictly greater than `maxDrawdown`. The
 * last price is the current bar's close. The exit is a zero target for the symbol
 * (the order is created on the breaching bar and, with market orders, fills at the
 * next bar's open); the symbol's active insights are cancelled and a `liquidate`
 * decision is recorded with `unrealizedReturn`, `maxDrawdown`, `averagePrice`,
 * `price` and `quantity`.
 */
export class MaximumDrawdownPercentPerSecurity implements RiskManagementModel {
  /** Name used in risk events. */
  readonly name: string;
  /** The loss limit, a fraction of cost. */
  readonly maxDrawdown: number;

  private readonly exits = new SecurityExits((position) => this.breach(position));

  /** @throws InvalidArgumentError when `maxDrawdown` is not in (0, 1]. */
  constructor(options: MaximumDrawdownPercentPerSecurityOptions) {
    this.maxDrawdown = fraction('maxDrawdown', options.maxDrawdown);
    this.name = modelName(options.name, 'MaximumDrawdownPercentPerSecurity');
  }

  /** Liquidates every holding that breaches (see the class comment); passes the other targets through. */
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    return this.exits.run(this.name, ctx, targets);
  }

  /** Breach when the unrealized return is below −maxDrawdown. */
  private breach(position: Position): SecurityBreach | undefined {
    const r = unrealizedReturn(position);
    if (!(-r > this.maxDrawdown)) return undefined;
    return {
      reason: `unrealized loss ${(-r * 100).toFixed(2)}% above the limit ${(this.maxDrawdown * 100).toFixed(2)}%`,
      details: {
        unrealizedReturn: r,
        maxDrawdown: this.maxDrawdown,
        averagePrice: position.averagePrice,
        price: position.lastPrice,
        quantity: position.quantity,
      },
    };
  }
}

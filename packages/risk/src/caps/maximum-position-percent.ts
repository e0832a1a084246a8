import type { AlgorithmContext, PortfolioTarget, QuantityTarget, RiskManagementModel } from '@alphaswarm/core';
import { fraction, modelName } from './option-checks.js';
import { sharesTarget, targetShares } from './target-book.js';

/** Options of {@link MaximumPositionPercent}. */
export interface MaximumPositionPercentOptions {
  /** Largest absolute weight of one position, as a fraction of equity (0.2 = 20 %), in (0, 10]. */
  readonly maxPercent: number;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * Clips every proposed target to a maximum weight: a target whose absolute weight
 * `|shares| × price / equity` (price = current close, equity marked at the closes)
 * is strictly greater than `maxPercent` becomes `sign(shares) × floor(maxPercent ×
 * equity / price)` shares, the largest whole position within the cap. Records one
 * `clip` decision per clipped target with `before`, `after`, `weight`, `maxPercent`
 * and `price`. Only acts on proposed targets: holdings that drift above the cap are
 * left alone.
 */
export class MaximumPositionPercent implements RiskManagementModel {
  /** Name used in risk events. */
  readonly name: string;
  /** The cap on one position's absolute weight, a fraction of equity. */
  readonly maxPercent: number;

  /** @throws InvalidArgumentError when `maxPercent` is not in (0, 10]. */
  constructor(options: MaximumPositionPercentOptions) {
    this.maxPercent = fraction('maxPercent', options.maxPercent, 10);
    this.name = modelName(options.name, 'MaximumPositionPercent');
  }

  /** The targets with each one's weight clipped to the cap. */
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    if (targets.length === 0) return targets;
    const equity = ctx.portfolio.equity;
    if (!(equity > 0)) return targets;
    let out: PortfolioTarget[] | undefined;
    targets.forEach((target, index) => {
      const price = ctx.securities.price(target.symbol);
      const shares = targetShares(ctx, target);
      let next: PortfolioTarget = target;
      if (price !== undefined && price > 0) {
        const weight = (shares * price) / equity;
        if (Math.abs(weight) > this.maxPercent) {
          const allowed = Math.floor((this.maxPercent * equity) / price);
          const after = Math.sign(shares) * allowed + 0;
          const clipped: QuantityTarget = sharesTarget(target, after);
          ctx.recordRiskDecision({
            model: this.name,
            symbol: target.symbol,
            action: 'clip',
            reason: `target weight ${(weight * 100).toFixed(2)}% above the cap ${(this.maxPercent * 100).toFixed(2)}%: ${shares} → ${after} shares`,
            details: { before: shares, after, weight, maxPercent: this.maxPercent, price },
          });
          next = clipped;
        }
      }
      if (next !== target) out ??= targets.slice(0, index);
      out?.push(next);
    });
    return out ?? targets;
  }
}

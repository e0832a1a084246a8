import type { AlgorithmContext, PortfolioTarget, QuantityTarget, RiskManagementModel } from '@alphaswarm/core';
import { fraction, modelName } from './option-checks.js';

/** Options of {@link MaximumDrawdownPercentPortfolio}. */
export interface MaximumDrawdownPercentPortfolioOptions {
  /** Largest fall of equity allowed below the baseline, as a fraction (0.1 = 10 %), in (0, 1]. */
  readonly maxDrawdown: number;
  /**
   * When true the baseline is the high-water mark of equity (a trailing drawdown);
   * when false (default) it is the equity at the start (or at the last reset).
   */
  readonly trailing?: boolean;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * LEAN's `MaximumDrawdownPercentPortfolio`: on every bar, compares the portfolio's
 * equity (marked at the current closes) with a baseline, and when
 * `1 − equity / baseline` is strictly greater than `maxDrawdown`, liquidates
 * everything: a zero target for every open position, every other proposed target
 * dropped, the insights of all those symbols cancelled, and one `liquidate`
 * decision recorded (symbol-less) with `equity`, `baseline`, `drawdown`,
 * `maxDrawdown`, `trailing` and `positions` (how many were closed).
 *
 * Baseline: the equity seen on the first call (the starting equity); with
 * `trailing`, raised to every new high of equity. After a liquidation the baseline
 * is reset: it becomes the equity seen on the next call, once the exit orders have
 * had their bar to fill (LEAN's behaviour), so the model does not fire again on the
 * same loss.
 */
export class MaximumDrawdownPercentPortfolio implements RiskManagementModel {
  /** Name used in risk events. */
  readonly name: string;
  /** The drawdown limit, a fraction of the baseline. */
  readonly maxDrawdown: number;
  /** Whether the baseline trails the high-water mark. */
  readonly trailing: boolean;
  private baseline = Number.NaN;

  /** @throws InvalidArgumentError when `maxDrawdown` is not in (0, 1]. */
  constructor(options: MaximumDrawdownPercentPortfolioOptions) {
    this.maxDrawdown = fraction('maxDrawdown', options.maxDrawdown);
    this.trailing = options.trailing ?? false;
    this.name = modelName(options.name, 'MaximumDrawdownPercentPortfolio');
  }

  /** The current baseline equity (NaN before the first call and right after a reset). */
  get baselineEquity(): number {
    return this.baseline;
  }

  /** Liquidates everything when the drawdown passes the limit; otherwise passes the targets through. */
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    const portfolio = ctx.portfolio;
    const equity = portfolio.equity;
    if (!(this.baseline > 0) || (this.trailing && equity > this.baseline)) this.baseline = equity;
    const baseline = this.baseline;
    const drawdown = baseline > 0 ? 1 - equity / baseline : 0;
    if (!(drawdown > this.maxDrawdown)) return targets;
    const exits: QuantityTarget[] = [];
    const reason = `equity ${equity.toFixed(2)} is ${(drawdown * 100).toFixed(2)}% below the ${this.trailing ? 'high-water mark' : 'baseline'} ${baseline.toFixed(2)}, above the limit ${(this.maxDrawdown * 100).toFixed(2)}%`;
    for (const position of portfolio.positions()) {
      ctx.insights.cancel(position.symbol, `${this.name}: ${reason}`);
      exits.push({ symbol: position.symbol, quantity: 0, tag: this.name });
    }
    for (const target of targets) ctx.insights.cancel(target.symbol, `${this.name}: ${reason}`);
    ctx.recordRiskDecision({
      model: this.name,
      action: 'liquidate',
      reason,
      details: { equity, baseline, drawdown, maxDrawdown: this.maxDrawdown, trailing: this.trailing, positions: exits.length },
    });
    this.baseline = Number.NaN;
    return exits;
  }
}

import { toIsoDate, utcDay } from '@alphaswarm/core';
import type { AlgorithmContext, PortfolioTarget, RiskManagementModel } from '@alphaswarm/core';
import { fraction, modelName } from './option-checks.js';
import { increasesExposure, sharesTarget, targetShares } from './target-book.js';

/** Options of {@link DailyLossHalt}. */
export interface DailyLossHaltOptions {
  /** Largest loss of one UTC day, as a fraction of the day's starting equity (0.02 = 2 %), in (0, 1]. */
  readonly maxDailyLoss: number;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * Stops new risk for the rest of a UTC day once the day's loss passes a limit.
 *
 * The day's starting equity is the equity at the last bar of the previous UTC day
 * (its close), or on the first day the equity seen on the first call. On every bar,
 * when `1 − equity / start` is strictly greater than `maxDailyLoss`, the model
 * halts for the rest of that UTC day and records one `halt` decision with `day`,
 * `startEquity`, `equity`, `loss` and `maxDailyLoss`. While halted, a proposed
 * target that adds exposure (its absolute shares exceed the current holding's, or
 * it flips the side) is blocked: an increase is dropped (the holding stays as it
 * is), a flip becomes a zero target (the reducing part of it). Targets that keep or
 * reduce a position pass. Each blocked target records a `block` decision with
 * `target`, `position` and `after` (the target's replacement, or the holding when
 * it was dropped). The halt lifts at the first bar of the next UTC day. Existing
 * positions are not closed by this model.
 */
export class DailyLossHalt implements RiskManagementModel {
  /** Name used in risk events. */
  readonly name: string;
  /** The daily loss limit, a fraction of the day's starting equity. */
  readonly maxDailyLoss: number;
  private day = Number.NaN;
  private startEquity = Number.NaN;
  private lastEquity = Number.NaN;
  private haltedDay = false;

  /** @throws InvalidArgumentError when `maxDailyLoss` is not in (0, 1]. */
  constructor(options: DailyLossHaltOptions) {
    this.maxDailyLoss = fraction('maxDailyLoss', options.maxDailyLoss);
    this.name = modelName(options.name, 'DailyLossHalt');
  }

  /** True while new entries are blocked (for the rest of the current UTC day). */
  get halted(): boolean {
    return this.haltedDay;
  }

  /** The current day's starting equity (NaN before the first call). */
  get dayStartEquity(): number {
    return this.startEquity;
  }

  /** Tracks the day's loss and, once halted, blocks targets that add exposure. */
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    const equity = ctx.portfolio.equity;
    const day = utcDay(ctx.time);
    if (day !== this.day) {
      this.day = day;
      this.startEquity = Number.isNaN(this.lastEquity) ? equity : this.lastEquity;
      this.haltedDay = false;
    }
    this.lastEquity = equity;
    if (!this.haltedDay) {
      const loss = this.startEquity > 0 ? 1 - equity / this.startEquity : 0;
      if (!(loss > this.maxDailyLoss)) return targets;
      this.haltedDay = true;
      ctx.recordRiskDecision({
        model: this.name,
        action: 'halt',
        reason: `day loss ${(loss * 100).toFixed(2)}% above the limit ${(this.maxDailyLoss * 100).toFixed(2)}%: no new entries until the next UTC day`,
        details: { day: toIsoDate(ctx.time), startEquity: this.startEquity, equity, loss, maxDailyLoss: this.maxDailyLoss },
      });
    }
    if (targets.length === 0) return targets;
    const out: PortfolioTarget[] = [];
    for (const target of targets) {
      const shares = targetShares(ctx, target);
      const position = ctx.portfolio.quantity(target.symbol);
      if (!increasesExposure(shares, position)) {
        out.push(target);
        continue;
      }
      const flips = shares * position < 0;
      if (flips) out.push(sharesTarget(target, 0));
      ctx.recordRiskDecision({
        model: this.name,
        symbol: target.symbol,
        action: 'block',
        reason: flips ? `halted for the day: flip to ${shares} reduced to a close of ${position}` : `halted for the day: entry to ${shares} blocked (holding ${position})`,
        details: { target: shares, position, after: flips ? 0 : position },
      });
    }
    return out;
  }
}

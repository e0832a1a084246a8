import { InvalidArgumentError } from '@alphaswarm/core';
import type { AlgorithmContext, PortfolioTarget, RiskManagementModel } from '@alphaswarm/core';
import { modelName, positive } from './option-checks.js';
import { scaledTarget, targetBook } from './target-book.js';

/** Options of {@link MaximumLeverage}. */
export interface MaximumLeverageOptions {
  /** Largest gross leverage `Σ |weight|` (1 = 100 % of equity), a finite number > 0. */
  readonly maxGross: number;
  /** Largest absolute net leverage `|Σ weight|`, a finite number > 0 and ≤ `maxGross`; defaults to `maxGross`. */
  readonly maxNet?: number;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * Caps the leverage of the book the proposed targets would leave. With weights
 * `w = shares × price / equity` (current closes), targeted symbols at their target
 * and untargeted holdings at their holding, gross leverage is `Σ |w|` and net
 * leverage `Σ w`. When gross is above `maxGross` or `|net|` above `maxNet`, every
 * proposed target is scaled by the largest factor `f ∈ [0, 1]` that satisfies both
 * `G_U + f·G_T ≤ maxGross` and `|N_U + f·N_T| ≤ maxNet` (`U`: untargeted holdings,
 * `T`: targets), shares truncated toward zero. When no factor satisfies both (the
 * untargeted holdings alone break a cap), it uses the largest factor in [0, 1]
 * allowed by the upper bounds and records `feasible: false`. Records one
 * symbol-less `scale` decision with `gross`, `net`, `maxGross`, `maxNet`, `factor`,
 * `grossAfter`, `netAfter` (before truncation) and `feasible`. Only acts on bars
 * with proposed targets.
 */
export class MaximumLeverage implements RiskManagementModel {
  /** Name used in risk events. */
  readonly name: string;
  /** Cap on gross leverage. */
  readonly maxGross: number;
  /** Cap on absolute net leverage. */
  readonly maxNet: number;

  /** @throws InvalidArgumentError when a cap is not a finite number > 0, or `maxNet` > `maxGross`. */
  constructor(options: MaximumLeverageOptions) {
    this.maxGross = positive('maxGross', options.maxGross);
    this.maxNet = positive('maxNet', options.maxNet ?? this.maxGross);
    if (this.maxNet > this.maxGross) throw new InvalidArgumentError('maxNet', this.maxNet, `a cap ≤ maxGross (${this.maxGross})`);
    this.name = modelName(options.name, 'MaximumLeverage');
  }

  /** The targets scaled so that the book meets both caps. */
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    if (targets.length === 0) return targets;
    const book = targetBook(ctx, targets);
    let grossT = 0;
    let netT = 0;
    let grossU = 0;
    let netU = 0;
    for (const line of book.lines) {
      if (line.targetIndex >= 0) {
        grossT += Math.abs(line.weight);
        netT += line.weight;
      } else {
        grossU += Math.abs(line.weight);
        netU += line.weight;
      }
    }
    const gross = grossT + grossU;
    const net = netT + netU;
    if (!(gross > this.maxGross) && !(Math.abs(net) > this.maxNet)) return targets;
    // Feasible factors: f·G_T ≤ maxGross − G_U, and −maxNet ≤ N_U + f·N_T ≤ maxNet, within [0, 1].
    let lo = 0;
    let hi = 1;
    if (grossT > 0) hi = Math.min(hi, (this.maxGross - grossU) / grossT);
    if (netT !== 0) {
      const a = (-this.maxNet - netU) / netT;
      const b = (this.maxNet - netU) / netT;
      lo = Math.max(lo, Math.min(a, b));
      hi = Math.min(hi, Math.max(a, b));
    }
    const feasible = lo <= hi && hi >= 0;
    const factor = Math.max(0, Math.min(1, hi));
    const grossAfter = grossU + factor * grossT;
    const netAfter = netU + factor * netT;
    ctx.recordRiskDecision({
      model: this.name,
      action: 'scale',
      reason: `gross ${gross.toFixed(4)} / net ${net.toFixed(4)} above the caps ${this.maxGross} / ${this.maxNet}: targets scaled by ${factor.toFixed(4)}`,
      details: { gross, net, maxGross: this.maxGross, maxNet: this.maxNet, factor, grossAfter, netAfter, feasible },
    });
    return targets.map((target, index) => scaledTarget(target, book.targetShares[index] ?? 0, factor));
  }
}

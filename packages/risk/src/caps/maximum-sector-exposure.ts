import { InvalidArgumentError, SymbolId } from '@alphaswarm/core';
import type { AlgorithmContext, PortfolioTarget, RiskManagementModel } from '@alphaswarm/core';
import { fraction, modelName } from './option-checks.js';
import { scaledTarget, targetBook } from './target-book.js';

/** Options of {@link MaximumSectorExposure}. */
export interface MaximumSectorExposureOptions {
  /** Sector of each symbol, keyed by canonical symbol text (`"AAPL.NASDAQ": "Technology"`) or given as a map. Symbols not listed belong to no sector and are not capped. */
  readonly sectors: Readonly<Record<string, string>> | ReadonlyMap<SymbolId, string>;
  /** Largest gross weight of one sector, as a fraction of equity (0.3 = 30 %), in (0, 10]. */
  readonly maxExposure: number;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * LEAN's `MaximumSectorExposureRiskManagementModel`: when targets are proposed, it
 * computes, for every sector that a proposed target belongs to, the sector's gross
 * weight in the book the targets would leave,
 * `Σ |shares| × price / equity` over the sector's symbols (targeted symbols at their
 * target, untargeted holdings at their holding; prices are the current closes), and
 * when that is above `maxExposure`, scales the sector's proposed targets by
 * `f = (maxExposure − U) / T` (clamped to [0, 1]), where `T` is the targeted part and
 * `U` the untargeted holdings' part, so that the sector lands at the cap (shares
 * truncated toward zero, so just under it). Holdings that no target mentions are
 * never traded by this model. Records one `scale` decision per capped sector with
 * `sector`, `exposure`, `maxExposure`, `factor` and `targets`. Does nothing on bars
 * without proposed targets (drift of held positions above the cap is left alone).
 */
export class MaximumSectorExposure implements RiskManagementModel {
  /** Name used in risk events. */
  readonly name: string;
  /** The cap on a sector's gross weight, a fraction of equity. */
  readonly maxExposure: number;
  private readonly sectorOf = new Map<SymbolId, string>();

  /** @throws InvalidArgumentError on a bad symbol, an empty sector name or a cap out of (0, 10]. */
  constructor(options: MaximumSectorExposureOptions) {
    this.maxExposure = fraction('maxExposure', options.maxExposure, 10);
    this.name = modelName(options.name, 'MaximumSectorExposure');
    const sectors = options.sectors;
    if (sectors === null || typeof sectors !== 'object') throw new InvalidArgumentError('sectors', sectors, 'a map of symbol to sector');
    const entries: [SymbolId | string, string][] = sectors instanceof Map ? [...sectors.entries()] : Object.entries(sectors);
    for (const [key, sector] of entries) {
      const symbol = SymbolId.from(key);
      if (typeof sector !== 'string' || sector.length === 0) throw new InvalidArgumentError(`sectors.${symbol.value}`, sector, 'a non-empty sector name');
      this.sectorOf.set(symbol, sector);
    }
  }

  /** The sector of `symbol`, or `undefined` when it has none. */
  sector(symbol: SymbolId): string | undefined {
    return this.sectorOf.get(symbol);
  }

  /** Scales the proposed targets of every sector above the cap; passes the rest through. */
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    if (targets.length === 0) return targets;
    let touched = false;
    for (const target of targets) {
      if (this.sectorOf.has(target.symbol)) {
        touched = true;
        break;
      }
    }
    if (!touched) return targets;
    const book = targetBook(ctx, targets);
    const targeted = new Map<string, number>();
    const untargeted = new Map<string, number>();
    for (const line of book.lines) {
      const sector = this.sectorOf.get(line.symbol);
      if (sector === undefined) continue;
      const into = line.targetIndex >= 0 ? targeted : untargeted;
      into.set(sector, (into.get(sector) ?? 0) + Math.abs(line.weight));
    }
    const factors = new Map<string, number>();
    for (const [sector, t] of targeted) {
      const u = untargeted.get(sector) ?? 0;
      const exposure = t + u;
      if (!(exposure > this.maxExposure)) continue;
      const factor = t > 0 ? Math.min(1, Math.max(0, (this.maxExposure - u) / t)) : 1;
      factors.set(sector, factor);
      ctx.recordRiskDecision({
        model: this.name,
        action: 'scale',
        reason: `sector ${sector} gross weight ${(exposure * 100).toFixed(2)}% above the cap ${(this.maxExposure * 100).toFixed(2)}%: targets scaled by ${factor.toFixed(4)}`,
        details: { sector, exposure, maxExposure: this.maxExposure, factor, targets: [...targets].filter((x) => this.sectorOf.get(x.symbol) === sector).length },
      });
    }
    if (factors.size === 0) return targets;
    return targets.map((target, index) => {
      const sector = this.sectorOf.get(target.symbol);
      const factor = sector === undefined ? undefined : factors.get(sector);
      return factor === undefined ? target : scaledTarget(target, book.targetShares[index] ?? 0, factor);
    });
  }
}

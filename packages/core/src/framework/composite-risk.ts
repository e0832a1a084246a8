import { InvalidArgumentError } from '../errors.js';
import type { AlgorithmContext } from './context.js';
import type { RiskManagementModel, SecurityChanges } from './models.js';
import type { PortfolioTarget } from './portfolio-target.js';

/**
 * Chains risk models in the declared order: each sees the previous one's output,
 * and every decision any of them records lands in the event log.
 */
export class CompositeRiskManagementModel implements RiskManagementModel {
  /** Names of the parts joined by `>`. */
  readonly name: string;
  private readonly models: readonly RiskManagementModel[];

  /** @param models - the risk models in the order they apply, at least one */
  constructor(models: readonly RiskManagementModel[]) {
    if (models.length === 0) throw new InvalidArgumentError('models', models, 'at least one risk model');
    this.models = models;
    this.name = models.map((m) => m.name).join('>');
  }

  /** Passes the targets through every model in order. */
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    let current = targets;
    for (const model of this.models) current = model.manageRisk(ctx, current);
    return current;
  }

  /** Forwards the change to every part. */
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    for (const model of this.models) model.onSecuritiesChanged?.(ctx, changes);
  }
}

import type { AlgorithmContext } from '../framework/context.js';
import type { Insight } from '../framework/insight.js';
import type { PortfolioConstructionModel, RiskManagementModel, SecurityChanges } from '../framework/models.js';
import type { PortfolioTarget } from '../framework/portfolio-target.js';

/** Receives the targets a stage produced (only called when there are some). */
export type TargetRecorder = (model: string, targets: readonly PortfolioTarget[]) => void;

/** A portfolio model that hands its output to a recorder and otherwise behaves exactly like the model it wraps. */
export class RecordingPortfolioModel implements PortfolioConstructionModel {
  /** The wrapped model's name. */
  readonly name: string;

  /**
   * @param inner - the model
   * @param record - called with every non-empty output
   */
  constructor(
    private readonly inner: PortfolioConstructionModel,
    private readonly record: TargetRecorder,
  ) {
    this.name = inner.name;
  }

  /** The inner model's targets, recorded when there are any. */
  createTargets(ctx: AlgorithmContext, insights: readonly Insight[]): readonly PortfolioTarget[] {
    const out = this.inner.createTargets(ctx, insights);
    if (out.length > 0) this.record(this.inner.name, out);
    return out;
  }

  /** The inner model's schedule (false when it has none). */
  rebalanceDue(ctx: AlgorithmContext): boolean {
    return this.inner.rebalanceDue?.(ctx) === true;
  }

  /** Forwards to the inner model. */
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    this.inner.onSecuritiesChanged?.(ctx, changes);
  }
}

/** A risk model that hands its output (the post-risk targets) to a recorder and otherwise behaves exactly like the model it wraps. */
export class RecordingRiskModel implements RiskManagementModel {
  /** The wrapped model's name. */
  readonly name: string;

  /**
   * @param inner - the model
   * @param record - called with every non-empty output
   */
  constructor(
    private readonly inner: RiskManagementModel,
    private readonly record: TargetRecorder,
  ) {
    this.name = inner.name;
  }

  /** The inner model's adjusted targets, recorded when there are any. */
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    const out = this.inner.manageRisk(ctx, targets);
    if (out.length > 0) this.record(this.inner.name, out);
    return out;
  }

  /** Forwards to the inner model. */
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    this.inner.onSecuritiesChanged?.(ctx, changes);
  }
}

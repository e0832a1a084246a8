import type { AlgorithmContext, PortfolioTarget, RiskManagementModel } from '@alphaswarm/core';
import { modelName } from './caps/option-checks.js';

/** Options of {@link NoOpRiskModel}. */
export interface NoOpRiskModelOptions {
  /** Name in logs; defaults to the class name. */
  readonly name?: string;
}

/**
 * The risk model that changes nothing: it returns the proposed targets unchanged
 * (the same array) and records no decision. LEAN's `NullRiskManagementModel`; also
 * the default inner model of a `TVaRInterceptor`.
 */
export class NoOpRiskModel implements RiskManagementModel {
  /** Name used in logs. */
  readonly name: string;

  /** @throws InvalidArgumentError on an empty name. */
  constructor(options: NoOpRiskModelOptions = {}) {
    this.name = modelName(options.name, 'NoOpRiskModel');
  }

  /** Returns `targets` unchanged. */
  manageRisk(_ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    return targets;
  }
}

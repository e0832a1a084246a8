import { InvalidArgumentError } from '../errors.js';
import type { PreTradeControl } from './pre-trade-control.js';
import type {
  AlphaModel,
  ExecutionModel,
  PortfolioConstructionModel,
  RiskManagementModel,
  UniverseSelectionModel,
} from './models.js';

/** The five stage models of a {@link FrameworkAlgorithm}, plus optional pre-trade controls. */
export interface FrameworkAlgorithmOptions {
  /** Name of the algorithm, for logs and results. */
  readonly name?: string;
  /** Stage 1. */
  readonly universe: UniverseSelectionModel;
  /** Stage 2 (compose several with {@link CompositeAlphaModel}). */
  readonly alpha: AlphaModel;
  /** Stage 3. */
  readonly portfolio: PortfolioConstructionModel;
  /** Stage 4 (chain several with {@link CompositeRiskManagementModel}). */
  readonly risk: RiskManagementModel;
  /** Stage 5. */
  readonly execution: ExecutionModel;
  /** Checks applied to every order before it reaches a broker, in order. */
  readonly preTradeControls?: readonly PreTradeControl[];
}

/**
 * An algorithm composed of one model per stage: Universe → Alpha → Portfolio →
 * Risk → Execution. The same object runs unchanged in a backtest, a paper session
 * or a live session; only the data feed and the broker differ.
 */
export class FrameworkAlgorithm {
  /** Name of the algorithm. */
  readonly name: string;
  /** Stage 1: universe selection. */
  readonly universe: UniverseSelectionModel;
  /** Stage 2: alpha. */
  readonly alpha: AlphaModel;
  /** Stage 3: portfolio construction. */
  readonly portfolio: PortfolioConstructionModel;
  /** Stage 4: risk management. */
  readonly risk: RiskManagementModel;
  /** Stage 5: execution. */
  readonly execution: ExecutionModel;
  /** Pre-trade controls, applied in order. */
  readonly preTradeControls: readonly PreTradeControl[];

  /** @throws {@link InvalidArgumentError} when a stage model is missing. */
  constructor(options: FrameworkAlgorithmOptions) {
    for (const stage of ['universe', 'alpha', 'portfolio', 'risk', 'execution'] as const) {
      if (options[stage] === undefined || options[stage] === null) {
        throw new InvalidArgumentError(stage, options[stage], `a ${stage} model`);
      }
    }
    this.name = options.name ?? 'FrameworkAlgorithm';
    this.universe = options.universe;
    this.alpha = options.alpha;
    this.portfolio = options.portfolio;
    this.risk = options.risk;
    this.execution = options.execution;
    this.preTradeControls = options.preTradeControls ?? [];
  }
}

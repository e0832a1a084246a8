import type { OrderRequest } from '../orders/order.js';
import type { SymbolId } from '../symbol-id.js';
import type { AlgorithmContext } from './context.js';
import type { Insight, InsightInit } from './insight.js';
import type { PortfolioTarget } from './portfolio-target.js';
import type { Slice } from './slice.js';

/** Symbols that joined and left the universe at one step. */
export interface SecurityChanges {
  /** Symbols added. */
  readonly added: readonly SymbolId[];
  /** Symbols removed. */
  readonly removed: readonly SymbolId[];
}

/** What every stage model shares: a name, and an optional hook for universe changes. */
export interface StageModel {
  /** Name used in logs, insight sources and risk events. Usually the class name. */
  readonly name: string;
  /** Called when the universe changes, before the stage's main method of that step. */
  onSecuritiesChanged?(ctx: AlgorithmContext, changes: SecurityChanges): void;
}

/**
 * Stage 1: chooses the active symbols. Called every step; returning the same array
 * object as the previous call means "no change" and costs nothing.
 */
export interface UniverseSelectionModel extends StageModel {
  /** The symbols to trade now (a subset of `ctx.securities.available`). */
  select(ctx: AlgorithmContext): readonly SymbolId[];
}

/** Stage 2: turns data into predictions. */
export interface AlphaModel extends StageModel {
  /**
   * Called once per timestamp with that timestamp's bars. Returns new insights
   * (usually none). Must not keep `slice`.
   */
  update(ctx: AlgorithmContext, slice: Slice): readonly InsightInit[];
}

/**
 * Stage 3: turns the active insights into targets. Called when insights were added,
 * expired or cancelled, when the universe changed, or when `rebalanceDue` says so.
 */
export interface PortfolioConstructionModel extends StageModel {
  /** Targets for the symbols it wants to change; a symbol left out keeps its target. */
  createTargets(ctx: AlgorithmContext, insights: readonly Insight[]): readonly PortfolioTarget[];
  /** Optional schedule: return true to be called at this step even with no insight change. */
  rebalanceDue?(ctx: AlgorithmContext): boolean;
}

/**
 * Stage 4: adjusts targets. Called every step with the targets that portfolio
 * construction produced at that step (often none), so that models which watch
 * holdings (trailing stops, drawdown caps) act on every bar. May scale, zero or
 * cancel what the alpha asked for, and records why through `ctx.recordRiskDecision`.
 */
export interface RiskManagementModel extends StageModel {
  /** The adjusted targets, plus any targets the model adds (e.g. a liquidation). */
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[];
}

/**
 * Stage 5: turns targets into orders. Called every step with the risk-adjusted
 * targets of that step (often none); models that work orders over time (VWAP, TWAP)
 * keep their own unfinished targets.
 */
export interface ExecutionModel extends StageModel {
  /** Orders to submit now. */
  execute(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly OrderRequest[];
}

export { FrameworkAlgorithm } from './algorithm.js';
export { AlgorithmDriver } from './algorithm-driver.js';
export type { DriverCounters, DrivenContext } from './algorithm-driver.js';
export type { FrameworkAlgorithmOptions } from './algorithm.js';
export { CompositeAlphaModel } from './composite-alpha.js';
export type { SourcedInsightInit } from './composite-alpha.js';
export { CompositeRiskManagementModel } from './composite-risk.js';
export type { AlgorithmContext, BarField, Securities } from './context.js';
export { Insight } from './insight.js';
export type { InsightDirection, InsightInit, InsightRecord } from './insight.js';
export { InsightCollection } from './insight-collection.js';
export type {
  AlphaModel,
  ExecutionModel,
  PortfolioConstructionModel,
  RiskManagementModel,
  SecurityChanges,
  StageModel,
  UniverseSelectionModel,
} from './models.js';
export { quantityForWeight } from './portfolio-target.js';
export type { PortfolioTarget, QuantityTarget, WeightTarget } from './portfolio-target.js';
export { ACCEPTED } from './pre-trade-control.js';
export type { PreTradeControl, PreTradeVerdict } from './pre-trade-control.js';
export type { RiskDecision, RiskDetails } from './risk-decision.js';
export type { Slice } from './slice.js';

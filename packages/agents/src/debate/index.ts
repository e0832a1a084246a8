// The research debate: a Market Monitor, a Quant Generator (LLM, gated by the model
// registry) and a Risk Simulator (Monte Carlo, the only binding verdict), and the
// alpha model that emits what the debate approved.
export { fisherFCdf, logGamma, regularizedIncompleteBeta, studentTCdf, studentTTwoSidedPValue, varianceRatioTwoSidedPValue } from './distributions.js';
export { MarketMonitor } from './market-monitor.js';
export type { MarketAssessment, MarketMonitorOptions, SymbolAssessment, SymbolRegime } from './market-monitor.js';
export { probeAlpha } from './alpha-probe.js';
export type { AlphaProbeOptions, ProbedInsight } from './alpha-probe.js';
export { bookFromInsights } from './proposed-book.js';
export type { BookPosition, ProposedBook } from './proposed-book.js';
export { RISK_ANALYST_JSON_SCHEMA, quantGeneratorSpec, quantProposalJsonSchema, riskAnalystSpec } from './debate-specs.js';
export type { DebateAgentModel, DebateAgentSpecOverrides } from './debate-specs.js';
export { QuantGenerator, assessmentContext } from './quant-generator.js';
export type { AlphaCatalogEntry, AlphaProposal, FeedbackProposal, GeneratorRequest, GeneratorTurn, QuantGeneratorOptions, RoundFeedback } from './quant-generator.js';
export { RiskSimulator } from './risk-simulator.js';
export type { AppliedRiskLimits, RiskLimits, RiskMetrics, RiskSimulatorOptions, RiskVerdict } from './risk-simulator.js';
export { DebateTranscript } from './debate-transcript.js';
export type { DebateParticipant, DebateTurn, DebateTurnKind } from './debate-transcript.js';
export { DEBATE_CONSENSUS_RULE, ResearchDebate } from './research-debate.js';
export type { DebateOutcome, ResearchDebateOptions, RiskAnalystOptions } from './research-debate.js';
export { ResearchDebateAlpha } from './research-debate-alpha.js';
export type { DebateDecision, PrepareOptions, ResearchDebateAlphaOptions } from './research-debate-alpha.js';

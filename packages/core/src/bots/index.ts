export { jsonSafe, summarizeBacktest } from './backtest-summary.js';
export type { BacktestSummary, FillSummary } from './backtest-summary.js';
export { Bot } from './bot.js';
export type { AgentConsultant, BotBacktestOptions, ConsultContext, BotBacktestOutcome, BotDependencies, PaperOptions, PaperRunner } from './bot.js';
export { PERIODS_PER_YEAR, loadBotData, periodsPerYearOf } from './bot-data.js';
export { BotMethodNotSupported, NotAvailableError } from './bot-errors.js';
export {
  BotAgentRefSchema,
  BotBacktestSchema,
  BotDeploymentSchema,
  BotRiskSchema,
  BotSpecSchema,
  CsvPipelineSchema,
  MetricThresholdSchema,
  SyntheticPipelineSchema,
} from './bot-spec.js';
export type { BotSpec, BotSpecInput, MetricThreshold } from './bot-spec.js';
export { buildAlgorithm, riskCapSpecs, strategyWithDefaults } from './build-algorithm.js';
export { registerCoreModels } from './core-models.js';
export { createBot } from './create-bot.js';
export { BacktestOnlyTarget, DeploymentDispatcher, PaperSessionTarget } from './deployment-target.js';
export type { DeploymentContext, DeploymentOutcome, DeploymentTarget, DeploymentTargetName } from './deployment-target.js';
export { loadBotSpecFile, loadBotSpecYaml, parseBotSpec, parseYaml, scanBotTemplates } from './load-spec.js';
export type { BotTemplate } from './load-spec.js';
export { evaluateMetrics, metricValue } from './metrics.js';
export type { MetricResult } from './metrics.js';
export { ResearchBot } from './research-bot.js';
export { BotRuntime } from './runtime.js';
export type { BotRuntimeOptions, RuntimeBacktest } from './runtime.js';
export { TradingBot } from './trading-bot.js';

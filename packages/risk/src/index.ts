/**
 * `@alphaswarm/risk`: Trailing stops, the Tail-VaR interceptor, drawdown and exposure caps, pre-trade controls and Monte Carlo stress.
 *
 * @packageDocumentation
 */
export {};
export * from './tvar/index.js';
export * from './monte-carlo.js';
export { MonteCarloStressTester } from './stress-tester.js';
export type { MonteCarloStressTesterOptions } from './stress-tester.js';
export * from './caps/index.js';
export * from './pretrade/index.js';
export { NoOpRiskModel } from './no-op.js';
export type { NoOpRiskModelOptions } from './no-op.js';
export { TrailingStopRiskManagementModel } from './trailing-stop.js';
export type { TrailingStopBasis, TrailingStopMode, TrailingStopOptions, TrailingStopWatermark } from './trailing-stop.js';
export { registerRiskModels } from './register.js';

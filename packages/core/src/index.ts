/**
 * `@alphaswarm/core`: domain types, the 5-stage framework contracts, the event-bus
 * backtester, portfolio accounting, statistics, Arrow data and adapter interfaces.
 *
 * @packageDocumentation
 */
export {
  AlphaSwarmError,
  DataValidationError,
  HaltedError,
  InvalidArgumentError,
  InvalidSymbolError,
  SpecValidationError,
  describeValue,
} from './errors.js';
export type { AlphaSwarmErrorOptions, DataLocation } from './errors.js';
export { SymbolId } from './symbol-id.js';
export { MS_PER_DAY, ManualClock, parseIso, systemClock, toIso, toIsoDate, utcDay } from './time.js';
export type { Clock, EpochMs } from './time.js';
export { SeededRandom } from './random.js';
export { ProgressEmitter } from './progress.js';
export type { ProgressEvents, ProgressFrame } from './progress.js';
export { KillSwitch } from './kill-switch.js';
export type { KillSwitchEvents } from './kill-switch.js';
export * from './data/index.js';
export * from './orders/index.js';
export * from './portfolio/index.js';
export * from './statistics/index.js';
export * from './framework/index.js';
export * from './backtest/index.js';
export * from './registry/index.js';
export * from './spec/index.js';
export * from './persistence/index.js';
export * from './bots/index.js';
export * from './llm/index.js';
export * from './stress/index.js';
export * from './broker/index.js';
export * from './calendar/index.js';
export * from './paper/index.js';

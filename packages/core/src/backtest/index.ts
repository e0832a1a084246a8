export { BacktestSettingsSchema, parseBacktestSettings } from './config.js';
export type { BacktestOptions, BacktestSettings } from './config.js';
export { EventDrivenBacktester } from './engine.js';
export type { RunOptions } from './engine.js';
export { EventLog } from './event-log.js';
export type { MarketSource } from './event-log.js';
export type {
  BacktestEvent,
  BarRecord,
  EndEvent,
  EventKind,
  FillEvent,
  FillRecord,
  MarketEvent,
  OrderEvent,
  OrderRecord,
  OrderUpdateEvent,
  RiskEvent,
  SignalEvent,
  StartEvent,
  UnsequencedEvent,
} from './events.js';
export { replay } from './replay.js';
export { BacktestResult, ordersFromLog } from './result.js';
export type { BacktestConfigRecord, BacktestResultParts, EquityCurve, OrderSummary } from './result.js';
export { RingDeque } from './ring-deque.js';
export { BacktestBroker } from './simulated-broker.js';
export type { BarLookup, MatchListener } from './simulated-broker.js';
export { SliceFeed } from './slice-feed.js';
export type { BarColumns, BarSource } from './slice-feed.js';
export type { MarketHistory, OpenOrderSource } from './run-context.js';

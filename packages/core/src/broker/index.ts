export type { BrokerAdapter } from './broker-adapter.js';
export type {
  BrokerAccount,
  BrokerFill,
  BrokerOrder,
  BrokerOrderRequest,
  BrokerPosition,
  OrderUpdate,
  OrderUpdateListener,
} from './broker-types.js';
export { BrokerError, BrokerRejectedError, LiveTradingDisabledError } from './broker-errors.js';
export type { BrokerErrorCode } from './broker-errors.js';
export { orderFromJson } from './order-json.js';

import { AlphaSwarmError } from '../errors.js';

/**
 * Why a broker call failed: `BROKER_REJECTED` (the order was refused), `BROKER_AUTH`
 * (missing or refused credentials), `BROKER_RATE_LIMITED` (HTTP 429 after the
 * retries), `BROKER_TIMEOUT` (no answer in time after the retries),
 * `BROKER_UNAVAILABLE` (5xx or network failure after the retries), `BROKER_NOT_FOUND`
 * (an unknown order), `BROKER_PROTOCOL` (an answer that does not follow the API).
 */
export type BrokerErrorCode =
  | 'BROKER_REJECTED'
  | 'BROKER_AUTH'
  | 'BROKER_RATE_LIMITED'
  | 'BROKER_TIMEOUT'
  | 'BROKER_UNAVAILABLE'
  | 'BROKER_NOT_FOUND'
  | 'BROKER_PROTOCOL';

/** A broker call failed. Messages never contain credentials. */
export class BrokerError extends AlphaSwarmError {
  /** The HTTP status, when the broker answered. */
  readonly status: number | undefined;

  /**
   * @param code - what kind of failure
   * @param message - what happened, naming the request (never credentials)
   * @param options - the HTTP status, the request path and the cause
   */
  constructor(code: BrokerErrorCode, message: string, options: { readonly status?: number; readonly path?: string; readonly cause?: unknown } = {}) {
    super(code, message, { ...(options.path === undefined ? {} : { path: options.path }), ...(options.cause === undefined ? {} : { cause: options.cause }) });
    this.status = options.status;
  }
}

/** The broker refused an order: it was not placed and will never fill. Code `BROKER_REJECTED`. */
export class BrokerRejectedError extends BrokerError {
  /**
   * @param reason - the broker's reason, e.g. `insufficient buying power`
   * @param options - the HTTP status and the request path
   */
  constructor(reason: string, options: { readonly status?: number; readonly path?: string } = {}) {
    super('BROKER_REJECTED', `order rejected: ${reason}`, options);
  }
}

/**
 * A real-money broker was used without enabling live trading. Code `LIVE_TRADING_DISABLED`.
 * Live trading is off unless the host turns it on explicitly.
 */
export class LiveTradingDisabledError extends AlphaSwarmError {
  /** @param what - what asked for live trading, e.g. `AlpacaBroker environment "live"` */
  constructor(what: string) {
    super('LIVE_TRADING_DISABLED', `${what} trades real money: live trading is off unless explicitly enabled (liveTrading: true)`, { path: 'liveTrading', value: false });
  }
}

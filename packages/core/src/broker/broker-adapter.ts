import type { Slice } from '../framework/slice.js';
import type { JsonValue } from '../spec/json-value.js';
import type { BrokerAccount, BrokerOrder, BrokerOrderRequest, BrokerPosition, OrderUpdate, OrderUpdateListener } from './broker-types.js';

/**
 * Where a session's orders go: a simulated exchange or a real broker's API. The
 * interface is asynchronous because real brokers are remote; a simulated one
 * answers at once.
 *
 * Contract (what `PaperTradingSession` relies on):
 * - `submit` either returns the accepted order, or throws `BrokerRejectedError` when
 *   the order was definitely refused (it then never fills), or throws another error
 *   when the outcome is unknown (a timeout); in that last case the adapter keeps
 *   tracking the client id and reports the order's fate through `sync`.
 *   Submitting a known client id again returns that order (idempotent).
 * - `sync(slice)` is called once per session cycle, before the algorithm runs, with
 *   that cycle's bars. It returns every order update since the previous call, in
 *   the order they happened, and also emits each to the `onOrderUpdate` listeners.
 *   A simulated broker matches its open orders against the slice here (the
 *   backtester's matching); a real broker polls its API.
 * - `saveState`/`loadState` carry the adapter's own state across a session restart
 *   (a simulated exchange's account and book; a real broker's knowledge of what it
 *   already reported). The session persists the value after every cycle.
 */
export interface BrokerAdapter {
  /** Name in logs and journals, e.g. `SimulatedBroker`, `AlpacaBroker`. */
  readonly name: string;
  /** True when orders reach a real-money account; a session refuses it unless live trading is enabled. */
  readonly live: boolean;
  /** Places an order; see the contract above. */
  submit(request: BrokerOrderRequest): Promise<BrokerOrder>;
  /**
   * Asks to cancel the working order with this client id. The cancellation (or the
   * fill that beat it) is reported through `sync`. Unknown or closed ids are ignored.
   */
  cancel(clientOrderId: string): Promise<void>;
  /** The orders still working, oldest first. */
  openOrders(): Promise<readonly BrokerOrder[]>;
  /** The positions held (quantity ≠ 0), sorted by symbol text. */
  positions(): Promise<readonly BrokerPosition[]>;
  /** The account's cash, equity and buying power. */
  account(): Promise<BrokerAccount>;
  /** Order updates since the previous call; see the contract above. */
  sync(slice: Slice): Promise<readonly OrderUpdate[]>;
  /** Subscribes to order updates; returns the function that unsubscribes. */
  onOrderUpdate(listener: OrderUpdateListener): () => void;
  /** The adapter's own state as JSON, for a restart; omit when it keeps none. */
  saveState?(): JsonValue;
  /** Restores what {@link BrokerAdapter.saveState} returned. */
  loadState?(state: JsonValue): void;
  /** Releases connections and timers. Idempotent. */
  close(): Promise<void>;
}

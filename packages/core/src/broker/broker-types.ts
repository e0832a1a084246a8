import type { OrderStatus, OrderType, TimeInForce } from '../orders/order.js';
import type { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';

/**
 * An order as a session sends it to a broker. Quantities are signed (+ buy, − sell)
 * in units of the instrument; prices are per unit in account currency.
 */
export interface BrokerOrderRequest {
  /**
   * The caller's id of the order, unique within the account and stable across
   * restarts (a session uses `<sessionId>-<orderId>`). Brokers treat a second submit
   * with a known id as the same order (idempotent submit).
   */
  readonly clientOrderId: string;
  /** The instrument. */
  readonly symbol: SymbolId;
  /** Signed quantity, finite and non-zero. */
  readonly quantity: number;
  /** Order type. */
  readonly type: OrderType;
  /** Limit price for `limit` and `stop_limit`. */
  readonly limitPrice?: number;
  /** Stop price for `stop` and `stop_limit`. */
  readonly stopPrice?: number;
  /** Time in force. */
  readonly timeInForce: TimeInForce;
  /** Caller's free text. */
  readonly tag?: string;
  /**
   * Time the order was created, epoch ms UTC: the time of the bar being processed.
   * A simulated broker matches it from the next bar on; a real broker ignores it.
   */
  readonly createdAt: EpochMs;
}

/** An order as the broker knows it. */
export interface BrokerOrder {
  /** The broker's id of the order. */
  readonly id: string;
  /** The caller's id ({@link BrokerOrderRequest.clientOrderId}). */
  readonly clientOrderId: string;
  /** The instrument. */
  readonly symbol: SymbolId;
  /** Signed quantity requested. */
  readonly quantity: number;
  /** Order type. */
  readonly type: OrderType;
  /** Limit price, or null. */
  readonly limitPrice: number | null;
  /** Stop price, or null. */
  readonly stopPrice: number | null;
  /** Time in force. */
  readonly timeInForce: TimeInForce;
  /** Life-cycle state, in the SDK's vocabulary (see `OrderStatus`). */
  readonly status: OrderStatus;
  /** Signed quantity filled so far. */
  readonly filledQuantity: number;
  /** Average fill price, or null before the first fill. */
  readonly averageFillPrice: number | null;
  /** Creation time, epoch ms UTC. */
  readonly createdAt: EpochMs;
  /** Why it was cancelled or rejected, or null. */
  readonly reason: string | null;
}

/**
 * One execution reported by a broker. Sign convention as `Fill`: quantity + bought,
 * − sold; cash moves by `−quantity × price − fee`.
 */
export interface BrokerFill {
  /** The instrument. */
  readonly symbol: SymbolId;
  /** Execution time, epoch ms UTC (a simulated broker: the time of the bar it filled against). */
  readonly time: EpochMs;
  /** Signed quantity executed, never 0. */
  readonly quantity: number;
  /** Execution price per unit, after slippage (> 0). */
  readonly price: number;
  /** Fees charged, in account currency (≥ 0). */
  readonly fee: number;
  /** Cost of slippage in currency, already contained in `price` (0 when unknown). */
  readonly slippage: number;
}

/** A change of an order at the broker: a (partial) fill, a cancellation or a rejection. */
export type OrderUpdate =
  | {
      /** A (partial) fill. */
      readonly kind: 'fill';
      /** The order's client id. */
      readonly clientOrderId: string;
      /** When it happened, epoch ms UTC. */
      readonly time: EpochMs;
      /** The execution. */
      readonly fill: BrokerFill;
      /** The order after the fill. */
      readonly order: BrokerOrder;
    }
  | {
      /** The order ended without filling (the rest of it): cancelled (incl. expired) or rejected. */
      readonly kind: 'cancelled' | 'rejected';
      /** The order's client id. */
      readonly clientOrderId: string;
      /** When it happened, epoch ms UTC. */
      readonly time: EpochMs;
      /** Why. */
      readonly reason: string;
      /** The order after the change. */
      readonly order: BrokerOrder;
    };

/** Receives order updates as a broker reports them. */
export type OrderUpdateListener = (update: OrderUpdate) => void;

/** A position held at the broker. */
export interface BrokerPosition {
  /** The instrument. */
  readonly symbol: SymbolId;
  /** Signed quantity held (negative is short), never 0. */
  readonly quantity: number;
  /** Average entry price per unit. */
  readonly averagePrice: number;
  /** Last price the broker marked it at. */
  readonly lastPrice: number;
  /** `quantity × lastPrice`. */
  readonly marketValue: number;
  /** Unrealized PnL at `lastPrice`. */
  readonly unrealizedPnl: number;
}

/** The account at the broker, in account currency. */
export interface BrokerAccount {
  /** Account currency, e.g. `USD`. */
  readonly currency: string;
  /** Cash (negative when borrowing). */
  readonly cash: number;
  /** Cash plus the market value of the positions. */
  readonly equity: number;
  /** Notional the account may still add to its gross exposure. */
  readonly buyingPower: number;
  /** The broker's account status, e.g. `ACTIVE`. */
  readonly status: string;
}

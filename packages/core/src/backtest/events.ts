import type { InsightRecord } from '../framework/insight.js';
import type { OrderType, TimeInForce } from '../orders/order.js';
import type { EpochMs } from '../time.js';

/** One bar inside a {@link MarketEvent}. */
export interface BarRecord {
  /** Canonical symbol text. */
  readonly symbol: string;
  /** Open price. */
  readonly open: number;
  /** High price. */
  readonly high: number;
  /** Low price. */
  readonly low: number;
  /** Close price. */
  readonly close: number;
  /** Volume. */
  readonly volume: number;
}

/** Fields every event carries. */
interface EventBase {
  /** Position in the log, from 0, without gaps. */
  readonly seq: number;
  /** Simulation time, epoch ms. */
  readonly time: EpochMs;
}

/** The run started: what a replay needs to rebuild the account. */
export interface StartEvent extends EventBase {
  /** Kind tag. */
  readonly kind: 'start';
  /** Name of the algorithm. */
  readonly algorithm: string;
  /** Starting cash. */
  readonly initialCash: number;
  /** Symbols of the data feed. */
  readonly symbols: readonly string[];
  /** Periods per year used by the statistics. */
  readonly periodsPerYear: number;
}

/** The bars of one timestamp. */
export interface MarketEvent extends EventBase {
  /** Kind tag. */
  readonly kind: 'market';
  /** Bars of the symbols that have one at `time`. */
  readonly bars: readonly BarRecord[];
}

/** Insights emitted by the alpha stage. */
export interface SignalEvent extends EventBase {
  /** Kind tag. */
  readonly kind: 'signal';
  /** The insights, as emitted. */
  readonly insights: readonly InsightRecord[];
}

/** The order as submitted. */
export interface OrderRecord {
  /** Order id. */
  readonly id: number;
  /** Canonical symbol text. */
  readonly symbol: string;
  /** Signed quantity. */
  readonly quantity: number;
  /** Order type. */
  readonly type: OrderType;
  /** Limit price, or null. */
  readonly limitPrice: number | null;
  /** Stop price, or null. */
  readonly stopPrice: number | null;
  /** Time in force. */
  readonly timeInForce: TimeInForce;
  /** Label, or null. */
  readonly tag: string | null;
}

/** An order was submitted to the broker (it passed every pre-trade control). */
export interface OrderEvent extends EventBase {
  /** Kind tag. */
  readonly kind: 'order';
  /** The order. */
  readonly order: OrderRecord;
}

/** An order ended without (completely) filling. */
export interface OrderUpdateEvent extends EventBase {
  /** Kind tag. */
  readonly kind: 'order_update';
  /** The order. */
  readonly orderId: number;
  /** Its new state. */
  readonly status: 'cancelled' | 'rejected';
  /** Why. */
  readonly reason: string;
}

/** A fill as booked. */
export interface FillRecord {
  /** Order id. */
  readonly orderId: number;
  /** Canonical symbol text. */
  readonly symbol: string;
  /** Signed quantity. */
  readonly quantity: number;
  /** Price after slippage. */
  readonly price: number;
  /** Fee charged. */
  readonly fee: number;
  /** Slippage cost contained in the price. */
  readonly slippage: number;
}

/** (Part of) an order filled. */
export interface FillEvent extends EventBase {
  /** Kind tag. */
  readonly kind: 'fill';
  /** The fill. */
  readonly fill: FillRecord;
}

/** A risk model or pre-trade control took a decision. */
export interface RiskEvent extends EventBase {
  /** Kind tag. */
  readonly kind: 'risk';
  /** Deciding model. */
  readonly model: string;
  /** Symbol concerned, or null. */
  readonly symbol: string | null;
  /** What was done. */
  readonly action: string;
  /** Why. */
  readonly reason: string;
  /** Numbers behind it. */
  readonly details: Readonly<Record<string, number | string | boolean | null>>;
}

/** The run ended, normally or halted by the kill switch. */
export interface EndEvent extends EventBase {
  /** Kind tag. */
  readonly kind: 'end';
  /** True when the kill switch stopped the run. */
  readonly halted: boolean;
  /** The halt reason, or null. */
  readonly reason: string | null;
}

/** Every event of the backtester's log. */
export type BacktestEvent =
  | StartEvent
  | MarketEvent
  | SignalEvent
  | OrderEvent
  | OrderUpdateEvent
  | FillEvent
  | RiskEvent
  | EndEvent;

/** The kind tags of {@link BacktestEvent}. */
export type EventKind = BacktestEvent['kind'];

/** An event before the log stamps its sequence number. */
export type UnsequencedEvent = BacktestEvent extends infer E ? (E extends BacktestEvent ? Omit<E, 'seq'> : never) : never;

import { AlphaSwarmError, InvalidArgumentError } from '../errors.js';
import { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';
import { isQuantityDust } from './quantity-tolerance.js';

/**
 * How an order executes:
 * - `market`: at the next available price;
 * - `limit`: at `limitPrice` or better;
 * - `stop`: becomes a market order once the price trades through `stopPrice`;
 * - `stop_limit`: becomes a limit order at `limitPrice` once the price trades through `stopPrice`.
 */
export type OrderType = 'market' | 'limit' | 'stop' | 'stop_limit';

/**
 * How long an order stays working: `day` until the end of the UTC day on which it
 * was created, `gtc` (good till cancelled) until filled or cancelled.
 */
export type TimeInForce = 'day' | 'gtc';

/**
 * Life-cycle state of an {@link Order}. Allowed transitions:
 * `submitted → partially_filled → filled`, `submitted → filled`,
 * `submitted | partially_filled → cancelled`, `submitted → rejected`.
 * `filled`, `cancelled` and `rejected` are final.
 */
export type OrderStatus = 'submitted' | 'partially_filled' | 'filled' | 'cancelled' | 'rejected';

/** What a strategy asks for; validated by {@link Order.create}. */
export interface OrderRequest {
  /** The instrument to trade. */
  symbol: SymbolId;
  /** Signed quantity in units of the instrument: positive buys, negative sells; finite and non-zero. */
  quantity: number;
  /** Order type; defaults to `market`. */
  type?: OrderType;
  /** Limit price (> 0); required by `limit` and `stop_limit`, refused by the other types. */
  limitPrice?: number;
  /** Stop (trigger) price (> 0); required by `stop` and `stop_limit`, refused by the other types. */
  stopPrice?: number;
  /** Time in force; defaults to `gtc`. */
  timeInForce?: TimeInForce;
  /** Free text carried along for the caller (e.g. the alpha that asked for it). */
  tag?: string;
}

/** Plain JSON form of an {@link Order}, as produced by {@link Order.toJSON}. */
export interface OrderJson {
  /** {@link Order.id}. */
  readonly id: number;
  /** Canonical symbol text. */
  readonly symbol: string;
  /** {@link Order.quantity}. */
  readonly quantity: number;
  /** {@link Order.type}. */
  readonly type: OrderType;
  /** {@link Order.limitPrice}, or `null` when none. */
  readonly limitPrice: number | null;
  /** {@link Order.stopPrice}, or `null` when none. */
  readonly stopPrice: number | null;
  /** {@link Order.timeInForce}. */
  readonly timeInForce: TimeInForce;
  /** {@link Order.tag}, or `null` when none. */
  readonly tag: string | null;
  /** {@link Order.createdAt}. */
  readonly createdAt: EpochMs;
  /** {@link Order.status}. */
  readonly status: OrderStatus;
  /** {@link Order.filledQuantity}. */
  readonly filledQuantity: number;
  /** {@link Order.averageFillPrice}. */
  readonly averageFillPrice: number;
  /** {@link Order.stopTriggered}. */
  readonly stopTriggered: boolean;
  /** {@link Order.rejectReason}, or `null` when none. */
  readonly rejectReason: string | null;
  /** {@link Order.cancelReason}, or `null` when none. */
  readonly cancelReason: string | null;
}

const ORDER_TYPES: readonly OrderType[] = ['market', 'limit', 'stop', 'stop_limit'];
const TIME_IN_FORCE: readonly TimeInForce[] = ['day', 'gtc'];

function positivePrice(field: string, value: unknown, type: OrderType, required: boolean): number | undefined {
  if (!required) {
    if (value !== undefined) throw new InvalidArgumentError(field, value, `no ${field} for a ${type} order`);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError(field, value, `a finite price > 0 (required by a ${type} order)`);
  }
  return value;
}

/**
 * A working order and its fills. Created by {@link Order.create}, which validates the
 * request; afterwards only the transition methods ({@link Order.fill},
 * {@link Order.cancel}, {@link Order.reject}, {@link Order.markStopTriggered}) change
 * it, and they enforce the {@link OrderStatus} state machine: an illegal transition
 * throws an {@link AlphaSwarmError} with code `INVALID_ORDER_TRANSITION`.
 *
 * Quantities are signed like the request (+ buy, − sell); prices are per unit in
 * account currency.
 */
export class Order {
  /** Identifier chosen by the creator (the engine numbers orders 1, 2, 3, …). */
  readonly id: number;
  /** The instrument. */
  readonly symbol: SymbolId;
  /** Requested signed quantity: positive buys, negative sells. */
  readonly quantity: number;
  /** Order type. */
  readonly type: OrderType;
  /** Limit price for `limit` and `stop_limit`, otherwise `undefined`. */
  readonly limitPrice: number | undefined;
  /** Stop price for `stop` and `stop_limit`, otherwise `undefined`. */
  readonly stopPrice: number | undefined;
  /** Time in force. */
  readonly timeInForce: TimeInForce;
  /** Caller's free text, if any. */
  readonly tag: string | undefined;
  /** Time the order was created, epoch ms (UTC); day orders expire at the end of this UTC day. */
  readonly createdAt: EpochMs;

  private currentStatus: OrderStatus = 'submitted';
  private filled = 0;
  private filledNotional = 0;
  private triggered = false;
  private rejectText: string | undefined;
  private cancelText: string | undefined;

  private constructor(
    id: number,
    symbol: SymbolId,
    quantity: number,
    type: OrderType,
    limitPrice: number | undefined,
    stopPrice: number | undefined,
    timeInForce: TimeInForce,
    tag: string | undefined,
    createdAt: EpochMs,
  ) {
    this.id = id;
    this.symbol = symbol;
    this.quantity = quantity;
    this.type = type;
    this.limitPrice = limitPrice;
    this.stopPrice = stopPrice;
    this.timeInForce = timeInForce;
    this.tag = tag;
    this.createdAt = createdAt;
  }

  /**
   * Validates a request and creates a `submitted` order.
   *
   * @param id - order id (a safe integer)
   * @param request - what to trade; see {@link OrderRequest}
   * @param createdAt - creation time, epoch ms
   * @throws {@link InvalidArgumentError} naming the field: `quantity` not finite or 0,
   * an unknown `type` or `timeInForce`, a missing or non-positive `limitPrice` /
   * `stopPrice` where the type needs one, or one given where the type has no use for it.
   */
  static create(id: number, request: OrderRequest, createdAt: EpochMs): Order {
    if (!Number.isSafeInteger(id)) throw new InvalidArgumentError('id', id, 'a safe integer');
    if (typeof request !== 'object' || request === null) throw new InvalidArgumentError('request', request, 'an order request object');
    if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) {
      throw new InvalidArgumentError('createdAt', createdAt, 'a finite epoch-ms time');
    }
    const symbol = SymbolId.from(request.symbol);
    const { quantity } = request;
    if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity === 0) {
      throw new InvalidArgumentError('quantity', quantity, 'a finite non-zero signed quantity (+ buy, − sell)');
    }
    const type = request.type ?? 'market';
    if (!ORDER_TYPES.includes(type)) throw new InvalidArgumentError('type', type, `one of ${ORDER_TYPES.join(', ')}`);
    const timeInForce = request.timeInForce ?? 'gtc';
    if (!TIME_IN_FORCE.includes(timeInForce)) {
      throw new InvalidArgumentError('timeInForce', timeInForce, `one of ${TIME_IN_FORCE.join(', ')}`);
    }
    if (request.tag !== undefined && typeof request.tag !== 'string') throw new InvalidArgumentError('tag', request.tag, 'a string');
    const limitPrice = positivePrice('limitPrice', request.limitPrice, type, type === 'limit' || type === 'stop_limit');
    const stopPrice = positivePrice('stopPrice', request.stopPrice, type, type === 'stop' || type === 'stop_limit');
    return new Order(id, symbol, quantity, type, limitPrice, stopPrice, timeInForce, request.tag, createdAt);
  }

  /** Current life-cycle state. */
  get status(): OrderStatus {
    return this.currentStatus;
  }

  /** True while the order can still fill: `submitted` or `partially_filled`. */
  get isOpen(): boolean {
    return this.currentStatus === 'submitted' || this.currentStatus === 'partially_filled';
  }

  /** True for a buy (positive quantity), false for a sell. */
  get isBuy(): boolean {
    return this.quantity > 0;
  }

  /** Signed quantity filled so far (same sign as {@link Order.quantity}, or 0). */
  get filledQuantity(): number {
    return this.filled;
  }

  /** Signed quantity still to fill: `quantity − filledQuantity`; 0 once filled. Unchanged by cancel or reject. */
  get remainingQuantity(): number {
    return this.currentStatus === 'filled' ? 0 : this.quantity - this.filled;
  }

  /** Quantity-weighted average price of the fills so far; 0 before the first fill. */
  get averageFillPrice(): number {
    return this.filled === 0 ? 0 : this.filledNotional / this.filled;
  }

  /** For `stop_limit`: true once the stop has traded and the order works as a limit order. Always false for other types. */
  get stopTriggered(): boolean {
    return this.triggered;
  }

  /** Why the order was rejected, or `undefined`. */
  get rejectReason(): string | undefined {
    return this.rejectText;
  }

  /** Why the order was cancelled, or `undefined`. */
  get cancelReason(): string | undefined {
    return this.cancelText;
  }

  /**
   * Records that the stop of a `stop_limit` order has traded; from then on it works as
   * a limit order, across bars. Idempotent.
   *
   * @throws {@link AlphaSwarmError} `INVALID_ORDER_TRANSITION` for another type or a closed order.
   */
  markStopTriggered(): void {
    if (this.type !== 'stop_limit') this.transitionError('trigger the stop of', `a ${this.type} order`);
    if (!this.isOpen) this.transitionError('trigger the stop of', `a ${this.currentStatus} order`);
    this.triggered = true;
  }

  /**
   * Books a fill: `submitted | partially_filled → partially_filled | filled`.
   *
   * @param quantity - signed, same sign as the order, `|quantity| ≤ |remainingQuantity|`
   *   (a fill that leaves only floating-point dust completes the order)
   * @param price - execution price per unit (> 0, finite)
   * @throws {@link AlphaSwarmError} `INVALID_ORDER_TRANSITION` when the order is not open;
   * {@link InvalidArgumentError} on a bad quantity or price. Nothing changes then.
   */
  fill(quantity: number, price: number): void {
    if (!this.isOpen) this.transitionError('fill', `a ${this.currentStatus} order`);
    const remaining = this.quantity - this.filled;
    if (
      typeof quantity !== 'number' ||
      !Number.isFinite(quantity) ||
      quantity === 0 ||
      Math.sign(quantity) !== Math.sign(remaining) ||
      (Math.abs(quantity) > Math.abs(remaining) && !isQuantityDust(remaining - quantity, this.quantity))
    ) {
      throw new InvalidArgumentError('quantity', quantity, `a non-zero quantity of the sign of and at most the remaining ${remaining} of order ${this.id}`);
    }
    if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0) {
      throw new InvalidArgumentError('price', price, 'a finite price > 0');
    }
    this.filledNotional += quantity * price;
    if (isQuantityDust(remaining - quantity, this.quantity)) {
      this.filled = this.quantity;
      this.currentStatus = 'filled';
    } else {
      this.filled += quantity;
      this.currentStatus = 'partially_filled';
    }
  }

  /**
   * Cancels the working remainder: `submitted | partially_filled → cancelled`.
   * Fills already booked stay booked.
   *
   * @throws {@link AlphaSwarmError} `INVALID_ORDER_TRANSITION` when the order is not open.
   */
  cancel(reason: string): void {
    if (!this.isOpen) this.transitionError('cancel', `a ${this.currentStatus} order`);
    this.cancelText = reason;
    this.currentStatus = 'cancelled';
  }

  /**
   * Rejects an order before anything of it filled: `submitted → rejected`. (A
   * partially filled order cannot be rejected; cancel its remainder instead.)
   *
   * @throws {@link AlphaSwarmError} `INVALID_ORDER_TRANSITION` from any other state.
   */
  reject(reason: string): void {
    if (this.currentStatus !== 'submitted') this.transitionError('reject', `a ${this.currentStatus} order`);
    this.rejectText = reason;
    this.currentStatus = 'rejected';
  }

  /** The order as a plain JSON object (symbol as text, absent values as `null`). */
  toJSON(): OrderJson {
    return {
      id: this.id,
      symbol: this.symbol.value,
      quantity: this.quantity,
      type: this.type,
      limitPrice: this.limitPrice ?? null,
      stopPrice: this.stopPrice ?? null,
      timeInForce: this.timeInForce,
      tag: this.tag ?? null,
      createdAt: this.createdAt,
      status: this.currentStatus,
      filledQuantity: this.filled,
      averageFillPrice: this.averageFillPrice,
      stopTriggered: this.triggered,
      rejectReason: this.rejectText ?? null,
      cancelReason: this.cancelText ?? null,
    };
  }

  private transitionError(action: string, what: string): never {
    throw new AlphaSwarmError('INVALID_ORDER_TRANSITION', `order ${this.id}: cannot ${action} ${what}`, {
      path: 'status',
      value: this.currentStatus,
    });
  }
}

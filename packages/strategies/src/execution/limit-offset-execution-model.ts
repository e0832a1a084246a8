import { InvalidArgumentError, type AlgorithmContext, type OrderRequest, type SymbolId, type TimeInForce } from '@alphaswarm/core';
import { currentBar } from './current-bar.js';
import { ExecutionModelBase, type ExecutionModelOptions, type WorkingTarget } from './execution-model-base.js';

/** Options of {@link LimitOffsetExecutionModel}. */
export interface LimitOffsetExecutionModelOptions extends ExecutionModelOptions {
  /** Offset from the last price in basis points, in [0, 10000) (default 10 = 0.1%). */
  readonly offsetBps?: number;
  /** Time in force of the limit orders (default `day`: re-priced each day until filled). */
  readonly timeInForce?: TimeInForce;
}

/**
 * Passive limit orders: on each bar of the symbol, if part of the target is not yet
 * covered by holdings and open orders, a limit order for it at
 * `last close × (1 − offsetBps/10⁴)` for a buy, `× (1 + offsetBps/10⁴)` for a sell
 * (prices unrounded). With `day` orders (the default) an unfilled order expires at
 * the end of the UTC day it could first fill, and the next bar re-prices the
 * remainder from the new close; `gtc` orders stay at their first price. The target
 * keeps working until the holdings reach it.
 */
export class LimitOffsetExecutionModel extends ExecutionModelBase<WorkingTarget> {
  /** Offset in basis points. */
  readonly offsetBps: number;
  /** Time in force of the orders. */
  readonly timeInForce: TimeInForce;

  /**
   * @param options - see {@link LimitOffsetExecutionModelOptions}
   * @throws `InvalidArgumentError` naming `offsetBps` / `timeInForce` when out of range
   */
  constructor(options: LimitOffsetExecutionModelOptions = {}) {
    super('LimitOffsetExecutionModel', options);
    const { offsetBps = 10, timeInForce = 'day' } = options;
    if (!(offsetBps >= 0 && offsetBps < 10_000)) throw new InvalidArgumentError('offsetBps', offsetBps, 'basis points in [0, 10000)');
    if (timeInForce !== 'day' && timeInForce !== 'gtc') throw new InvalidArgumentError('timeInForce', timeInForce, "'day' or 'gtc'");
    this.offsetBps = offsetBps;
    this.timeInForce = timeInForce;
  }

  /**
   * A plain working target.
   *
   * @internal
   */
  protected adopt(_ctx: AlgorithmContext, _symbol: SymbolId, quantity: number): WorkingTarget {
    return { quantity, done: false };
  }

  /**
   * A limit order for the uncovered quantity, offset from the current close.
   *
   * @internal
   */
  protected work(ctx: AlgorithmContext, symbol: SymbolId, _state: WorkingTarget, unordered: number): OrderRequest | undefined {
    if (unordered === 0) return undefined;
    const bar = currentBar(ctx, symbol);
    if (bar === undefined) return undefined;
    const offset = this.offsetBps / 10_000;
    const limitPrice = unordered > 0 ? bar.close * (1 - offset) : bar.close * (1 + offset);
    return { symbol, quantity: unordered, type: 'limit', limitPrice, timeInForce: this.timeInForce };
  }
}

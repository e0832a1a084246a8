import { InvalidArgumentError, type AlgorithmContext, type OrderRequest, type SymbolId } from '@alphaswarm/core';
import { ExecutionModelBase, type ExecutionModelOptions, type WorkingTarget } from './execution-model-base.js';

/** Options of {@link ImmediateExecutionModel}. */
export interface ImmediateExecutionModelOptions extends ExecutionModelOptions {
  /** Smallest |quantity| worth an order, in units (default 0: any non-zero quantity). */
  readonly minQuantity?: number;
  /** Smallest |quantity| × last price worth an order, in account currency (default 0). */
  readonly minOrderValue?: number;
}

/**
 * LEAN's immediate execution: a market order for the whole unordered quantity
 * (`target − holdings − open orders`) as soon as the symbol has a price. A quantity
 * below `minQuantity` or worth less than `minOrderValue` is skipped and its target
 * dropped. The target keeps working until the holdings reach it, so an order that
 * was rejected (buying power, a pre-trade control) is sent again on the next bar.
 */
export class ImmediateExecutionModel extends ExecutionModelBase<WorkingTarget> {
  /** Smallest |quantity| ordered. */
  readonly minQuantity: number;
  /** Smallest order value. */
  readonly minOrderValue: number;

  /**
   * @param options - see {@link ImmediateExecutionModelOptions}
   * @throws `InvalidArgumentError` naming `minQuantity` / `minOrderValue` when negative or not finite
   */
  constructor(options: ImmediateExecutionModelOptions = {}) {
    super('ImmediateExecutionModel', options);
    const { minQuantity = 0, minOrderValue = 0 } = options;
    if (!(minQuantity >= 0 && Number.isFinite(minQuantity))) throw new InvalidArgumentError('minQuantity', minQuantity, 'a finite quantity ≥ 0');
    if (!(minOrderValue >= 0 && Number.isFinite(minOrderValue))) throw new InvalidArgumentError('minOrderValue', minOrderValue, 'a finite amount ≥ 0');
    this.minQuantity = minQuantity;
    this.minOrderValue = minOrderValue;
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
   * A market order for the unordered quantity, unless it is below the minimums.
   *
   * @internal
   */
  protected work(ctx: AlgorithmContext, symbol: SymbolId, state: WorkingTarget, unordered: number): OrderRequest | undefined {
    if (unordered === 0) return undefined;
    const price = ctx.securities.price(symbol);
    if (price === undefined) return undefined;
    const size = Math.abs(unordered);
    if (size < this.minQuantity || size * price < this.minOrderValue) {
      state.done = true;
      return undefined;
    }
    return { symbol, quantity: unordered };
  }
}

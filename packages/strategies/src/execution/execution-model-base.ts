import { InvalidArgumentError } from '@alphaswarm/core';
import type { AlgorithmContext, ExecutionModel, OrderRequest, PortfolioTarget, SymbolId } from '@alphaswarm/core';
import { isDust, openOrderQuantity, targetShares } from './order-sizing.js';

/** What an execution model keeps per symbol while it works a target. */
export interface WorkingTarget {
  /** The target position in shares (signed). */
  quantity: number;
  /** Set by the model when it gives the target up; the entry is then dropped. */
  done: boolean;
}

/** Options every execution model of this package accepts. */
export interface ExecutionModelOptions {
  /** Model name (default: the class name). */
  readonly name?: string;
}

const NO_ORDERS: readonly OrderRequest[] = Object.freeze([]);

/**
 * The shared machinery of the execution models: it keeps one working target per
 * symbol between calls (the engine passes only each bar's new targets), replaces it
 * when a new target for the symbol arrives, and on every call hands each working
 * target to the model with its unordered quantity
 * `target − holdings − Σ remaining quantity of the symbol's open orders`.
 *
 * A working target is dropped once the holdings equal it (up to floating-point
 * dust), or when the model marks it `done`. Open orders are never cancelled here
 * (the context cannot cancel): an order still working counts as ordered.
 *
 * Hot path: with no new target and nothing working, `execute` returns a shared
 * frozen empty array; otherwise it allocates only the orders it returns.
 */
export abstract class ExecutionModelBase<S extends WorkingTarget> implements ExecutionModel {
  /** Name of the model. */
  readonly name: string;
  private readonly working = new Map<SymbolId, S>();
  /** The working symbols in the map's order, walked by index (no iterator per call). */
  private readonly order: SymbolId[] = [];

  /**
   * @param defaultName - the name when `options.name` is not given (the class name)
   * @param options - see {@link ExecutionModelOptions}
   */
  protected constructor(defaultName: string, options: ExecutionModelOptions = {}) {
    const { name = defaultName } = options;
    if (typeof name !== 'string' || name.length === 0) throw new InvalidArgumentError('name', name, 'a non-empty string');
    this.name = name;
  }

  /** Working target quantities by symbol (a copy). */
  workingTargets(): Map<SymbolId, number> {
    return new Map([...this.working].map(([symbol, state]) => [symbol, state.quantity]));
  }

  /** Adopts this bar's targets, then works every working target; returns the orders to submit. */
  execute(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly OrderRequest[] {
    if (targets.length === 0 && this.working.size === 0) return NO_ORDERS;
    const working = this.working;
    const order = this.order;
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i] as PortfolioTarget;
      const quantity = targetShares(ctx, target);
      const previous = working.get(target.symbol);
      if (previous === undefined) order.push(target.symbol);
      working.set(target.symbol, this.adopt(ctx, target.symbol, quantity, previous));
    }
    let out: OrderRequest[] | undefined;
    let kept = 0;
    for (let i = 0; i < order.length; i++) {
      const symbol = order[i] as SymbolId;
      const state = working.get(symbol) as S;
      const remaining = state.quantity - ctx.portfolio.quantity(symbol);
      if (isDust(remaining, state.quantity)) {
        working.delete(symbol);
        continue;
      }
      const unordered = remaining - openOrderQuantity(ctx, symbol);
      const request = this.work(ctx, symbol, state, isDust(unordered, state.quantity) ? 0 : unordered);
      if (request !== undefined) (out ??= []).push(request);
      if (state.done) working.delete(symbol);
      else order[kept++] = symbol;
    }
    order.length = kept;
    return out ?? NO_ORDERS;
  }

  /**
   * Builds the state for a new target of `symbol` (`previous` is the state of the
   * target it replaces, if one was working). Called before `work` on the same bar.
   */
  protected abstract adopt(ctx: AlgorithmContext, symbol: SymbolId, quantity: number, previous: S | undefined): S;

  /**
   * Works one target on this bar: returns an order request (or none). `unordered` is
   * 0 when the open orders already cover the target. Set `state.done` to drop it.
   */
  protected abstract work(ctx: AlgorithmContext, symbol: SymbolId, state: S, unordered: number): OrderRequest | undefined;
}

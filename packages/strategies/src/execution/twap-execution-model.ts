import { InvalidArgumentError, type AlgorithmContext, type OrderRequest, type SymbolId } from '@alphaswarm/core';
import { currentBar } from './current-bar.js';
import { ExecutionModelBase, type ExecutionModelOptions, type WorkingTarget } from './execution-model-base.js';
import { openOrderQuantity } from './order-sizing.js';

/** Options of {@link TWAPExecutionModel}. */
export interface TWAPExecutionModelOptions extends ExecutionModelOptions {
  /** Number of child orders (and bars) a target is split into (default 5, at least 1). */
  readonly slices?: number;
}

/** A working target and its slicing plan. */
interface SliceState extends WorkingTarget {
  /** The quantity to trade when the target arrived (target − holdings − open orders). */
  delta: number;
  /** Index of the next slice, 0-based. */
  next: number;
}

/**
 * Time-weighted execution: when a target arrives, the quantity to trade
 * `Δ = target − holdings − open orders` is split into `slices` child market orders,
 * one per bar of the symbol, starting on the arrival bar. With a whole-unit `Δ` the
 * children are whole: `trunc(Δ/N)` each, plus one unit on the first `|Δ| mod N`
 * children, so they sum exactly to `Δ`; a fractional `Δ` is split into equal parts.
 * Children of size 0 are skipped (the bar still counts).
 *
 * A child never trades past the target (it is cut to the unordered quantity), and
 * the last child trades whatever is still unordered, so a rejected child is made up
 * at the end. A new target for the symbol restarts the plan from the holdings then.
 */
export class TWAPExecutionModel extends ExecutionModelBase<SliceState> {
  /** Number of child orders per target. */
  readonly slices: number;

  /**
   * @param options - see {@link TWAPExecutionModelOptions}
   * @throws `InvalidArgumentError` naming `slices` when not a positive integer
   */
  constructor(options: TWAPExecutionModelOptions = {}) {
    super('TWAPExecutionModel', options);
    const { slices = 5 } = options;
    if (!(Number.isSafeInteger(slices) && slices >= 1)) throw new InvalidArgumentError('slices', slices, 'a positive integer');
    this.slices = slices;
  }

  /**
   * Plans the slices from the quantity still to trade now.
   *
   * @internal
   */
  protected adopt(ctx: AlgorithmContext, symbol: SymbolId, quantity: number): SliceState {
    const delta = quantity - ctx.portfolio.quantity(symbol) - openOrderQuantity(ctx, symbol);
    return { quantity, done: false, delta, next: 0 };
  }

  /**
   * Sends the next slice on each bar of the symbol.
   *
   * @internal
   */
  protected work(ctx: AlgorithmContext, symbol: SymbolId, state: SliceState, unordered: number): OrderRequest | undefined {
    if (currentBar(ctx, symbol) === undefined) return undefined;
    const k = state.next;
    state.next = k + 1;
    const last = k + 1 >= this.slices;
    if (last) state.done = true;
    if (unordered === 0) return undefined;
    let size = last ? unordered : sliceSize(state.delta, this.slices, k);
    if (Math.sign(size) !== Math.sign(unordered)) return undefined;
    if (Math.abs(size) > Math.abs(unordered)) size = unordered;
    return size === 0 ? undefined : { symbol, quantity: size };
  }
}

/** The `k`-th of `n` children of `delta` (see {@link TWAPExecutionModel}). */
export function sliceSize(delta: number, n: number, k: number): number {
  if (Number.isInteger(delta)) {
    const sign = Math.sign(delta);
    const magnitude = Math.abs(delta);
    const base = Math.floor(magnitude / n);
    const remainder = magnitude - base * n;
    return sign * (base + (k < remainder ? 1 : 0));
  }
  const part = delta / n;
  return k === n - 1 ? delta - part * (n - 1) : part;
}

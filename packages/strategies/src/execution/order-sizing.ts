import type { AlgorithmContext, PortfolioTarget, SymbolId } from '@alphaswarm/core';

/**
 * Σ `remainingQuantity` of the open orders of `symbol` (signed). Walks
 * `ctx.openOrders()` once without allocating.
 */
export function openOrderQuantity(ctx: AlgorithmContext, symbol: SymbolId): number {
  let total = 0;
  for (const order of ctx.openOrders()) if (order.symbol === symbol && order.isOpen) total += order.remainingQuantity;
  return total;
}

/** True when `x` is zero up to floating-point dust relative to `reference` (1e-10, core's quantity tolerance). */
export function isDust(x: number, reference: number): boolean {
  return Math.abs(x) <= 1e-10 * Math.max(1, Math.abs(reference));
}

/**
 * The signed shares a target stands for: its `quantity`, or a weight target sized by
 * `ctx.targetQuantity` (which needs a price). The engine hands execution models
 * quantity targets already; weight targets occur only when a model is driven by hand.
 */
export function targetShares(ctx: AlgorithmContext, target: PortfolioTarget): number {
  return target.quantity ?? ctx.targetQuantity(target);
}

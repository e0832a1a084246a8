/**
 * Helpers shared by the pre-trade controls: the rejection verdict, the price an
 * order is valued at and the quantity a symbol will hold once its open orders
 * fill. Internal: not exported from the package.
 *
 * @module
 */
import type { AlgorithmContext, OrderRequest, PreTradeVerdict, RiskDetails, SymbolId } from '@alphaswarm/core';

/**
 * A rejection by `rule`, with the reason and the numbers.
 *
 * @internal
 */
export function rejection(rule: string, reason: string, details: RiskDetails): PreTradeVerdict {
  return { accepted: false, rule, reason, details };
}

/**
 * The price an order is valued at: its limit price (`limit`, `stop_limit`), its stop
 * price (`stop`), or the last price (`market`). NaN when none is known.
 *
 * @internal
 */
export function orderPrice(request: OrderRequest, lastPrice: number): number {
  const type = request.type ?? 'market';
  if ((type === 'limit' || type === 'stop_limit') && request.limitPrice !== undefined) return request.limitPrice;
  if (type === 'stop' && request.stopPrice !== undefined) return request.stopPrice;
  return lastPrice > 0 && Number.isFinite(lastPrice) ? lastPrice : Number.NaN;
}

/**
 * Signed quantity of `symbol` once its open orders fill: the holding plus the
 * remaining quantity of every open order of the symbol.
 *
 * @internal
 */
export function projectedQuantity(ctx: AlgorithmContext, symbol: SymbolId): number {
  let quantity = ctx.portfolio.quantity(symbol);
  for (const order of ctx.openOrders(symbol)) quantity += order.remainingQuantity;
  return quantity;
}

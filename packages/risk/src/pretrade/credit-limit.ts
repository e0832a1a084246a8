import { ACCEPTED } from '@alphaswarm/core';
import type { AlgorithmContext, OrderRequest, PreTradeControl, PreTradeVerdict, SymbolId } from '@alphaswarm/core';
import { modelName, positive } from '../caps/option-checks.js';
import { orderPrice, rejection } from './verdicts.js';

/** Options of {@link CreditLimit}. */
export interface CreditLimitOptions {
  /** Largest gross exposure of the account after the order, in account currency (a finite number > 0). */
  readonly maxGrossExposure: number;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * An account-level credit threshold (SEC 15c3-5(c)(1)(i)): rejects an order after
 * which the gross exposure would be strictly above `maxGrossExposure`. An order
 * that does not increase the gross exposure always passes, so that an account above
 * its limit (after adverse price moves) can still unwind.
 *
 * Gross exposure after the order is `Σ_s |q_s| × p_s` over every symbol held or
 * with open orders, where `q_s` is the holding plus the remaining quantity of the
 * symbol's open orders (the worst case: they all fill), plus the request's
 * quantity for its symbol, and `p_s` is the last price (for the request's symbol
 * without a last price, the order's own limit or stop price). An order that cannot
 * be valued is rejected (fails closed). Rule `credit_limit`; details
 * `grossBefore`, `grossAfter`, `limit`.
 */
export class CreditLimit implements PreTradeControl {
  /** Name used in risk events. */
  readonly name: string;
  /** The cap on gross exposure, in account currency. */
  readonly maxGrossExposure: number;

  /** @throws InvalidArgumentError when `maxGrossExposure` is not a finite number > 0. */
  constructor(options: CreditLimitOptions) {
    this.maxGrossExposure = positive('maxGrossExposure', options.maxGrossExposure);
    this.name = modelName(options.name, 'CreditLimit');
  }

  /** Accepts when the gross exposure after the order stays within the cap, or does not grow. */
  check(ctx: AlgorithmContext, request: OrderRequest, price: number): PreTradeVerdict {
    const projected = new Map<SymbolId, number>();
    const prices = new Map<SymbolId, number>();
    for (const position of ctx.portfolio.positions()) {
      projected.set(position.symbol, position.quantity);
      prices.set(position.symbol, ctx.securities.price(position.symbol) ?? position.lastPrice);
    }
    for (const order of ctx.openOrders()) {
      projected.set(order.symbol, (projected.get(order.symbol) ?? 0) + order.remainingQuantity);
      if (!prices.has(order.symbol)) prices.set(order.symbol, ctx.securities.price(order.symbol) ?? order.limitPrice ?? order.stopPrice ?? Number.NaN);
    }
    const own = price > 0 && Number.isFinite(price) ? price : orderPrice(request, price);
    if (Number.isNaN(own)) {
      return rejection('credit_limit', `no price to value the order of ${request.symbol.value} at`, { grossBefore: null, grossAfter: null, limit: this.maxGrossExposure });
    }
    prices.set(request.symbol, own);
    let before = 0;
    for (const [symbol, quantity] of projected) before += Math.abs(quantity) * (prices.get(symbol) ?? 0);
    const held = projected.get(request.symbol) ?? 0;
    const after = before - Math.abs(held) * own + Math.abs(held + request.quantity) * own;
    if (after <= this.maxGrossExposure || after <= before) return ACCEPTED;
    return rejection('credit_limit', `gross exposure after the order ${after.toFixed(2)} above the credit limit ${this.maxGrossExposure}`, {
      grossBefore: before,
      grossAfter: after,
      limit: this.maxGrossExposure,
    });
  }
}

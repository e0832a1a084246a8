import type { OrderRequest } from '../orders/order.js';
import type { AlgorithmContext } from './context.js';
import type { RiskDetails } from './risk-decision.js';

/** The verdict of a {@link PreTradeControl}. */
export type PreTradeVerdict =
  | { readonly accepted: true }
  | {
      /** The order is rejected and never reaches a broker. */
      readonly accepted: false;
      /** Name of the rule that rejected it, e.g. `max_order_notional`. */
      readonly rule: string;
      /** Why, with the numbers. */
      readonly reason: string;
      /** The numbers behind the rejection. */
      readonly details?: RiskDetails;
    };

/**
 * A check applied to every order request after the execution model and before any
 * broker, simulated or real. A rejection becomes a `RiskEvent` and the order is
 * never submitted.
 */
export interface PreTradeControl {
  /** Name used in risk events. */
  readonly name: string;
  /** Checks one order request; `price` is the last known price of its symbol. */
  check(ctx: AlgorithmContext, request: OrderRequest, price: number): PreTradeVerdict;
}

/** The verdict that lets an order pass. */
export const ACCEPTED: PreTradeVerdict = Object.freeze({ accepted: true as const });

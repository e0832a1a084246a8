import type { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';

/**
 * One execution of (part of) an order: what the portfolio books.
 *
 * Sign convention: `quantity` is signed (+ bought, − sold). Cash changes by
 * `−quantity × price − fee`. All amounts are in account currency, unrounded.
 */
export interface Fill {
  /** Id of the order (`Order.id`) this fill belongs to. */
  readonly orderId: number;
  /** The instrument traded. */
  readonly symbol: SymbolId;
  /** Time of the execution in epoch ms (UTC): the time of the bar it filled against. */
  readonly time: EpochMs;
  /** Signed quantity executed: positive for a buy, negative for a sell; never 0. */
  readonly quantity: number;
  /** Execution price per unit, after slippage (> 0). */
  readonly price: number;
  /** Fees and commissions charged for this fill, in currency (≥ 0). */
  readonly fee: number;
  /**
   * Cost of slippage in currency: `(price − rawPrice) × quantity`, where `rawPrice`
   * is the fill model's price before slippage. ≥ 0 when the slippage is adverse
   * (a buy paid more, a sell received less). Already contained in `price`; it is
   * reported for cost analysis and is NOT charged a second time.
   */
  readonly slippage: number;
}

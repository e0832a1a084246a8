import type { KillSwitch } from '../kill-switch.js';
import type { BarView } from '../orders/bar.js';
import type { Order } from '../orders/order.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import type { SeededRandom } from '../random.js';
import type { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';
import type { InsightCollection } from './insight-collection.js';
import type { PortfolioTarget } from './portfolio-target.js';
import type { RiskDecision } from './risk-decision.js';

/** A bar field that {@link AlgorithmContext.history} can return. */
export type BarField = 'open' | 'high' | 'low' | 'close' | 'volume' | 'timestamp';

/** What the algorithm knows about its securities at the current time. */
export interface Securities {
  /** Every symbol the data feed carries (what a universe can choose from). */
  readonly available: readonly SymbolId[];
  /** Symbols selected by the universe model now. */
  readonly active: readonly SymbolId[];
  /** Last known close of `symbol` at or before now, or `undefined` before its first bar. */
  price(symbol: SymbolId): number | undefined;
  /** Last known bar of `symbol` at or before now. Reused object: copy what you keep. */
  lastBar(symbol: SymbolId): BarView | undefined;
}

/**
 * Everything a model may see or do while the algorithm processes the bar at `time`.
 * Nothing here reveals data after the current bar: `history` ends at the current
 * bar and returns a copy, prices are the current or earlier closes.
 */
export interface AlgorithmContext {
  /** Time of the current bar, epoch ms. */
  readonly time: EpochMs;
  /** The portfolio, marked to the current closes. Read it; never mutate it. */
  readonly portfolio: Portfolio;
  /** The securities known to the algorithm. */
  readonly securities: Securities;
  /** Active insights; a risk model may cancel those of a symbol. */
  readonly insights: InsightCollection;
  /** Seeded random source of the run (for models that sample). */
  readonly rng: SeededRandom;
  /** The run's kill switch. */
  readonly killSwitch: KillSwitch;
  /** Orders not yet filled, cancelled or rejected; for one symbol when given. */
  openOrders(symbol?: SymbolId): readonly Order[];
  /**
   * The last `n` values of `field` for `symbol`, oldest first, ending at the current
   * bar (or at the symbol's last bar before it). Fewer than `n` when the history is
   * shorter. Returns a copy: it cannot reach later data.
   */
  history(symbol: SymbolId, field: BarField, n: number): Float64Array;
  /**
   * Signed shares a target stands for now: its quantity, or for a weight target
   * `trunc(weight × portfolio value / current close)`.
   */
  targetQuantity(target: PortfolioTarget): number;
  /** The portfolio value used to size weight targets (equity less the free-cash buffer). */
  readonly sizingValue: number;
  /** Records a risk decision; it becomes a `RiskEvent` in the event log. */
  recordRiskDecision(decision: RiskDecision): void;
}

import type { SymbolId } from '../symbol-id.js';

/** Values attached to a {@link RiskDecision}: the numbers behind it. */
export type RiskDetails = Readonly<Record<string, number | string | boolean | null>>;

/**
 * A decision taken by a risk model or a pre-trade control, recorded as a
 * `RiskEvent` in the event log: which model, on what, what it did and why.
 */
export interface RiskDecision {
  /** Name of the deciding model or control. */
  readonly model: string;
  /** The symbol concerned, when the decision concerns one. */
  readonly symbol?: SymbolId;
  /** What was done: e.g. `scale`, `zero`, `cancel`, `reject`, `block`, `halt`. */
  readonly action: string;
  /** Why, in words: e.g. `TVaR 4.1% above limit 2.5%`. */
  readonly reason: string;
  /** The numbers behind the decision (estimate, limit, before/after quantities). */
  readonly details?: RiskDetails;
}

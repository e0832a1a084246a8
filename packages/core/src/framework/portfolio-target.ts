import { InvalidArgumentError } from '../errors.js';
import type { SymbolId } from '../symbol-id.js';

/**
 * A desired holding for one symbol: either a target `quantity` (signed shares) or a
 * target `weight` (signed fraction of portfolio value). The framework resolves a weight
 * with `trunc(weight × portfolio value / price)` at the time the target is created,
 * using the close of the current bar.
 */
export type PortfolioTarget = QuantityTarget | WeightTarget;

/** A target of a number of shares. */
export interface QuantityTarget {
  /** The symbol. */
  readonly symbol: SymbolId;
  /** Target position in shares, signed (negative is short). */
  readonly quantity: number;
  /** The weight it was resolved from, when it was. */
  readonly weight?: number;
  /** Free-form label (which model set it, why). */
  readonly tag?: string;
}

/** A target fraction of portfolio value. */
export interface WeightTarget {
  /** The symbol. */
  readonly symbol: SymbolId;
  /** Target weight, signed fraction of portfolio value (0.25 = 25% long). */
  readonly weight: number;
  /** Never set on a weight target. */
  readonly quantity?: undefined;
  /** Free-form label. */
  readonly tag?: string;
}

/**
 * Shares for a weight: `trunc(weight × portfolioValue / price)` (toward zero, so a
 * target never asks for more than the weight allows).
 *
 * @throws {@link InvalidArgumentError} on a non-finite weight, value or a non-positive price.
 */
export function quantityForWeight(weight: number, portfolioValue: number, price: number): number {
  if (!Number.isFinite(weight)) throw new InvalidArgumentError('target.weight', weight, 'a finite number');
  if (!Number.isFinite(portfolioValue)) throw new InvalidArgumentError('portfolioValue', portfolioValue, 'a finite number');
  if (!(price > 0)) throw new InvalidArgumentError('price', price, 'a positive number');
  const shares = Math.trunc((weight * portfolioValue) / price);
  return shares === 0 ? 0 : shares;
}

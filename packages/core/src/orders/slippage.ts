import { InvalidArgumentError } from '../errors.js';
import type { BarView } from './bar.js';

/**
 * Turns a fill model's raw price into the price actually paid or received. Models
 * move the price against the trader: up for a buy (quantity > 0), down for a sell,
 * and never below 0. The cost `(price − raw) × quantity` is reported as
 * {@link Fill.slippage}.
 */
export interface SlippageModel {
  /**
   * @param raw - raw price per unit from the fill model (> 0)
   * @param quantity - signed fill quantity (+ buy, − sell)
   * @param bar - the bar the fill is made against
   * @returns the adjusted price per unit (≥ 0)
   */
  price(raw: number, quantity: number, bar: BarView): number;
}

/** Moves `raw` adversely by the fraction `fraction` (≥ 0); a sell never goes below 0. */
function adverse(raw: number, quantity: number, fraction: number): number {
  if (quantity > 0) return raw * (1 + fraction);
  const price = raw * (1 - fraction);
  return price > 0 ? price : 0;
}

/** No slippage: the raw price is the fill price. */
export class NoSlippage implements SlippageModel {
  /** Returns `raw` unchanged. */
  price(raw: number, _quantity: number, _bar: BarView): number {
    return raw;
  }
}

/**
 * A fixed adverse move in basis points of the raw price: a buy pays
 * `raw × (1 + bps / 10 000)`, a sell receives `raw × (1 − bps / 10 000)` (floored at 0).
 */
export class FixedBpsSlippage implements SlippageModel {
  /** Slippage in basis points (1 bp = 0.01 %), ≥ 0. */
  readonly bps: number;

  /** @param bps - basis points, finite and ≥ 0 */
  constructor(bps: number) {
    if (typeof bps !== 'number' || !Number.isFinite(bps) || bps < 0) throw new InvalidArgumentError('bps', bps, 'a finite number of basis points ≥ 0');
    this.bps = bps;
  }

  /** See {@link SlippageModel.price}. */
  price(raw: number, quantity: number, _bar: BarView): number {
    return adverse(raw, quantity, this.bps / 10_000);
  }
}

/** Options of {@link VolatilitySlippage}. */
export interface VolatilitySlippageOptions {
  /** Multiplier of the bar's relative range, finite and ≥ 0 (e.g. 0.1: a tenth of the range). */
  factor: number;
}

/**
 * Slippage that grows with the bar's volatility. The adverse move, as a fraction of
 * the raw price, is `factor × (high − low) / open`: with factor 0.1 on a bar whose
 * range is 2 % of its open, a buy pays `raw × 1.002` and a sell receives
 * `raw × 0.998` (floored at 0). A bar with a non-positive or non-finite open, or an
 * inverted range, counts as range 0 (no slippage).
 */
export class VolatilitySlippage implements SlippageModel {
  /** Multiplier of the bar's relative range. */
  readonly factor: number;

  /** @param options - see {@link VolatilitySlippageOptions} */
  constructor({ factor }: VolatilitySlippageOptions) {
    if (typeof factor !== 'number' || !Number.isFinite(factor) || factor < 0) {
      throw new InvalidArgumentError('factor', factor, 'a finite multiplier ≥ 0');
    }
    this.factor = factor;
  }

  /** See {@link SlippageModel.price}. */
  price(raw: number, quantity: number, bar: BarView): number {
    const range = (bar.high - bar.low) / bar.open;
    const fraction = bar.open > 0 && range > 0 && Number.isFinite(range) ? this.factor * range : 0;
    return adverse(raw, quantity, fraction);
  }
}

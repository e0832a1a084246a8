import { InvalidArgumentError } from '../errors.js';

/**
 * Fees and commissions of one fill, in account currency (≥ 0).
 *
 * Called once per fill: an order that fills in several parts is charged per part, so
 * a per-order minimum or fixed fee applies to every partial fill (as brokers that
 * charge per execution do).
 */
export interface FeeModel {
  /**
   * @param quantity - signed fill quantity (+ buy, − sell)
   * @param price - fill price per unit, after slippage
   * @returns the fee in currency, ≥ 0 (0 for a zero quantity)
   */
  fee(quantity: number, price: number): number;
}

function nonNegative(field: string, value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new InvalidArgumentError(field, value, `${what}, finite and ≥ 0`);
  return value;
}

/** No fees. */
export class NoFees implements FeeModel {
  /** Always 0. */
  fee(_quantity: number, _price: number): number {
    return 0;
  }
}

/** Options of {@link PerShareFee}. */
export interface PerShareFeeOptions {
  /** Fee per unit traded, in currency (e.g. 0.005). */
  perShare: number;
  /** Minimum fee per fill, in currency (e.g. 1.00); default 0. */
  minimum?: number;
  /**
   * Cap as a PERCENT of the fill's notional `|quantity| × price` (1 means 1 %); the
   * cap also applies over the minimum. Omitted: no cap.
   */
  maximumPctOfNotional?: number;
}

/**
 * A per-unit commission with a minimum and an optional cap, in the style of
 * Interactive Brokers' fixed pricing:
 * `fee = min(max(minimum, |quantity| × perShare), maximumPctOfNotional / 100 × |quantity| × price)`.
 * Example: 100 shares at 0.005 with minimum 1 → max(1, 0.5) = 1.00.
 */
export class PerShareFee implements FeeModel {
  /** Fee per unit, in currency. */
  readonly perShare: number;
  /** Minimum per fill, in currency. */
  readonly minimum: number;
  /** Cap in percent of notional, or `undefined` for none. */
  readonly maximumPctOfNotional: number | undefined;

  /** @param options - see {@link PerShareFeeOptions} */
  constructor({ perShare, minimum = 0, maximumPctOfNotional }: PerShareFeeOptions) {
    this.perShare = nonNegative('perShare', perShare, 'a fee per unit');
    this.minimum = nonNegative('minimum', minimum, 'a minimum fee');
    this.maximumPctOfNotional =
      maximumPctOfNotional === undefined ? undefined : nonNegative('maximumPctOfNotional', maximumPctOfNotional, 'a percent of notional');
  }

  /** See {@link FeeModel.fee}. */
  fee(quantity: number, price: number): number {
    const units = Math.abs(quantity);
    if (units === 0) return 0;
    const fee = Math.max(this.minimum, units * this.perShare);
    if (this.maximumPctOfNotional === undefined) return fee;
    return Math.min(fee, (this.maximumPctOfNotional / 100) * units * Math.abs(price));
  }
}

/** A fee in basis points of notional: `|quantity| × price × bps / 10 000`. */
export class BpsFee implements FeeModel {
  /** Basis points of notional (1 bp = 0.01 %). */
  readonly bps: number;

  /** @param bps - basis points, finite and ≥ 0 */
  constructor(bps: number) {
    this.bps = nonNegative('bps', bps, 'basis points');
  }

  /** See {@link FeeModel.fee}. */
  fee(quantity: number, price: number): number {
    return (Math.abs(quantity) * Math.abs(price) * this.bps) / 10_000;
  }
}

/** A flat fee per fill (every partial fill of an order is charged). */
export class FixedFee implements FeeModel {
  /** The flat fee, in currency. */
  readonly perOrder: number;

  /** @param perOrder - currency per fill, finite and ≥ 0 */
  constructor(perOrder: number) {
    this.perOrder = nonNegative('perOrder', perOrder, 'a flat fee');
  }

  /** See {@link FeeModel.fee}. */
  fee(quantity: number, _price: number): number {
    return quantity === 0 ? 0 : this.perOrder;
  }
}

/** The sum of several fee models (e.g. a commission plus an exchange fee in bps). */
export class CompositeFee implements FeeModel {
  /** The models summed, in order. */
  readonly models: readonly FeeModel[];

  /** @param models - the models to sum; an empty list charges nothing */
  constructor(models: readonly FeeModel[]) {
    if (!Array.isArray(models)) throw new InvalidArgumentError('models', models, 'an array of fee models');
    models.forEach((model: unknown, i) => {
      if (typeof model !== 'object' || model === null || typeof (model as { fee?: unknown }).fee !== 'function') {
        throw new InvalidArgumentError(`models[${i}]`, model, 'a fee model');
      }
    });
    this.models = [...models];
  }

  /** See {@link FeeModel.fee}. */
  fee(quantity: number, price: number): number {
    let total = 0;
    for (const model of this.models) total += model.fee(quantity, price);
    return total;
  }
}

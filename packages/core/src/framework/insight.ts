import { InvalidArgumentError } from '../errors.js';
import type { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';

/** Predicted direction of a symbol's price: up, down, or flat (no position wanted). */
export type InsightDirection = 'up' | 'down' | 'flat';

/** What an alpha model returns: an insight before the framework stamps it. */
export interface InsightInit {
  /** The symbol predicted. */
  readonly symbol: SymbolId;
  /** The predicted direction; `flat` asks for no position. */
  readonly direction: InsightDirection;
  /**
   * How long the prediction holds, in ms. Omit (or `Infinity`) for "until replaced":
   * the insight stays active until the same source emits another for the symbol.
   */
  readonly period?: number;
  /** Predicted return over the period, as a signed fraction. */
  readonly magnitude?: number;
  /** Confidence in [0, 1]. */
  readonly confidence?: number;
  /** Portfolio weight the alpha suggests, used by weighting portfolio models. */
  readonly weight?: number;
  /** Free-form label. */
  readonly tag?: string;
}

/**
 * A prediction emitted by an alpha model and stamped by the framework with an id,
 * the source model, the generation time and the close time. Active from its
 * generation time until its close time, unless cancelled (by a risk model, or by a
 * newer insight of the same source for the same symbol).
 */
export class Insight {
  /** Sequential id, unique within a run. */
  readonly id: number;
  /** The symbol predicted. */
  readonly symbol: SymbolId;
  /** The predicted direction. */
  readonly direction: InsightDirection;
  /** Duration in ms; `Infinity` when open-ended. */
  readonly period: number;
  /** Predicted return over the period, when the alpha gives one. */
  readonly magnitude: number | undefined;
  /** Confidence in [0, 1], when the alpha gives one. */
  readonly confidence: number | undefined;
  /** Suggested portfolio weight, when the alpha gives one. */
  readonly weight: number | undefined;
  /** Name of the alpha model that produced it. */
  readonly sourceModel: string;
  /** Time of the bar at which it was generated. */
  readonly generatedTime: EpochMs;
  /** `generatedTime + period`; `Infinity` when open-ended. */
  readonly closeTime: EpochMs;
  /** Free-form label. */
  readonly tag: string | undefined;
  private cancelledFlag = false;
  private cancelReasonText: string | undefined;

  /**
   * Stamps an {@link InsightInit}.
   *
   * @throws {@link InvalidArgumentError} on a non-positive period, a confidence
   * outside [0, 1] or a non-finite magnitude or weight.
   */
  constructor(id: number, init: InsightInit, sourceModel: string, generatedTime: EpochMs) {
    const period = init.period ?? Infinity;
    if (!(period > 0)) throw new InvalidArgumentError('insight.period', init.period, 'a positive duration in ms');
    if (init.confidence !== undefined && !(init.confidence >= 0 && init.confidence <= 1)) {
      throw new InvalidArgumentError('insight.confidence', init.confidence, 'a number in [0, 1]');
    }
    if (init.magnitude !== undefined && !Number.isFinite(init.magnitude)) {
      throw new InvalidArgumentError('insight.magnitude', init.magnitude, 'a finite number');
    }
    if (init.weight !== undefined && !Number.isFinite(init.weight)) {
      throw new InvalidArgumentError('insight.weight', init.weight, 'a finite number');
    }
    this.id = id;
    this.symbol = init.symbol;
    this.direction = init.direction;
    this.period = period;
    this.magnitude = init.magnitude;
    this.confidence = init.confidence;
    this.weight = init.weight;
    this.sourceModel = sourceModel;
    this.generatedTime = generatedTime;
    this.closeTime = generatedTime + period;
    this.tag = init.tag;
  }

  /** True once cancelled. */
  get cancelled(): boolean {
    return this.cancelledFlag;
  }

  /** Why it was cancelled, if it was. */
  get cancelReason(): string | undefined {
    return this.cancelReasonText;
  }

  /** Cancels the insight; the first reason is kept. */
  cancel(reason: string): void {
    if (this.cancelledFlag) return;
    this.cancelledFlag = true;
    this.cancelReasonText = reason;
  }

  /** Active at `time`: not cancelled and `time < closeTime`. */
  isActive(time: EpochMs): boolean {
    return !this.cancelledFlag && time < this.closeTime;
  }

  /** Direction as a sign: up → 1, down → −1, flat → 0. */
  get sign(): 1 | -1 | 0 {
    return this.direction === 'up' ? 1 : this.direction === 'down' ? -1 : 0;
  }

  /** A plain record for logs and JSON. `closeTime` is `null` when open-ended. */
  toJSON(): InsightRecord {
    return {
      id: this.id,
      symbol: this.symbol.value,
      direction: this.direction,
      period: Number.isFinite(this.period) ? this.period : null,
      magnitude: this.magnitude ?? null,
      confidence: this.confidence ?? null,
      weight: this.weight ?? null,
      sourceModel: this.sourceModel,
      generatedTime: this.generatedTime,
      closeTime: Number.isFinite(this.closeTime) ? this.closeTime : null,
      tag: this.tag ?? null,
      cancelled: this.cancelledFlag,
    };
  }
}

/** The JSON form of an {@link Insight}. */
export interface InsightRecord {
  /** Sequential id. */
  readonly id: number;
  /** Canonical symbol text. */
  readonly symbol: string;
  /** Predicted direction. */
  readonly direction: InsightDirection;
  /** Duration in ms, or null when open-ended. */
  readonly period: number | null;
  /** Predicted return, or null. */
  readonly magnitude: number | null;
  /** Confidence, or null. */
  readonly confidence: number | null;
  /** Suggested weight, or null. */
  readonly weight: number | null;
  /** Producing alpha model. */
  readonly sourceModel: string;
  /** Generation time, epoch ms. */
  readonly generatedTime: EpochMs;
  /** Close time, epoch ms, or null when open-ended. */
  readonly closeTime: EpochMs | null;
  /** Label, or null. */
  readonly tag: string | null;
  /** Cancelled when the record was written. */
  readonly cancelled: boolean;
}

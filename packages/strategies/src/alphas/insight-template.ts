import { AlphaSwarmError, InvalidArgumentError, type EpochMs, type InsightDirection, type InsightInit, type SymbolId } from '@alphaswarm/core';
import type { ActiveSignal } from './active-signal.js';
import type { BarSpacing } from './bar-spacing.js';

/**
 * Insight settings every alpha model of this package accepts. What each alpha sets
 * besides these (magnitude, derived confidence) is documented on the alpha.
 */
export interface AlphaInsightOptions {
  /** Model name, the insights' `sourceModel` (default: the class name). Give distinct names to compose two instances. */
  readonly name?: string;
  /**
   * How long each insight lasts, in **bars** (a positive integer); omit for open-ended
   * insights that last until the alpha replaces them. Converted to the insight's period
   * in ms as `period × bar interval`, so an insight emitted at bar `i` expires at bar
   * `i + period` on evenly spaced data (across gaps such as weekends, which count in
   * calendar time, it expires after fewer bars).
   */
  readonly period?: number;
  /**
   * Bar interval in ms used to convert `period` (default: inferred per symbol as the
   * smallest spacing between its consecutive bars seen so far, warm-up bars included).
   */
  readonly barInterval?: number;
  /** Portfolio weight put on every insight (any finite number; portfolio models decide how to use it). */
  readonly weight?: number;
  /** Confidence in [0, 1] put on every insight. */
  readonly confidence?: number;
}

/** The shared frozen empty result of `update` on bars without a signal (no allocation). */
export const NO_INSIGHTS: readonly InsightInit[] = Object.freeze([]);

/**
 * The validated insight settings of one alpha model, and the factory of its insights.
 * Internal to the alphas folder.
 */
export class InsightTemplate {
  /** Insight duration in bars, or `undefined` for open-ended insights. */
  readonly periodBars: number | undefined;
  /** Fixed bar interval in ms, or `undefined` to infer it per symbol. */
  readonly barInterval: number | undefined;
  /** Weight put on every insight. */
  readonly weight: number | undefined;
  /** Confidence put on every insight. */
  readonly confidence: number | undefined;

  /**
   * @param options - the options; `period` is read from `periodKey` (an alpha whose
   *   `period` means something else passes its own key, e.g. `insightPeriod`)
   * @throws {@link @alphaswarm/core!InvalidArgumentError} naming the offending option.
   */
  constructor(options: AlphaInsightOptions & { readonly insightPeriod?: number }, periodKey: 'period' | 'insightPeriod' = 'period') {
    const period = options[periodKey];
    if (period !== undefined && !(Number.isSafeInteger(period) && period >= 1)) throw new InvalidArgumentError(periodKey, period, 'a positive integer number of bars');
    const { barInterval, weight, confidence } = options;
    if (barInterval !== undefined && !(typeof barInterval === 'number' && Number.isFinite(barInterval) && barInterval > 0)) {
      throw new InvalidArgumentError('barInterval', barInterval, 'a positive number of ms');
    }
    if (weight !== undefined && !(typeof weight === 'number' && Number.isFinite(weight))) throw new InvalidArgumentError('weight', weight, 'a finite number');
    if (confidence !== undefined && !(typeof confidence === 'number' && confidence >= 0 && confidence <= 1)) {
      throw new InvalidArgumentError('confidence', confidence, 'a number in [0, 1]');
    }
    this.periodBars = period;
    this.barInterval = barInterval;
    this.weight = weight;
    this.confidence = confidence;
  }

  /** True when an insight for a symbol with this spacing can be given its period now. */
  canTime(spacing: BarSpacing): boolean {
    return this.periodBars === undefined || this.barInterval !== undefined || spacing.known;
  }

  /**
   * The insight period in ms for a symbol, or `undefined` when open-ended.
   *
   * @throws {@link @alphaswarm/core!AlphaSwarmError} `BAR_INTERVAL_UNKNOWN` when a period is set, no
   * `barInterval` was given and the symbol has shown fewer than two bars.
   */
  periodMs(symbol: SymbolId, spacing: BarSpacing): number | undefined {
    const bars = this.periodBars;
    if (bars === undefined) return undefined;
    const interval = this.barInterval ?? spacing.min;
    if (interval === Infinity) {
      throw new AlphaSwarmError('BAR_INTERVAL_UNKNOWN', `${symbol.value}: cannot turn a period of ${bars} bars into ms before two bars were seen; set barInterval`, {
        path: 'barInterval',
        value: undefined,
      });
    }
    return bars * interval;
  }

  /**
   * For level-based alphas: the insight that moves `signal` to `wanted` (1 up, 0 flat,
   * −1 down) at `time`, recorded in `signal`; `undefined` when the active insight
   * already asks for that.
   */
  change(symbol: SymbolId, signal: ActiveSignal, wanted: number, time: EpochMs, spacing: BarSpacing, magnitude?: number): InsightInit | undefined {
    const direction = signal.changeTo(wanted, time);
    if (direction === undefined) return undefined;
    const insight = this.create(symbol, direction, spacing, magnitude);
    signal.set(direction, time, insight.period);
    return insight;
  }

  /** An insight for `symbol` with this template's period, weight and confidence, and the given magnitude. */
  create(symbol: SymbolId, direction: InsightDirection, spacing: BarSpacing, magnitude?: number): InsightInit {
    return {
      symbol,
      direction,
      period: this.periodMs(symbol, spacing),
      magnitude,
      confidence: this.confidence,
      weight: this.weight,
    };
  }
}

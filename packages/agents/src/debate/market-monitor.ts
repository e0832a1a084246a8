/**
 * The Market Monitor of the research debate: detects regime shifts in volatility
 * and trend with two classical tests on each symbol's recent log returns.
 *
 * @module
 */
import { InvalidArgumentError, toIso } from '@alphaswarm/core';
import type { BarFrame, EpochMs } from '@alphaswarm/core';
import { studentTTwoSidedPValue, varianceRatioTwoSidedPValue } from './distributions.js';

/** Options of {@link MarketMonitor}. */
export interface MarketMonitorOptions {
  /** Returns in the recent window m (default 21, about a month of daily bars); at least 5. */
  readonly recentWindow?: number;
  /** Returns in the baseline window n, just before the recent one (default 126); at least 10. */
  readonly baselineWindow?: number;
  /** Family-wise significance level of the volatility test per check (default 0.01). */
  readonly volatilityAlpha?: number;
  /** Family-wise significance level of the trend test per check (default 0.01). */
  readonly trendAlpha?: number;
  /** Symbols to watch (default: every symbol of the frame). */
  readonly symbols?: readonly string[];
}

/** What the monitor concludes for one symbol. */
export type SymbolRegime = 'insufficient_data' | 'stable' | 'volatility_up' | 'volatility_down' | 'trend_up' | 'trend_down' | 'volatility_and_trend';

/** The tests of one symbol at one time. Null figures mean too little history. */
export interface SymbolAssessment {
  /** Canonical symbol text. */
  readonly symbol: string;
  /** Sample variance (n − 1) of the recent log returns, per period. */
  readonly recentVariance: number | null;
  /** Sample variance (n − 1) of the baseline log returns, per period. */
  readonly baselineVariance: number | null;
  /** F = recentVariance / baselineVariance, with (m − 1, n − 1) degrees of freedom. */
  readonly varianceRatio: number | null;
  /** Two-sided p-value of F under equal variances. */
  readonly varianceRatioPValue: number | null;
  /** Mean recent log return per period (the drift, i.e. the slope of log price per bar). */
  readonly drift: number | null;
  /** t = drift / (s / √m) with m − 1 degrees of freedom. */
  readonly trendT: number | null;
  /** Two-sided p-value of t under zero drift. */
  readonly trendPValue: number | null;
  /** True when the variance ratio is significant at the per-symbol level. */
  readonly volatilityShift: boolean;
  /** True when the drift is significant at the per-symbol level. */
  readonly trendShift: boolean;
  /** Summary label. */
  readonly regime: SymbolRegime;
}

/** The monitor's view of the market at one time. */
export interface MarketAssessment {
  /** The time assessed (the last bar used), epoch ms. */
  readonly time: EpochMs;
  /** ISO-8601 text of `time`. */
  readonly timeIso: string;
  /** One entry per watched symbol, in frame order. */
  readonly symbols: readonly SymbolAssessment[];
  /** True when some symbol's volatility or trend test rejected. */
  readonly shift: boolean;
  /** True when every watched symbol had enough history for both tests. */
  readonly ready: boolean;
  /** Per-symbol level used for the volatility test (volatilityAlpha / symbols tested). */
  readonly volatilityLevel: number;
  /** Per-symbol level used for the trend test (trendAlpha / symbols tested). */
  readonly trendLevel: number;
  /** One line per rejection, e.g. `SYM1: volatility up, F = 3.1 (p = 2e-5)`. */
  readonly reasons: readonly string[];
}

function checkWindow(value: number, path: string, min: number): number {
  if (!(Number.isSafeInteger(value) && value >= min)) throw new InvalidArgumentError(path, value, `an integer ≥ ${min}`);
  return value;
}

function checkLevel(value: number, path: string): number {
  if (!(typeof value === 'number' && value > 0 && value < 1)) throw new InvalidArgumentError(path, value, 'a significance level in (0, 1)');
  return value;
}

/** Index of the last timestamp ≤ time in an ascending array, or −1. */
function lastIndexAtOrBefore(times: Float64Array, time: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? Number.NaN) <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Detects regime shifts per symbol by comparing its last m log returns (the recent
 * window) with the n log returns just before them (the baseline window; the two
 * windows do not overlap, so they are independent samples under the null):
 *
 * - Volatility: the variance-ratio F test. F = s²_recent / s²_baseline (sample
 *   variances, n − 1 divisors) is F(m − 1, n − 1)-distributed when returns are
 *   i.i.d. normal with one variance; the p-value is two-sided
 *   (2 × min of the tails). A significant F > 1 is `volatility_up`, F < 1 `volatility_down`.
 * - Trend: the t test of the mean recent log return (the drift): t = mean / (s / √m),
 *   t(m − 1) under zero drift, two-sided. It is the least-squares slope of log price
 *   on time under random-walk errors (the regression on first differences). The
 *   ordinary regression of log price LEVELS on time is deliberately not used: for a
 *   random walk its t statistic grows like √m without any drift (a spurious
 *   regression, Phillips 1986) and would flag trends that are not there.
 *
 * Thresholds: each test is run at `alpha / k` per symbol for k watched symbols
 * (Bonferroni), so that a check of the whole market raises a false alarm with
 * probability at most `volatilityAlpha` (resp. `trendAlpha`) under the null.
 * Defaults: m = 21, n = 126, both levels 0.01. Fat tails make the F test somewhat
 * liberal (it assumes normal returns); the levels are kept small for that reason.
 *
 * Only bars at or before the assessed time are read: no look-ahead.
 */
export class MarketMonitor {
  /** Recent window m, in returns. */
  readonly recentWindow: number;
  /** Baseline window n, in returns. */
  readonly baselineWindow: number;
  /** Family-wise level of the volatility test. */
  readonly volatilityAlpha: number;
  /** Family-wise level of the trend test. */
  readonly trendAlpha: number;
  /** Watched symbols, or undefined for all symbols of the frame. */
  readonly symbols: readonly string[] | undefined;

  /** @throws InvalidArgumentError naming the offending option. */
  constructor(options: MarketMonitorOptions = {}) {
    this.recentWindow = checkWindow(options.recentWindow ?? 21, 'recentWindow', 5);
    this.baselineWindow = checkWindow(options.baselineWindow ?? 126, 'baselineWindow', 10);
    this.volatilityAlpha = checkLevel(options.volatilityAlpha ?? 0.01, 'volatilityAlpha');
    this.trendAlpha = checkLevel(options.trendAlpha ?? 0.01, 'trendAlpha');
    if (options.symbols !== undefined && (!Array.isArray(options.symbols) || options.symbols.length === 0)) {
      throw new InvalidArgumentError('symbols', options.symbols, 'a non-empty list of symbols');
    }
    this.symbols = options.symbols === undefined ? undefined : [...options.symbols];
  }

  /** Closes needed per symbol for both tests: m + n + 1. */
  get requiredBars(): number {
    return this.recentWindow + this.baselineWindow + 1;
  }

  /**
   * Assesses the market at `time` (default: the frame's last timestamp) from the bars
   * at or before it.
   *
   * @throws InvalidArgumentError when a watched symbol is not in the frame.
   */
  assess(frame: BarFrame, time?: EpochMs): MarketAssessment {
    const all = frame.timestamps();
    const at = time ?? all[all.length - 1] ?? Number.NaN;
    const symbols = this.symbols ?? frame.symbols.map((s) => s.value);
    const k = symbols.length;
    const volatilityLevel = this.volatilityAlpha / k;
    const trendLevel = this.trendAlpha / k;
    const assessments: SymbolAssessment[] = [];
    const reasons: string[] = [];
    let ready = true;
    for (const symbol of symbols) {
      const series = frame.series(symbol);
      const last = lastIndexAtOrBefore(series.timestamp, at);
      const a = this.assessCloses(series.symbol.value, series.close, last, volatilityLevel, trendLevel);
      if (a.regime === 'insufficient_data') ready = false;
      if (a.volatilityShift) {
        reasons.push(
          `${a.symbol}: volatility ${(a.varianceRatio ?? 0) > 1 ? 'up' : 'down'}, F = ${fmt(a.varianceRatio)} (p = ${fmt(a.varianceRatioPValue)} < ${fmt(volatilityLevel)})`,
        );
      }
      if (a.trendShift) reasons.push(`${a.symbol}: trend ${(a.drift ?? 0) > 0 ? 'up' : 'down'}, t = ${fmt(a.trendT)} (p = ${fmt(a.trendPValue)} < ${fmt(trendLevel)})`);
      assessments.push(a);
    }
    return {
      time: at,
      timeIso: Number.isFinite(at) ? toIso(at) : '',
      symbols: assessments,
      shift: reasons.length > 0,
      ready,
      volatilityLevel,
      trendLevel,
      reasons,
    };
  }

  /** The tests on closes[last − m − n … last]. */
  private assessCloses(symbol: string, close: Float64Array, last: number, volatilityLevel: number, trendLevel: number): SymbolAssessment {
    const m = this.recentWindow;
    const n = this.baselineWindow;
    const first = last - m - n;
    if (first < 0) {
      return {
        symbol,
        recentVariance: null,
        baselineVariance: null,
        varianceRatio: null,
        varianceRatioPValue: null,
        drift: null,
        trendT: null,
        trendPValue: null,
        volatilityShift: false,
        trendShift: false,
        regime: 'insufficient_data',
      };
    }
    // Returns r_j = ln(c_{first+j+1} / c_{first+j}), j = 0 … m+n−1: baseline first, then recent.
    let baseSum = 0;
    for (let j = 0; j < n; j += 1) baseSum += logReturn(close, first + j);
    const baseMean = baseSum / n;
    let baseSquares = 0;
    for (let j = 0; j < n; j += 1) baseSquares += (logReturn(close, first + j) - baseMean) ** 2;
    let recentSum = 0;
    for (let j = n; j < n + m; j += 1) recentSum += logReturn(close, first + j);
    const recentMean = recentSum / m;
    let recentSquares = 0;
    for (let j = n; j < n + m; j += 1) recentSquares += (logReturn(close, first + j) - recentMean) ** 2;
    const recentVariance = recentSquares / (m - 1);
    const baselineVariance = baseSquares / (n - 1);
    let varianceRatio: number | null = null;
    let varianceRatioPValue: number | null = null;
    if (baselineVariance > 0) {
      varianceRatio = recentVariance / baselineVariance;
      varianceRatioPValue = varianceRatioTwoSidedPValue(varianceRatio, m - 1, n - 1);
    } else if (recentVariance > 0) {
      varianceRatio = null;
      varianceRatioPValue = 0;
    }
    let trendT: number | null = null;
    let trendPValue: number | null = null;
    if (recentVariance > 0) {
      trendT = recentMean / Math.sqrt(recentVariance / m);
      trendPValue = studentTTwoSidedPValue(trendT, m - 1);
    }
    const volatilityShift = varianceRatioPValue !== null && varianceRatioPValue < volatilityLevel;
    const trendShift = trendPValue !== null && trendPValue < trendLevel;
    const up = varianceRatio === null ? recentVariance > baselineVariance : varianceRatio > 1;
    const regime: SymbolRegime =
      volatilityShift && trendShift ? 'volatility_and_trend' : volatilityShift ? (up ? 'volatility_up' : 'volatility_down') : trendShift ? (recentMean > 0 ? 'trend_up' : 'trend_down') : 'stable';
    return { symbol, recentVariance, baselineVariance, varianceRatio, varianceRatioPValue, drift: recentMean, trendT, trendPValue, volatilityShift, trendShift, regime };
  }
}

function logReturn(close: Float64Array, i: number): number {
  return Math.log((close[i + 1] ?? Number.NaN) / (close[i] ?? Number.NaN));
}

function fmt(value: number | null): string {
  return value === null ? 'n/a' : Number(value.toPrecision(3)).toString();
}

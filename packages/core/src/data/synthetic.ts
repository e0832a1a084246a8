import { z } from 'zod';
import { InvalidArgumentError } from '../errors.js';
import { SeededRandom } from '../random.js';
import { SymbolId } from '../symbol-id.js';
import { MS_PER_DAY, parseIso } from '../time.js';
import type { EpochMs } from '../time.js';
import type { BarSeriesInput } from './bar-columns.js';
import { BarFrame } from './bar-frame.js';
import { parseOptions, symbolInputSchema } from './parse-options.js';

/** The market regimes of the synthetic market, in index order (0, 1, 2). */
export const MARKET_REGIMES = ['calm', 'volatile', 'trending'] as const;

/** A regime of the synthetic market: `calm`, `volatile` or `trending`. */
export type MarketRegime = (typeof MARKET_REGIMES)[number];

/** How one regime bends the base drift and volatility. */
export interface RegimeParameters {
  /** Added to the annualised drift while the regime lasts (before centring, see {@link SyntheticRegimeModel}). */
  readonly driftShift: number;
  /** Multiplies the annualised volatility while the regime lasts (before normalising, see {@link SyntheticRegimeModel}). */
  readonly volatilityScale: number;
}

/**
 * A Markov chain of market regimes, stepped once per bar and shared by all symbols.
 *
 * Normalisation: with π the chain's stationary distribution, the volatility of
 * regime r is `volatility × scale_r / √(Σ π_k scale_k²)` and its drift is
 * `drift + shift_r − Σ π_k shift_k`, so that `drift` and `volatility` stay the
 * long-run annualised drift and volatility whatever the regime model.
 */
export interface SyntheticRegimeModel {
  /** Drift shift and volatility scale of each regime. */
  readonly parameters: Readonly<Record<MarketRegime, RegimeParameters>>;
  /** `transitions[from][to]`: probability of moving from one regime to another at each bar; every row sums to 1. */
  readonly transitions: Readonly<Record<MarketRegime, Readonly<Record<MarketRegime, number>>>>;
  /** Regime of the first bar. */
  readonly initial: MarketRegime;
}

/**
 * The default regime model. Per-bar transition probabilities (rows: from; mean stay
 * in brackets):
 *
 * | from \ to | calm | volatile | trending |
 * |---|---|---|---|
 * | calm (50 bars) | 0.98 | 0.01 | 0.01 |
 * | volatile (12.5 bars) | 0.06 | 0.92 | 0.02 |
 * | trending (20 bars) | 0.04 | 0.01 | 0.95 |
 *
 * Stationary shares ≈ calm 70.4 %, volatile 11.1 %, trending 18.5 %. Parameters
 * (before normalisation): calm shift 0, scale 0.8; volatile shift −0.30, scale 1.8;
 * trending shift +0.30, scale 0.9. After normalisation, with the default drift 0.05
 * and volatility 0.20 (annualised): calm μ ≈ 0.028, σ ≈ 0.163; volatile μ ≈ −0.272,
 * σ ≈ 0.367; trending μ ≈ 0.328, σ ≈ 0.184.
 */
export const DEFAULT_REGIME_MODEL: SyntheticRegimeModel = Object.freeze({
  parameters: Object.freeze({
    calm: Object.freeze({ driftShift: 0, volatilityScale: 0.8 }),
    volatile: Object.freeze({ driftShift: -0.3, volatilityScale: 1.8 }),
    trending: Object.freeze({ driftShift: 0.3, volatilityScale: 0.9 }),
  }),
  transitions: Object.freeze({
    calm: Object.freeze({ calm: 0.98, volatile: 0.01, trending: 0.01 }),
    volatile: Object.freeze({ calm: 0.06, volatile: 0.92, trending: 0.02 }),
    trending: Object.freeze({ calm: 0.04, volatile: 0.01, trending: 0.95 }),
  }),
  initial: 'calm',
});

/**
 * Which times carry bars: `weekdays` skips every timestamp that falls on a Saturday
 * or Sunday (UTC); `continuous` keeps every step of the interval.
 */
export type TradingCalendar = 'weekdays' | 'continuous';

/** Options of {@link syntheticBars}. */
export interface SyntheticBarsOptions {
  /** The symbols, or how many (`n` gives `SYM0` … `SYM{n−1}`). */
  readonly symbols: number | readonly (SymbolId | string)[];
  /** Bars per symbol (a positive integer). */
  readonly bars: number;
  /** 32-bit integer seed: same seed and options ⇒ the same frame, byte for byte. */
  readonly seed: number;
  /** Time of the first candidate bar: epoch ms or an ISO-8601 date; default 2020-01-01T00:00:00Z. */
  readonly start?: EpochMs | string;
  /** Step between bars in ms; default {@link MS_PER_DAY}. */
  readonly intervalMs?: number;
  /** Calendar; default `weekdays` when `intervalMs` is one day, `continuous` otherwise. */
  readonly calendar?: TradingCalendar;
  /** Price of every symbol before its first bar (the first open); default 100. */
  readonly startPrice?: number;
  /** Pairwise correlation of log returns between symbols, in [0, 1]; default 0.3. */
  readonly correlation?: number;
  /** Long-run annualised drift μ of the geometric Brownian motion; default 0.05. */
  readonly drift?: number;
  /** Long-run annualised volatility σ of log returns of a typical symbol; default 0.20. */
  readonly volatility?: number;
  /** Regime switching: `true` (default) uses {@link DEFAULT_REGIME_MODEL}, `false` none, or a model of your own. */
  readonly regimes?: boolean | SyntheticRegimeModel;
}

/** A synthetic market: its bars and the regime of each bar time. */
export interface SyntheticMarket {
  /** The bars of every symbol; all symbols share the same timestamps. */
  readonly frame: BarFrame;
  /** Regime index (into {@link MARKET_REGIMES}) of each bar time, in time order. */
  readonly regimes: Uint8Array;
}

/** First candidate bar time when none is given: 2020-01-01T00:00:00Z. */
const DEFAULT_START = Date.UTC(2020, 0, 1);
/** Bars per year used to annualise: trading days for `weekdays`, calendar days otherwise. */
const TRADING_DAYS_PER_YEAR = 252;
const CALENDAR_DAYS_PER_YEAR = 365.25;
/** Mean volume of a symbol is uniform on [0.5, 1.5] × this. */
const BASE_VOLUME = 1_000_000;
/** Standard deviation of the overnight gap, as a share of the bar's return volatility. */
const GAP_SHARE = 0.2;
/** Scale of the high/low extensions beyond the body, as a share of the bar's volatility. */
const WICK_SHARE = 0.5;

const probability = z.number().min(0).max(1);
const transitionRow = z
  .object({ calm: probability, volatile: probability, trending: probability })
  .refine((row) => Math.abs(row.calm + row.volatile + row.trending - 1) <= 1e-9, 'probabilities that sum to 1');
const regimeParameters = z.object({ driftShift: z.number().min(-5).max(5), volatilityScale: z.number().min(0).max(20) });
const regimeModelSchema = z.object({
  parameters: z.object({ calm: regimeParameters, volatile: regimeParameters, trending: regimeParameters }),
  transitions: z.object({ calm: transitionRow, volatile: transitionRow, trending: transitionRow }),
  initial: z.enum(MARKET_REGIMES),
});
const optionsSchema = z.object({
  symbols: z.union([z.number().int().min(1).max(1_000_000), z.array(symbolInputSchema).min(1)]),
  bars: z.number().int().min(1).max(100_000_000),
  seed: z.number().int(),
  start: z.union([z.number(), z.string()]).optional(),
  intervalMs: z.number().positive().optional(),
  calendar: z.enum(['weekdays', 'continuous']).optional(),
  startPrice: z.number().positive().optional(),
  correlation: z.number().min(0).max(1).optional(),
  drift: z.number().min(-5).max(5).optional(),
  volatility: z.number().min(0).max(5).optional(),
  regimes: z.union([z.boolean(), regimeModelSchema]).optional(),
});

/**
 * A deterministic synthetic market of OHLCV bars: the frame of {@link syntheticMarket}.
 *
 * @throws {@link InvalidArgumentError} on an option out of its domain.
 */
export function syntheticBars(options: SyntheticBarsOptions): BarFrame {
  return syntheticMarket(options).frame;
}

/**
 * A deterministic synthetic market: multi-symbol geometric Brownian motion with one
 * common factor and a Markov regime switch, returned with the regime path.
 *
 * Per bar t and symbol i, with annualised μ_r, σ_r of the bar's regime r (see
 * {@link SyntheticRegimeModel}), the bar's length in years Δ (interval / 252 trading
 * days under `weekdays`, / 365.25 days otherwise) and a per-symbol volatility factor
 * m_i uniform on [0.8, 1.2]:
 *
 * - log return `R = (μ_r − (m_i σ_r)²/2) Δ + m_i σ_r √Δ (√ρ F_t + √(1 − ρ) ε_{i,t})`
 *   with F (common to all symbols) and ε standard normal, so the correlation of two
 *   symbols' log returns is ρ = `correlation`;
 * - close = previous close × e^R (the first previous close is `startPrice`);
 * - open = previous close × e^g, g ~ N(0, (0.2 m_i σ_r √Δ)²) (the first open is `startPrice`);
 * - high = max(open, close) × e^{0.5 m_i σ_r √Δ E}, low = min(open, close) × e^{−0.5 m_i σ_r √Δ E'},
 *   with E, E' standard exponential;
 * - volume = round(V_i × σ_r/σ × e^{0.3 z}) ≥ 1, with V_i uniform on [0.5, 1.5] × 10⁶.
 *
 * Seeding: the regime path and F come from a generator seeded by `seed`; each
 * symbol's own draws come from a generator seeded by `seed` and the symbol's text.
 * So a symbol's bars depend only on the seed, its name and the other options, not
 * on which other symbols are generated alongside. Timestamps: candidates are
 * `start + k × intervalMs`; under `weekdays` those on a Saturday or Sunday (UTC)
 * are skipped. All typed arrays, no per-bar objects.
 *
 * @throws {@link InvalidArgumentError} on an option out of its domain, or when prices
 * leave the floating-point range over the horizon.
 */
export function syntheticMarket(options: SyntheticBarsOptions): SyntheticMarket {
  const parsed = parseOptions(optionsSchema, options, 'options');
  const symbols = resolveSymbols(parsed.symbols);
  const bars = parsed.bars;
  const intervalMs = parsed.intervalMs ?? MS_PER_DAY;
  const calendar: TradingCalendar = parsed.calendar ?? (intervalMs === MS_PER_DAY ? 'weekdays' : 'continuous');
  const start = typeof parsed.start === 'string' ? parseIso(parsed.start, 'options.start') : (parsed.start ?? DEFAULT_START);
  const startPrice = parsed.startPrice ?? 100;
  const correlation = parsed.correlation ?? 0.3;
  const drift = parsed.drift ?? 0.05;
  const volatility = parsed.volatility ?? 0.2;
  const model = parsed.regimes === false ? undefined : parsed.regimes === true || parsed.regimes === undefined ? DEFAULT_REGIME_MODEL : parsed.regimes;

  const times = barTimes(start, bars, intervalMs, calendar);
  const years = intervalMs / (MS_PER_DAY * (calendar === 'weekdays' ? TRADING_DAYS_PER_YEAR : CALENDAR_DAYS_PER_YEAR));
  const { regimeDrift, regimeVolatility } = regimeLevels(model, drift, volatility);

  // The market path: regime and common factor of each bar.
  const market = new SeededRandom(mixSeed(parsed.seed, 0x6d61726b));
  const regimes = new Uint8Array(bars);
  const factor = new Float64Array(bars);
  const cumulative = transitionTable(model);
  let regime = model === undefined ? 0 : MARKET_REGIMES.indexOf(model.initial);
  for (let t = 0; t < bars; t++) {
    if (t > 0 && model !== undefined) {
      const u = market.next();
      const row = regime * 3;
      regime = u < (cumulative[row] ?? 1) ? 0 : u < (cumulative[row + 1] ?? 1) ? 1 : 2;
    }
    regimes[t] = regime;
    factor[t] = market.normal();
  }

  const common = Math.sqrt(correlation);
  const own = Math.sqrt(1 - correlation);
  const sqrtYears = Math.sqrt(years);
  const series = new Map<SymbolId, BarSeriesInput>();
  for (const symbol of symbols) {
    const rng = new SeededRandom(mixSeed(parsed.seed, hashText(symbol.value)));
    const scale = 0.8 + 0.4 * rng.next();
    const baseVolume = BASE_VOLUME * (0.5 + rng.next());
    const open = new Float64Array(bars);
    const high = new Float64Array(bars);
    const low = new Float64Array(bars);
    const close = new Float64Array(bars);
    const volume = new Float64Array(bars);
    let previous = startPrice;
    for (let t = 0; t < bars; t++) {
      const r = regimes[t] ?? 0;
      const sigma = scale * (regimeVolatility[r] ?? 0);
      const barSigma = sigma * sqrtYears;
      const logReturn = ((regimeDrift[r] ?? 0) - 0.5 * sigma * sigma) * years + barSigma * (common * (factor[t] ?? 0) + own * rng.normal());
      const o = t === 0 ? startPrice : previous * Math.exp(GAP_SHARE * barSigma * rng.normal());
      const c = previous * Math.exp(logReturn);
      if (!(c > 0 && c < Infinity && o > 0 && o < Infinity)) {
        throw new InvalidArgumentError(
          'options.bars',
          bars,
          `a horizon over which ${symbol.value}'s prices stay within floating-point range (drift and volatility are too large for it)`,
        );
      }
      const top = o > c ? o : c;
      const bottom = o < c ? o : c;
      open[t] = o;
      close[t] = c;
      // Wicks: exponential draws are cheaper than |normal| ones and as plausible.
      high[t] = top * Math.exp(WICK_SHARE * barSigma * -Math.log(1 - rng.next()));
      low[t] = bottom * Math.exp(-WICK_SHARE * barSigma * -Math.log(1 - rng.next()));
      const activity = volatility > 0 ? (regimeVolatility[r] ?? 0) / volatility : 1;
      volume[t] = Math.max(1, Math.round(baseVolume * activity * Math.exp(0.3 * rng.normal())));
      previous = c;
    }
    series.set(symbol, { timestamp: times, open, high, low, close, volume });
  }
  return { frame: BarFrame.fromSeries(series), regimes };
}

function resolveSymbols(input: number | readonly (SymbolId | string)[]): SymbolId[] {
  if (typeof input === 'number') return Array.from({ length: input }, (_, i) => SymbolId.parse(`SYM${i}`));
  const seen = new Set<string>();
  return input.map((raw, index) => {
    const symbol = SymbolId.from(raw);
    if (seen.has(symbol.value)) throw new InvalidArgumentError(`options.symbols.${index}`, symbol.value, 'each symbol once');
    seen.add(symbol.value);
    return symbol;
  });
}

/** Candidate times `start + k × interval`, weekends (UTC) skipped under `weekdays`. */
function barTimes(start: number, bars: number, intervalMs: number, calendar: TradingCalendar): Float64Array {
  const times = new Float64Array(bars);
  // A weekend spans at most this many consecutive candidates; more means the weekdays are never reached.
  const maxSkips = Math.ceil((2 * MS_PER_DAY) / intervalMs) + 1;
  let count = 0;
  let skipped = 0;
  for (let step = 0; count < bars; step++) {
    const time = start + step * intervalMs;
    if (calendar === 'continuous' || isWeekday(time)) {
      times[count++] = time;
      skipped = 0;
    } else if (++skipped > maxSkips) {
      throw new InvalidArgumentError('options.intervalMs', intervalMs, 'an interval that reaches weekdays under the weekdays calendar');
    }
  }
  return times;
}

function isWeekday(time: number): boolean {
  const day = Math.floor(time / MS_PER_DAY);
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}

/** Annualised drift and volatility of each regime, normalised as documented on {@link SyntheticRegimeModel}. */
function regimeLevels(
  model: SyntheticRegimeModel | undefined,
  drift: number,
  volatility: number,
): { regimeDrift: Float64Array; regimeVolatility: Float64Array } {
  if (model === undefined) {
    return { regimeDrift: new Float64Array([drift, drift, drift]), regimeVolatility: new Float64Array([volatility, volatility, volatility]) };
  }
  const pi = stationary(model);
  let meanShift = 0;
  let meanSquareScale = 0;
  MARKET_REGIMES.forEach((name, r) => {
    const share = pi[r] ?? 0;
    meanShift += share * model.parameters[name].driftShift;
    meanSquareScale += share * model.parameters[name].volatilityScale ** 2;
  });
  const norm = meanSquareScale > 0 ? Math.sqrt(meanSquareScale) : 1;
  return {
    regimeDrift: Float64Array.from(MARKET_REGIMES, (name) => drift + model.parameters[name].driftShift - meanShift),
    regimeVolatility: Float64Array.from(MARKET_REGIMES, (name) => (volatility * model.parameters[name].volatilityScale) / norm),
  };
}

/**
 * Stationary distribution of the chain as seen from the initial regime: the long-run
 * average of the distribution of the regime (for a reducible chain, the one it
 * settles into from `initial`).
 */
function stationary(model: SyntheticRegimeModel): Float64Array {
  const p = new Float64Array(9);
  MARKET_REGIMES.forEach((from, i) => MARKET_REGIMES.forEach((to, j) => (p[i * 3 + j] = model.transitions[from][to])));
  let a = 0;
  let b = 0;
  let c = 0;
  if (model.initial === 'calm') a = 1;
  else if (model.initial === 'volatile') b = 1;
  else c = 1;
  // Iterate the distribution until the transient has died out, then average the last
  // six iterates: that cancels the rotation of a periodic chain (period 2 or 3).
  const steps = 10_000;
  const tail = 6;
  const average = new Float64Array(3);
  for (let step = 0; step < steps; step++) {
    const na = a * (p[0] ?? 0) + b * (p[3] ?? 0) + c * (p[6] ?? 0);
    const nb = a * (p[1] ?? 0) + b * (p[4] ?? 0) + c * (p[7] ?? 0);
    const nc = a * (p[2] ?? 0) + b * (p[5] ?? 0) + c * (p[8] ?? 0);
    a = na;
    b = nb;
    c = nc;
    if (step >= steps - tail) {
      average[0] = (average[0] ?? 0) + a / tail;
      average[1] = (average[1] ?? 0) + b / tail;
      average[2] = (average[2] ?? 0) + c / tail;
    }
  }
  return average;
}

/** Row-wise cumulative transition probabilities, flattened 3 × 3. */
function transitionTable(model: SyntheticRegimeModel | undefined): Float64Array {
  const table = new Float64Array(9).fill(1);
  if (model === undefined) return table;
  MARKET_REGIMES.forEach((from, i) => {
    let sum = 0;
    MARKET_REGIMES.forEach((to, j) => {
      sum += model.transitions[from][to];
      table[i * 3 + j] = sum;
    });
  });
  return table;
}

/** FNV-1a hash of a string's UTF-16 code units. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mixes a seed with a salt into a 32-bit seed (murmur3 finaliser). */
function mixSeed(seed: number, salt: number): number {
  let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ salt;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

import { SeededRandom } from '@alphaswarm/core';
import { expect, it } from 'vitest';

/** A deterministic OHLCV path: a geometric random walk with consistent bars. */
export interface PricePath {
  readonly open: number[];
  readonly high: number[];
  readonly low: number[];
  readonly close: number[];
  readonly volume: number[];
}

/**
 * Geometric random walk from 100 with 1.5% per-bar volatility; each bar opens at the
 * previous close, high/low extend past max/min(open, close) by a random margin, and
 * volume is an integer in [1000, 10000). Fully determined by `seed`.
 */
export function pricePath(count: number, seed = 42): PricePath {
  const rng = new SeededRandom(seed);
  const open: number[] = [];
  const high: number[] = [];
  const low: number[] = [];
  const close: number[] = [];
  const volume: number[] = [];
  let last = 100;
  for (let i = 0; i < count; i++) {
    const o = last;
    const c = o * Math.exp(0.015 * rng.normal());
    const h = Math.max(o, c) * (1 + 0.01 * rng.next());
    const l = Math.min(o, c) * (1 - 0.01 * rng.next());
    open.push(o);
    high.push(h);
    low.push(l);
    close.push(c);
    volume.push(1000 + rng.int(9000));
    last = c;
  }
  return { open, high, low, close, volume };
}

/** Bars used by the reference comparisons: 2,500 of them. */
export const BARS = 2500;

/** Asserts `Object.is(actual[i], expected[i])` for every i (bit-for-bit, NaN = NaN). */
export function expectIdentical(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      throw new Error(`index ${i}: ${String(actual[i])} is not bit-identical to ${String(expected[i])}`);
    }
  }
}

/**
 * Asserts `|actual[i] − expected[i]| ≤ tolerance · max(1, |expected[i]|)` for every i,
 * NaN matching NaN only.
 */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (Number.isNaN(a) || Number.isNaN(e)) {
      if (!(Number.isNaN(a) && Number.isNaN(e))) throw new Error(`index ${i}: got ${a}, expected ${e}`);
      continue;
    }
    if (!(Math.abs(a - e) <= tolerance * Math.max(1, Math.abs(e)))) {
      throw new Error(`index ${i}: got ${a}, expected ${e} (tolerance ${tolerance})`);
    }
  }
}

/** Asserts `|actual[i] − expected[i]| ≤ tolerance` for every i, NaN matching NaN only. */
export function expectWithin(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (Number.isNaN(a) !== Number.isNaN(e) || Math.abs(a - e) > tolerance) {
      throw new Error(`index ${i}: got ${a}, expected ${e} (absolute tolerance ${tolerance})`);
    }
  }
}

/** The number of leading NaN values of a series. */
export function leadingNaNs(series: ArrayLike<number>): number {
  let i = 0;
  while (i < series.length && Number.isNaN(series[i] as number)) i++;
  return i;
}

/**
 * Places the output of a reference that starts later (as technicalindicators' do: its
 * arrays hold only defined values) at its index in a full-length series, NaN before.
 */
export function alignRight(values: readonly number[], length: number): Float64Array {
  const out = new Float64Array(length).fill(NaN);
  out.set(values, length - values.length);
  return out;
}

const GAP_VALUES = [NaN, Infinity, -Infinity];

/**
 * Inserts a gap before each listed index of `values` (sorted ascending; an index may
 * repeat for several gaps in a row), returning the gapped series and a mask of the gap
 * positions. Gaps cycle through NaN, +Infinity and −Infinity.
 */
export function insertGaps(values: readonly number[], before: readonly number[]): { series: number[]; gap: boolean[] } {
  const series: number[] = [];
  const gap: boolean[] = [];
  let g = 0;
  for (let i = 0; i < values.length; i++) {
    while (g < before.length && before[g] === i) {
      series.push(GAP_VALUES[g % GAP_VALUES.length] as number);
      gap.push(true);
      g++;
    }
    series.push(values[i] as number);
    gap.push(false);
  }
  return { series, gap };
}

/**
 * Inserts gap bars into parallel columns (e.g. high, low, close) before each listed
 * index: at the g-th gap, column `g mod columns` gets a non-finite value (cycling
 * NaN, +Infinity, −Infinity) and the other columns a finite copy of the next bar's
 * value, so that one bad field is enough to make a gap.
 */
export function insertBarGaps(
  columns: readonly (readonly number[])[],
  before: readonly number[]
): { columns: number[][]; gap: boolean[] } {
  const out: number[][] = columns.map(() => []);
  const gap: boolean[] = [];
  const length = columns[0]?.length ?? 0;
  let g = 0;
  for (let i = 0; i < length; i++) {
    while (g < before.length && before[g] === i) {
      const bad = g % columns.length;
      columns.forEach((column, c) => {
        out[c]!.push(c === bad ? (GAP_VALUES[g % GAP_VALUES.length] as number) : (column[i] as number));
      });
      gap.push(true);
      g++;
    }
    columns.forEach((column, c) => out[c]!.push(column[i] as number));
    gap.push(false);
  }
  return { columns: out, gap };
}

/** Gap positions used by the gap tests: at the start, in a row, and near the end. */
export const GAP_POSITIONS: readonly number[] = [0, 3, 17, 17, 17, 40, 41, 120, 250, 251, 299];

/**
 * Checks the gap convention on a result: at gap positions every output is NaN, and
 * elsewhere the output is bit-identical to the gap-free run at the same valid index.
 */
export function expectGapTransparent(
  withGaps: ArrayLike<number>,
  gap: readonly boolean[],
  clean: ArrayLike<number>
): void {
  let j = 0;
  for (let i = 0; i < withGaps.length; i++) {
    if (gap[i] === true) {
      if (!Number.isNaN(withGaps[i] as number)) throw new Error(`gap at ${i} gave ${String(withGaps[i])}`);
      continue;
    }
    if (!Object.is(withGaps[i], clean[j])) {
      throw new Error(`index ${i} (valid index ${j}): ${String(withGaps[i])} differs from ${String(clean[j])}`);
    }
    j++;
  }
  expect(j).toBe(clean.length);
}

/**
 * An independent Wilder RSI written the textbook way (Wilder's own recurrence
 * `avg = (avg·(n−1) + x)/n`, different arithmetic from the library's
 * `avg + (x − avg)/n`), with 50 when both averages are 0.
 */
export function referenceRsi(values: readonly number[], n: number): number[] {
  const out: number[] = values.map(() => NaN);
  let avgGain = 0;
  let avgLoss = 0;
  for (let t = 1; t < values.length; t++) {
    const change = (values[t] as number) - (values[t - 1] as number);
    const gain = Math.max(change, 0);
    const loss = Math.max(-change, 0);
    if (t <= n) {
      avgGain += gain / n;
      avgLoss += loss / n;
    } else {
      avgGain = (avgGain * (n - 1) + gain) / n;
      avgLoss = (avgLoss * (n - 1) + loss) / n;
    }
    if (t >= n) out[t] = avgGain + avgLoss === 0 ? 50 : 100 - 100 / (1 + avgGain / avgLoss);
  }
  return out;
}

/** A single-series streaming indicator as the shared checks drive it. */
export interface SeriesIndicatorUnderTest {
  readonly ready: boolean;
  readonly value: number;
  update(x: number): number;
  reset(): void;
}

/**
 * The checks every single-series indicator passes, as two tests: streaming and batch
 * agree bit for bit, also after `reset` (which clears `ready` and `value`), and
 * non-finite values are transparent gaps.
 */
export function itRunsLikeItsBatchForm(make: () => SeriesIndicatorUnderTest, batch: (values: ArrayLike<number>) => Float64Array): void {
  it('agrees bit for bit between streaming and batch, and after reset', () => {
    const { close } = pricePath(BARS);
    const indicator = make();
    const streamed = close.map((x) => indicator.update(x));
    expectIdentical(batch(close), streamed);
    expect(indicator.value).toBe(streamed[streamed.length - 1]);
    indicator.reset();
    expect(indicator.ready).toBe(false);
    expect(indicator.value).toBeNaN();
    expectIdentical(
      close.map((x) => indicator.update(x)),
      streamed
    );
  });

  it('treats non-finite values as gaps: NaN there, and the rest as if they were absent', () => {
    const { close } = pricePath(300);
    const { series, gap } = insertGaps(close, GAP_POSITIONS);
    expectGapTransparent(batch(series), gap, batch(close));
  });
}

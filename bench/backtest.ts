/**
 * Backtester throughput. Prints one JSON line per case:
 *   {case, bars, seconds, barsPerSec, heapMB, loadSeconds, hashSeconds, ...}
 *
 * Every case runs the full pipeline — StaticUniverse → DualMACrossoverAlpha(10/50) →
 * EqualWeightPortfolio → NoOpRiskModel → ImmediateExecutionModel — with the event log
 * recording as it does by default. Data generation (`loadSeconds`) and the event-log
 * hash (`hashSeconds`, computed lazily on first access) are timed apart from the
 * simulation, and so are the orders and risk events (`ordersSeconds`) and the
 * statistics (`statsSeconds`), which the result derives on first access. A hand-written typed-array loop doing the same crossover and fills gives
 * `frameworkOverhead = loopBarsPerSec / pipelineBarsPerSec`.
 * A warm-up run on other data first lets the JIT compile the hot path; then each case
 * runs five times and the median rate is reported (`barsPerSecRange`: slowest, fastest).
 *
 * Garbage is collected before each timed section (node --expose-gc), so a case does
 * not pay for the previous one's heap.
 *
 * Usage: npm run bench [-- --quick]
 */
import { performance } from 'node:perf_hooks';
import { EventDrivenBacktester, FrameworkAlgorithm, syntheticBars, type BacktestResult, type BarFrame } from '@alphaswarm/core';
import { NoOpRiskModel } from '@alphaswarm/risk';
import { DualMACrossoverAlpha, EqualWeightPortfolio, ImmediateExecutionModel, StaticUniverse } from '@alphaswarm/strategies';
import { crossoverLoop } from './crossover-loop.js';

interface Case {
  readonly name: string;
  readonly symbols: number;
  readonly bars: number;
}

const quick = process.argv.includes('--quick');
/** Timed runs per case (after the warm-up). */
const repeats = 5;
const scale = quick ? 10 : 1;
const cases: Case[] = [
  { name: 'a: 1 symbol x 1,000,000 bars', symbols: 1, bars: 1_000_000 / scale },
  { name: 'b: 100 symbols x 10,000 bars', symbols: 100, bars: 10_000 / scale },
  { name: 'c: 10 symbols x 100,000 bars', symbols: 10, bars: 100_000 / scale },
];

function algorithm(frame: BarFrame): FrameworkAlgorithm {
  return new FrameworkAlgorithm({
    name: 'bench-crossover',
    universe: new StaticUniverse({ symbols: frame.symbols }),
    alpha: new DualMACrossoverAlpha({ fast: 10, slow: 50 }),
    portfolio: new EqualWeightPortfolio(),
    risk: new NoOpRiskModel(),
    execution: new ImmediateExecutionModel(),
  });
}

/** Collects garbage before a timed section when node runs with --expose-gc (npm run bench does). */
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapMB = (): number => Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10;
const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

for (const c of cases) {
  let t = performance.now();
  const frame = syntheticBars({ symbols: Array.from({ length: c.symbols }, (_, i) => `SYM${i}`), bars: c.bars, seed: 42, intervalMs: 60_000 });
  const loadSeconds = (performance.now() - t) / 1000;
  const totalBars = c.symbols * c.bars;

  // Warm-up on a short prefix so the JIT has compiled the hot path.
  new EventDrivenBacktester({ initialCash: 1_000_000 }).run(algorithm(frame), syntheticBars({ symbols: frame.symbols.map((s) => s.value), bars: Math.max(2_000, Math.floor(c.bars / 10)), seed: 1, intervalMs: 60_000 }));

  // Timed runs: the median is reported, with the fastest and slowest.
  const times: number[] = [];
  let result = undefined as unknown as BacktestResult;
  let heap = 0;
  for (let r = 0; r < repeats; r += 1) {
    collect();
    t = performance.now();
    result = new EventDrivenBacktester({ initialCash: 1_000_000 }).run(algorithm(frame), frame);
    times.push((performance.now() - t) / 1000);
    heap = Math.max(heap, heapMB());
  }
  const seconds = median(times);

  t = performance.now();
  const hash = result.eventLogHash;
  const hashSeconds = (performance.now() - t) / 1000;

  t = performance.now();
  const orders = result.orders.length;
  const riskEvents = result.riskEvents.length;
  const ordersSeconds = (performance.now() - t) / 1000;

  t = performance.now();
  const sharpe = result.statistics.sharpeRatio;
  const statsSeconds = (performance.now() - t) / 1000;

  crossoverLoop(frame, 10, 50, 1_000_000); // warm-up
  const loopTimes: number[] = [];
  let loop = crossoverLoop(frame, 10, 50, 1_000_000);
  for (let r = 0; r < repeats; r += 1) {
    collect();
    t = performance.now();
    loop = crossoverLoop(frame, 10, 50, 1_000_000);
    loopTimes.push((performance.now() - t) / 1000);
  }
  const loopSeconds = median(loopTimes);

  const barsPerSec = totalBars / seconds;
  const loopBarsPerSec = totalBars / loopSeconds;
  console.log(
    JSON.stringify({
      case: c.name,
      bars: totalBars,
      seconds: round(seconds),
      barsPerSec: Math.round(barsPerSec),
      barsPerSecRange: [Math.round(totalBars / Math.max(...times)), Math.round(totalBars / Math.min(...times))],
      heapMB: heap,
      loadSeconds: round(loadSeconds),
      hashSeconds: round(hashSeconds),
      ordersSeconds: round(ordersSeconds),
      statsSeconds: round(statsSeconds),
      sharpe: round(sharpe, 4),
      events: result.eventLog.length,
      orders,
      riskEvents,
      fills: result.fills.length,
      loopFills: loop.fills,
      loopBarsPerSec: Math.round(loopBarsPerSec),
      frameworkOverhead: round(loopBarsPerSec / barsPerSec, 2),
      eventLogHash: hash.slice(0, 16),
    }),
  );
}

import type { FrameworkAlgorithm } from '../framework/algorithm.js';
import { parseBacktestSettings, type BacktestOptions, type BacktestSettings } from './config.js';
import { BacktestResult } from './result.js';
import { BacktestRun } from './run.js';
import type { BarSource } from './slice-feed.js';

/** Optional extras of one run. */
export interface RunOptions {
  /** Hash of the spec that produced the run, recorded in the result. */
  readonly specHash?: string;
}

/**
 * The deterministic event-driven backtester: one ring-buffer queue, one loop.
 *
 * `MarketEvent` → alpha → `SignalEvent` → portfolio construction → risk → execution
 * → pre-trade controls → `OrderEvent` → simulated broker → `FillEvent`, with a
 * `RiskEvent` for every decision a risk model or control takes. Every event is
 * appended, with a sequence number, to the run's {@link EventLog}.
 *
 * Default semantics, chosen to make look-ahead impossible:
 * - slices are the sorted union of all symbols' timestamps; a symbol without a bar
 *   at a timestamp is absent from the slice, gets no fill and keeps its last price;
 * - an order created while processing bar t is matched from bar t+1 on: a market
 *   order fills at t+1's open; limits and stops trigger within a later bar's range;
 * - a weight target is sized with bar t's close: `trunc(weight × sizing value / close_t)`
 *   where the sizing value is equity × (1 − `freePortfolioValuePct`);
 * - an order that needs more buying power than the account has is rejected
 *   (no implicit leverage unless `leverage` > 1);
 * - the equity curve has one point per timestamp, after fills and marks at the close.
 *
 * Deterministic: no wall clock or global randomness inside; the same data, algorithm
 * and settings give a byte-identical event log.
 */
export class EventDrivenBacktester {
  /** The validated settings. */
  readonly settings: BacktestSettings;

  /**
   * @param options - settings and pluggable models
   * @throws {@link SpecValidationError} when a setting is out of range, naming it
   */
  constructor(private readonly options: BacktestOptions = {}) {
    this.settings = parseBacktestSettings(options);
  }

  /** Runs `algorithm` over `data` to the end, or until the kill switch halts it. */
  run(algorithm: FrameworkAlgorithm, data: BarSource, runOptions: RunOptions = {}): BacktestResult {
    const run = new BacktestRun(algorithm, data, this.settings, this.options);
    run.start();
    const n = run.sliceCount;
    for (let i = 0; i < n; i += 1) if (!run.step(i)) break;
    run.finish();
    return this.result(run, algorithm, runOptions);
  }

  /**
   * Like {@link EventDrivenBacktester.run}, but yields to the event loop every
   * `progressEvery` bars, so that a host can halt the kill switch from a timer, a
   * signal handler or a request while the run is going.
   */
  async runAsync(algorithm: FrameworkAlgorithm, data: BarSource, runOptions: RunOptions = {}): Promise<BacktestResult> {
    const run = new BacktestRun(algorithm, data, this.settings, this.options);
    run.start();
    const n = run.sliceCount;
    let nextYield = this.settings.progressEvery;
    for (let i = 0; i < n; i += 1) {
      if (!run.step(i)) break;
      if (run.barsDone >= nextYield) {
        nextYield = run.barsDone + this.settings.progressEvery;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    run.finish();
    return this.result(run, algorithm, runOptions);
  }

  private result(run: BacktestRun, algorithm: FrameworkAlgorithm, runOptions: RunOptions): BacktestResult {
    const done = run.slicesDone;
    return new BacktestResult({
      config: {
        ...this.settings,
        algorithm: algorithm.name,
        models: {
          universe: algorithm.universe.name,
          alpha: algorithm.alpha.name,
          portfolio: algorithm.portfolio.name,
          risk: algorithm.risk.name,
          execution: algorithm.execution.name,
        },
        preTradeControls: algorithm.preTradeControls.map((c) => c.name),
        symbols: run.feed.symbolList.map((s) => s.value),
      },
      specHash: runOptions.specHash ?? null,
      eventLog: run.log,
      fills: run.fills,
      trades: run.portfolio.trades,
      openTrades: run.portfolio.openTrades(),
      equityCurve: {
        // Views of the run's own arrays, not copies (the run ends here): no 8 bytes
        // per timestamp allocated three times over at the end of every backtest.
        timestamps: run.feed.times.subarray(0, done),
        equity: run.equity.subarray(0, done),
        exposure: run.exposure.subarray(0, done),
      },
      portfolio: run.portfolio.snapshot(),
      halted: run.halted,
      haltReason: run.haltReason,
      bars: run.barsDone,
    });
  }
}

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AlgorithmContext, AlphaModel, InsightInit, PortfolioTarget, PreTradeControl, ProgressFrame, RiskManagementModel, Slice } from '../../src/index.js';
import { ACCEPTED, EventDrivenBacktester, EventLog, KillSwitch, ManualClock, ProgressEmitter, SeededRandom, SymbolId, replay } from '../../src/index.js';
import { barsFromCloses, crossoverAlgorithm, SmaCrossAlpha } from './fixtures.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 0, 1);

function randomWalk(seed: number, n: number, start = 100): number[] {
  const rng = new SeededRandom(seed);
  const out: number[] = [];
  let p = start;
  for (let i = 0; i < n; i += 1) {
    p *= Math.exp(0.01 * rng.normal());
    out.push(Math.round(p * 100) / 100);
  }
  return out;
}

describe('EventDrivenBacktester: fill timing and sizing', () => {
  // Closes: flat at 10 for 8 bars, then rising. SMA(3) rises above SMA(8) at bar 8
  // (close 11): the insight is emitted while processing bar 8, the order is sized
  // with bar 8's close and fills at bar 9's open (= close of bar 8 by the fixture).
  const closes = [10, 10, 10, 10, 10, 10, 10, 10, 11, 12, 13, 14];
  const data = barsFromCloses({ 'AAA.X': closes });

  it('fills a market order at the next bar open, sized by trunc(w × value / close_t)', () => {
    const result = new EventDrivenBacktester({ initialCash: 10_000, freePortfolioValuePct: 0 }).run(crossoverAlgorithm(), data);
    expect(result.orders).toHaveLength(1);
    const order = result.orders[0]!;
    expect(order.createdAt).toBe(T0 + 8 * DAY);
    // trunc(1 × 10,000 / 11) = 909 shares.
    expect(order.quantity).toBe(909);
    expect(result.fills).toHaveLength(1);
    const fill = result.fills[0]!;
    expect(fill.time).toBe(T0 + 9 * DAY);
    expect(fill.price).toBe(11); // open of bar 9 = close of bar 8
    expect(fill.quantity).toBe(909);
    // Cash 10,000 − 909 × 11 = 1. Final equity = 1 + 909 × 14 = 12,727.
    expect(result.portfolio.cash).toBeCloseTo(1, 9);
    expect(result.finalEquity).toBeCloseTo(12_727, 9);
  });

  it('keeps the free-cash buffer out of sizing', () => {
    const result = new EventDrivenBacktester({ initialCash: 10_000, freePortfolioValuePct: 0.01 }).run(crossoverAlgorithm(), data);
    // trunc(9,900 / 11) = 900.
    expect(result.orders[0]!.quantity).toBe(900);
  });

  it('rejects a buy that needs more cash than the account has, and logs why', () => {
    // Gap up: the sizing close is 11 but the next open is 12.
    const gapped = barsFromCloses({ 'AAA.X': closes });
    const series = gapped.series(gapped.symbols[0]!);
    series.open[9] = 12;
    series.high[9] = 13;
    const result = new EventDrivenBacktester({ initialCash: 10_000, freePortfolioValuePct: 0 }).run(crossoverAlgorithm(), gapped);
    expect(result.fills).toHaveLength(0);
    expect(result.orders[0]!.status).toBe('rejected');
    expect(result.orders[0]!.reason).toMatch(/buying power/);
    expect(result.eventLog.filter('order_update')).toHaveLength(1);
    expect(result.portfolio.cash).toBe(10_000);
  });
});

describe('EventDrivenBacktester: no look-ahead', () => {
  it('never shows an alpha data after the current bar, and nothing fills before t+1', () => {
    const data = barsFromCloses({ 'AAA.X': randomWalk(5, 300), 'BBB.X': randomWalk(6, 300) });
    const seen: { time: number; maxHistoryTime: number; price: number | undefined; close: number | undefined }[] = [];
    class Spy implements AlphaModel {
      readonly name = 'Spy';
      private readonly inner = new SmaCrossAlpha(5, 20, false);
      update(ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
        for (const symbol of slice.symbols) {
          const ts = ctx.history(symbol, 'timestamp', 1_000_000);
          const hist = ctx.history(symbol, 'close', 1_000_000);
          // The copy cannot reach later data through its buffer.
          expect(new Float64Array(ts.buffer).length).toBe(ts.length);
          expect(hist.length).toBe(ts.length);
          seen.push({ time: slice.time, maxHistoryTime: ts[ts.length - 1]!, price: ctx.securities.price(symbol), close: slice.bar(symbol)?.close });
        }
        return this.inner.update(ctx, slice);
      }
    }
    const result = new EventDrivenBacktester().run(crossoverAlgorithm(5, 20, { alpha: new Spy() }), data);
    expect(seen.length).toBe(600);
    for (const s of seen) {
      expect(s.maxHistoryTime).toBe(s.time);
      expect(s.price).toBe(s.close);
    }
    const created = new Map(result.orders.map((o) => [o.id, o.createdAt]));
    expect(result.fills.length).toBeGreaterThan(0);
    for (const fill of result.fills) expect(fill.time).toBeGreaterThan(created.get(fill.orderId)!);
  });
});

describe('EventDrivenBacktester: multi-symbol alignment', () => {
  it('gives a symbol without a bar no fill and keeps its last price', () => {
    const a = SymbolId.parse('AAA.X');
    const b = SymbolId.parse('BBB.X');
    const full = barsFromCloses({ 'AAA.X': [10, 10, 10, 10, 10, 10, 10, 10, 11, 12, 13, 14], 'BBB.X': [20, 20, 20, 20, 20, 20, 20, 20, 22, 24, 26, 28] });
    // Drop BBB's bars 9 and 10 (bar 9 is where its order would otherwise fill).
    const bs = full.series(b);
    const keep = [0, 1, 2, 3, 4, 5, 6, 7, 8, 11];
    const pick = (x: Float64Array): Float64Array => Float64Array.from(keep.map((i) => x[i]!));
    const holey = { timestamp: pick(bs.timestamp), open: pick(bs.open), high: pick(bs.high), low: pick(bs.low), close: pick(bs.close), volume: pick(bs.volume) };
    holey.open[9] = 22; // BBB reopens at its last close, so its order is affordable
    holey.low[9] = 21;
    const data = { symbols: [a, b], series: (s: SymbolId) => (s === b ? holey : full.series(a)) };
    const result = new EventDrivenBacktester({ initialCash: 10_000, freePortfolioValuePct: 0 }).run(crossoverAlgorithm(), data);
    const bFills = result.fills.filter((f) => f.symbol === b);
    expect(bFills).toHaveLength(1);
    expect(bFills[0]!.time).toBe(T0 + 11 * DAY); // the next bar BBB has
    expect(bFills[0]!.price).toBe(22);
    // AAA: trunc(0.5 × 10,000 / 11) = 454 at 11 on bar 9. BBB: trunc(0.5 × 10,000 / 22) = 227 at 22 on bar 11.
    // At bar 10, BBB has no bar and no position; AAA closes at 13: equity = 10,000 − 454 × 11 + 454 × 13.
    expect(result.equityCurve.timestamps).toHaveLength(12);
    expect(result.equityCurve.equity[10]).toBeCloseTo(10_000 + 454 * 2, 9);
    expect(result.bars).toBe(22);
  });
});

describe('EventDrivenBacktester: event log, determinism and replay', () => {
  const data = barsFromCloses({ 'AAA.X': randomWalk(1, 400), 'BBB.X': randomWalk(2, 400), 'CCC.X': randomWalk(3, 400) });
  const run = () => new EventDrivenBacktester({ initialCash: 50_000 }).run(crossoverAlgorithm(5, 20), data);

  it('numbers events 0, 1, 2, … and starts and ends the log', () => {
    const result = run();
    const events = [...result.eventLog];
    events.forEach((e, i) => expect(e.seq).toBe(i));
    expect(events[0]!.kind).toBe('start');
    expect(events[events.length - 1]!.kind).toBe('end');
    expect(result.eventLog.filter('market')).toHaveLength(400);
    expect(result.fills.length).toBeGreaterThan(5);
  });

  it('dates the statistics with the first and last bar processed', () => {
    const times = [...run().eventLog.filter('market')].map((e) => e.time);
    const { startTime, endTime } = run().statistics;
    expect(startTime).toBe(times[0]);
    expect(endTime).toBe(times.at(-1));
    expect(endTime! - startTime!).toBeGreaterThan(0);
  });

  it('gives byte-identical logs for two runs, and a different log for other data', () => {
    const a = run().eventLog.toJsonl();
    const b = run().eventLog.toJsonl();
    expect(a.length).toBeGreaterThan(10_000);
    expect(a === b).toBe(true);
    const other = new EventDrivenBacktester({ initialCash: 50_000 }).run(
      crossoverAlgorithm(5, 20),
      barsFromCloses({ 'AAA.X': randomWalk(9, 400), 'BBB.X': randomWalk(2, 400), 'CCC.X': randomWalk(3, 400) }),
    );
    expect(other.eventLogHash).not.toBe(run().eventLogHash);
  });

  it('hashes the JSON Lines bytes with SHA-256', () => {
    const result = run();
    expect(result.eventLogHash).toBe(createHash('sha256').update(result.eventLog.toJsonl()).digest('hex'));
  });

  it('replays the log to the same fills, orders, trades, equity, statistics and risk events', () => {
    const original = run();
    for (const log of [original.eventLog, EventLog.fromJsonl(original.eventLog.toJsonl()), EventLog.fromArrow(original.eventLog.toArrow())]) {
      const again = replay(log, original.config);
      expect(again.fills).toEqual(original.fills);
      expect(again.orders).toEqual(original.orders);
      expect(again.trades).toEqual(original.trades);
      expect(again.openTrades).toEqual(original.openTrades);
      expect(again.equityCurve).toEqual(original.equityCurve);
      expect(again.portfolio).toEqual(original.portfolio);
      expect(again.statistics).toEqual(original.statistics);
      expect(again.riskEvents).toEqual(original.riskEvents);
      expect(again.eventLogHash).toBe(original.eventLogHash);
    }
  });
});

describe('EventDrivenBacktester: risk and pre-trade decisions', () => {
  const data = barsFromCloses({ 'AAA.X': randomWalk(11, 300), 'BBB.X': randomWalk(12, 300) });
  const aaa = SymbolId.parse('AAA.X');

  it('lets a risk model overrule the alpha and records every decision', () => {
    class BanAaa implements RiskManagementModel {
      readonly name = 'BanAaa';
      manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
        return targets.map((t) => {
          if (t.symbol !== aaa || ctx.targetQuantity(t) === 0) return t;
          ctx.recordRiskDecision({ model: this.name, symbol: aaa, action: 'zero', reason: 'AAA is banned', details: { before: ctx.targetQuantity(t) } });
          return { symbol: aaa, quantity: 0 };
        });
      }
    }
    const result = new EventDrivenBacktester().run(crossoverAlgorithm(5, 20, { risk: new BanAaa() }), data);
    expect(result.riskEvents.length).toBeGreaterThan(0);
    expect(result.riskEvents.every((e) => e.model === 'BanAaa' && e.symbol === 'AAA.X' && e.action === 'zero')).toBe(true);
    expect(result.fills.some((f) => f.symbol === aaa)).toBe(false);
    expect(result.fills.length).toBeGreaterThan(0);
  });

  it('never submits an order a pre-trade control rejects', () => {
    const checked: number[] = [];
    const maxQty: PreTradeControl = {
      name: 'MaxQuantity',
      check: (_ctx, request) => {
        checked.push(request.quantity);
        return Math.abs(request.quantity) > 100 ? { accepted: false, rule: 'max_order_quantity', reason: `|${request.quantity}| > 100`, details: { limit: 100 } } : ACCEPTED;
      },
    };
    const result = new EventDrivenBacktester().run(crossoverAlgorithm(5, 20, { preTradeControls: [maxQty] }), data);
    expect(checked.length).toBeGreaterThan(0);
    expect(result.orders).toHaveLength(0);
    expect(result.fills).toHaveLength(0);
    const rejections = result.riskEvents.filter((e) => e.action === 'reject');
    expect(rejections).toHaveLength(checked.length);
    expect(rejections[0]!.details).toMatchObject({ rule: 'max_order_quantity', limit: 100 });
  });
});

describe('EventDrivenBacktester: insight lifecycle', () => {
  it('closes the position when a timed insight expires', () => {
    const sym = SymbolId.parse('AAA.X');
    class OneShot implements AlphaModel {
      readonly name = 'OneShot';
      update(_ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
        return slice.time === T0 + 2 * DAY ? [{ symbol: sym, direction: 'up', period: 3 * DAY }] : [];
      }
    }
    const result = new EventDrivenBacktester({ freePortfolioValuePct: 0 }).run(
      crossoverAlgorithm(3, 8, { alpha: new OneShot() }),
      barsFromCloses({ 'AAA.X': [10, 10, 10, 10, 10, 10, 10, 10, 10, 10] }),
    );
    // Emitted at bar 2, expires at bar 5 (2 + 3 days): buy fills at bar 3, sell at bar 6.
    expect(result.fills.map((f) => [Math.round((f.time - T0) / DAY), Math.sign(f.quantity)])).toEqual([
      [3, 1],
      [6, -1],
    ]);
    expect(result.trades).toHaveLength(1);
  });
});

describe('EventDrivenBacktester: progress and kill switch', () => {
  const data = barsFromCloses({ 'AAA.X': randomWalk(21, 1000), 'BBB.X': randomWalk(22, 1000) });

  it('emits progress frames every N bars with percent and bars per second', () => {
    const progress = new ProgressEmitter(new ManualClock(0));
    const frames: ProgressFrame[] = [];
    progress.on('progress', (f) => frames.push(f));
    new EventDrivenBacktester({ progressEvery: 500, progress, taskId: 'bt-7' }).run(crossoverAlgorithm(5, 20), data);
    const ticks = frames.filter((f) => f.stage === 'backtest.progress');
    expect(ticks).toHaveLength(4); // 2,000 bars / 500
    expect(ticks.map((f) => f['bars'])).toEqual([500, 1000, 1500, 2000]);
    expect(ticks[1]!['percent']).toBe(50);
    expect(ticks.every((f) => f.task_id === 'bt-7' && typeof f['barsPerSec'] === 'number')).toBe(true);
    expect(frames[frames.length - 1]!.stage).toBe('backtest.completed');
  });

  it('stops at the next event when halted and says so in the partial result', () => {
    const killSwitch = new KillSwitch();
    const progress = new ProgressEmitter(new ManualClock(0));
    progress.on('progress', (f) => {
      if (f['bars'] === 600) killSwitch.halt('operator stop');
    });
    const result = new EventDrivenBacktester({ progressEvery: 200, progress, killSwitch }).run(crossoverAlgorithm(5, 20), data);
    expect(result.halted).toBe(true);
    expect(result.haltReason).toBe('operator stop');
    expect(result.equityCurve.equity).toHaveLength(300);
    expect(result.statistics.endTime).toBe(result.equityCurve.timestamps[299]);
    expect([...result.eventLog].at(-1)).toMatchObject({ kind: 'end', halted: true, reason: 'operator stop' });
  });

  it('can be halted from outside while running asynchronously', async () => {
    const killSwitch = new KillSwitch();
    const pending = new EventDrivenBacktester({ progressEvery: 100, killSwitch }).runAsync(crossoverAlgorithm(5, 20), data);
    await new Promise((resolve) => setImmediate(resolve));
    killSwitch.halt('signal');
    const result = await pending;
    expect(result.halted).toBe(true);
    expect(result.equityCurve.equity.length).toBeLessThan(1000);
  });
});

describe('EventDrivenBacktester: settings', () => {
  it('names the offending setting', () => {
    expect(() => new EventDrivenBacktester({ initialCash: -5 })).toThrow(/backtest\.initialCash/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BpsFee,
  EventDrivenBacktester,
  FixedBpsSlippage,
  FrameworkAlgorithm,
  InMemoryPersistence,
  KillSwitch,
  PaperTradingSession,
  ReplayFeed,
  SymbolId,
  jsonSafe,
  summarizeBacktest,
  syntheticBars,
} from '@alphaswarm/core';
import type { AlgorithmContext, BacktestResult, BarFrame, BrokerOrderRequest, Insight, InsightInit, OrderRequest, OrderUpdate, PortfolioTarget, Slice } from '@alphaswarm/core';
import { SimulatedBroker } from '../../src/index.js';

// Test-local stage models (the adapters package does not depend on the strategies package).
class CrossAlpha {
  readonly name = 'CrossAlpha';
  private readonly last = new Map<SymbolId, number>();
  constructor(
    private readonly fast: number,
    private readonly slow: number,
  ) {}
  update(ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
    const out: InsightInit[] = [];
    for (const s of slice.symbols) {
      const c = ctx.history(s, 'close', this.slow);
      if (c.length < this.slow) continue;
      const mean = (xs: Float64Array): number => xs.reduce((a, b) => a + b, 0) / xs.length;
      const sign = Math.sign(mean(c.subarray(this.slow - this.fast)) - mean(c));
      if (sign !== 0 && sign !== this.last.get(s)) {
        out.push({ symbol: s, direction: sign > 0 ? 'up' : 'down' });
        this.last.set(s, sign);
      }
    }
    return out;
  }
}

class EqualWeight {
  readonly name = 'EqualWeight';
  createTargets(_ctx: AlgorithmContext, insights: readonly Insight[]): readonly PortfolioTarget[] {
    return insights.map((i) => ({ symbol: i.symbol, weight: (0.9 * i.sign) / insights.length }));
  }
}

/** A trailing stop with state, to exercise the restart. */
class PeakStop {
  readonly name = 'PeakStop';
  private readonly peaks = new Map<SymbolId, number>();
  manageRisk(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly PortfolioTarget[] {
    let out: PortfolioTarget[] | undefined;
    for (const s of ctx.securities.available) {
      const held = ctx.portfolio.quantity(s);
      const price = ctx.securities.price(s);
      if (held === 0 || price === undefined) {
        this.peaks.delete(s);
        continue;
      }
      const peak = Math.max(this.peaks.get(s) ?? price, held > 0 ? price : -price);
      this.peaks.set(s, peak);
      if (held > 0 && price < peak * 0.95 && ctx.openOrders(s).length === 0) {
        ctx.recordRiskDecision({ model: this.name, symbol: s, action: 'liquidate', reason: 'below peak' });
        (out ??= [...targets]).push({ symbol: s, quantity: 0 });
        this.peaks.delete(s);
      }
    }
    return out ?? targets;
  }
}

class MarketOrders {
  readonly name = 'MarketOrders';
  constructor(private readonly limitOffset = 0) {}
  execute(ctx: AlgorithmContext, targets: readonly PortfolioTarget[]): readonly OrderRequest[] {
    const out: OrderRequest[] = [];
    for (const t of targets) {
      const delta = ctx.targetQuantity(t) - ctx.portfolio.quantity(t.symbol) - ctx.openOrders(t.symbol).reduce((a, o) => a + o.remainingQuantity, 0);
      if (delta === 0) continue;
      const price = ctx.securities.price(t.symbol) ?? 1;
      out.push(this.limitOffset === 0 ? { symbol: t.symbol, quantity: delta } : { symbol: t.symbol, quantity: delta, type: 'limit', limitPrice: Math.round(price * (1 + Math.sign(delta) * this.limitOffset) * 100) / 100 });
    }
    return out;
  }
}

function algorithm(fast = 5, slow = 20, limitOffset = 0): FrameworkAlgorithm {
  return new FrameworkAlgorithm({
    name: 'sim-test',
    universe: { name: 'All', select: (ctx: AlgorithmContext) => ctx.securities.available },
    alpha: new CrossAlpha(fast, slow),
    portfolio: new EqualWeight(),
    risk: new PeakStop(),
    execution: new MarketOrders(limitOffset),
  });
}

const COSTS = { fees: new BpsFee(3), slippage: new FixedBpsSlippage(5) };
const CASH = 250_000;
const fills = (r: BacktestResult): unknown[] => r.fills.map((f) => [f.time, f.symbol.value, f.quantity, f.price, f.fee]);

function run(frame: BarFrame, persistence = new InMemoryPersistence(), extra: { killSwitch?: KillSwitch; fast?: number; slow?: number; limit?: number; onCycle?: (cycle: number) => void } = {}) {
  return new PaperTradingSession({
    sessionId: 'sim',
    algorithm: algorithm(extra.fast, extra.slow, extra.limit),
    feed: new ReplayFeed(frame),
    broker: new SimulatedBroker({ initialCash: CASH, ...COSTS }),
    persistence,
    initialCash: CASH,
    ...(extra.killSwitch === undefined ? {} : { killSwitch: extra.killSwitch }),
    ...(extra.onCycle === undefined ? {} : { onCycle: (s: { cycle: number }) => extra.onCycle?.(s.cycle) }),
  }).run();
}

describe('SimulatedBroker in a paper session', () => {
  it('gives exactly the fills, event log and summary of the backtest of the same spec (synthetic market)', async () => {
    const frame = syntheticBars({ symbols: ['AAPL.NASDAQ', 'MSFT.NASDAQ', 'SPY.ARCA'], bars: 400, seed: 42, start: '2015-01-02' });
    const engine = new EventDrivenBacktester({ initialCash: CASH, ...COSTS }).run(algorithm(), frame);
    const outcome = await run(frame);
    expect(engine.fills.length).toBeGreaterThan(20);
    expect(fills(outcome.result)).toEqual(fills(engine));
    expect(outcome.result.eventLogHash).toBe(engine.eventLogHash);
    expect(jsonSafe(outcome.summary)).toEqual(jsonSafe(summarizeBacktest(engine)));
  });

  it('keeps parity with limit orders and any seed (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1e6 }), fc.constantFrom(0, 0.002), async (seed, limit) => {
        const frame = syntheticBars({ symbols: 2, bars: 150, seed, start: '2020-01-01' });
        const engine = new EventDrivenBacktester({ initialCash: CASH, ...COSTS }).run(algorithm(3, 10, limit), frame);
        const outcome = await run(frame, new InMemoryPersistence(), { fast: 3, slow: 10, limit });
        expect(outcome.result.eventLogHash).toBe(engine.eventLogHash);
      }),
      { numRuns: 8, seed: 5 },
    );
  });

  it('restarts from its saved state: a session killed at bar k and resumed ends as the uninterrupted one', async () => {
    const frame = syntheticBars({ symbols: ['AAPL.NASDAQ', 'MSFT.NASDAQ'], bars: 250, seed: 9, start: '2015-01-02' });
    const reference = new InMemoryPersistence();
    const whole = await run(frame, reference);
    for (const k of [31, 177]) {
      const persistence = new InMemoryPersistence();
      const killSwitch = new KillSwitch();
      const first = await run(frame, persistence, { killSwitch, onCycle: (c) => c === k && killSwitch.halt('kill') });
      expect(first.status).toBe('halted');
      // The broker's working orders and account are in the saved state.
      const saved = (await persistence.loadSessionState('sim'))!.state as { broker: { orders: unknown[]; portfolio: unknown } };
      expect(saved.broker.portfolio).toEqual(JSON.parse(JSON.stringify(first.result.portfolio)));
      const resumed = await run(frame, persistence);
      expect(resumed.result.portfolio).toEqual(whole.result.portfolio);
      expect(fills(resumed.result)).toEqual(fills(whole.result));
      expect(await persistence.listJournal({ sessionId: 'sim' })).toEqual(await reference.listJournal({ sessionId: 'sim' }));
    }
  });
});

describe('SimulatedBroker', () => {
  const A = SymbolId.parse('AAA.X');
  const T = Date.UTC(2024, 0, 2);
  const bar = (time: number, price: number): Slice => {
    const view = { time, open: price, high: price * 1.01, low: price * 0.99, close: price, volume: 1e6 };
    return { time, symbols: [A], bar: (s: SymbolId) => (s === A ? view : undefined), has: (s: SymbolId) => s === A };
  };
  const request = (clientOrderId: string, quantity: number, extra: Partial<BrokerOrderRequest> = {}): BrokerOrderRequest => ({
    clientOrderId,
    symbol: A,
    quantity,
    type: 'market',
    timeInForce: 'gtc',
    createdAt: T,
    ...extra,
  });

  it('fills from the next bar at its open, books the account, and reports through sync and listeners', async () => {
    const broker = new SimulatedBroker({ initialCash: 10_000, fees: new BpsFee(10) });
    const seen: OrderUpdate[] = [];
    const off = broker.onOrderUpdate((u) => seen.push(u));
    const placed = await broker.submit(request('c-1', 50));
    expect(placed).toMatchObject({ id: 'sim-1', clientOrderId: 'c-1', status: 'submitted' });
    expect(await broker.sync(bar(T, 100))).toEqual([]);
    const updates = await broker.sync(bar(T + 86_400_000, 101));
    // 50 × 101 = 5,050; fee 10 bps = 5.05; cash 10,000 − 5,055.05 = 4,944.95.
    expect(updates.map((u) => (u.kind === 'fill' ? [u.fill.quantity, u.fill.price, u.fill.fee] : u.kind))).toEqual([[50, 101, expect.closeTo(5.05, 10)]]);
    expect(seen).toEqual(updates);
    off();
    const account = await broker.account();
    expect(account.cash).toBeCloseTo(4_944.95, 9);
    expect(account.equity).toBeCloseTo(4_944.95 + 5_050, 9);
    expect(account.buyingPower).toBeCloseTo(account.equity - 5_050, 9);
    expect((await broker.positions()).map((p) => [p.symbol.value, p.quantity, p.averagePrice])).toEqual([['AAA.X', 50, 101]]);
    expect(await broker.openOrders()).toEqual([]);
  });

  it('submits a client id once, and reports a cancellation at the next sync', async () => {
    const broker = new SimulatedBroker({ initialCash: 1_000 });
    const a = await broker.submit(request('c-1', 1, { type: 'limit', limitPrice: 1 }));
    const b = await broker.submit(request('c-1', 1, { type: 'limit', limitPrice: 1 }));
    expect(b).toEqual(a);
    expect(await broker.openOrders()).toHaveLength(1);
    await broker.cancel('c-1');
    await broker.cancel('nope');
    const updates = await broker.sync(bar(T + 86_400_000, 50));
    expect(updates.map((u) => [u.kind, u.clientOrderId, u.kind === 'fill' ? '' : u.reason])).toEqual([['cancelled', 'c-1', 'cancelled by client']]);
    expect(await broker.openOrders()).toEqual([]);
  });

  it('rejects orders it cannot fund, as the backtester does', async () => {
    const broker = new SimulatedBroker({ initialCash: 1_000 });
    await broker.submit(request('c-1', 100));
    const updates = await broker.sync(bar(T + 86_400_000, 100));
    expect(updates.map((u) => [u.kind, u.kind === 'fill' ? '' : u.reason])).toEqual([['rejected', 'insufficient buying power: needs 10,000.00, has 1,000.00']]);
  });

  it('saves and restores its account and working orders', async () => {
    const broker = new SimulatedBroker({ initialCash: 10_000 });
    await broker.submit(request('c-1', 10));
    await broker.sync(bar(T + 86_400_000, 100));
    await broker.submit(request('c-2', 5, { type: 'limit', limitPrice: 90, createdAt: T + 86_400_000 }));
    const copy = new SimulatedBroker({ initialCash: 10_000 });
    copy.loadState(JSON.parse(JSON.stringify(broker.saveState())));
    expect(await copy.account()).toEqual(await broker.account());
    expect(await copy.openOrders()).toEqual(await broker.openOrders());
    const next = bar(T + 2 * 86_400_000, 89);
    expect(await copy.sync(next)).toEqual(await broker.sync(next));
    expect(() => copy.loadState({ version: 1, portfolio: {}, nextId: 0, orders: [] })).toThrow(/state\.nextId/);
  });
});

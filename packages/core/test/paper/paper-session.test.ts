import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlgorithmContext, AlphaModel, BacktestResult, BarSource, BrokerAdapter, BrokerOrder, BrokerOrderRequest, CycleSummary, FrameworkAlgorithm, InsightInit, JournalEntry, ProgressFrame, Slice } from '../../src/index.js';
import {
  BpsFee,
  BrokerError,
  BrokerRejectedError,
  CompositeRiskManagementModel,
  EventDrivenBacktester,
  FixedBpsSlippage,
  InMemoryPersistence,
  KillSwitch,
  ManualClock,
  PaperTradingSession,
  ProgressEmitter,
  ReplayFeed,
  SessionResumeError,
  jsonSafe,
  summarizeBacktest,
} from '../../src/index.js';
import { DayLossFlagRisk, EngineBroker, LimitExecution, PeakStopRisk, SmaCrossAlpha, barsFromCloses, crossoverAlgorithm, randomWalk } from './fixtures.js';

const COSTS = { fees: new BpsFee(5), slippage: new FixedBpsSlippage(10) };
const CASH = 100_000;

function market(n = 260, seed = 7): BarSource {
  return barsFromCloses({ 'AAA.X': randomWalk(seed, n, 100, 0.02), 'BBB.X': randomWalk(seed + 1, n, 50, 0.025), 'CCC.X': randomWalk(seed + 2, n, 20, 0.03) });
}

/** A crossover with two stateful risk models (a trailing peak stop and a daily-loss flag). */
function riskyAlgorithm(): FrameworkAlgorithm {
  return crossoverAlgorithm({ fast: 4, slow: 12, longOnly: false, risk: new CompositeRiskManagementModel([new PeakStopRisk(0.04), new DayLossFlagRisk(0.01)]) });
}

interface SessionSetup {
  readonly data: BarSource;
  readonly algorithm: FrameworkAlgorithm;
  readonly persistence: InMemoryPersistence;
  readonly broker?: BrokerAdapter;
  readonly sessionId?: string;
  readonly killSwitch?: KillSwitch;
  readonly onCycle?: (summary: CycleSummary, session: PaperTradingSession) => void;
  readonly progress?: ProgressEmitter;
  readonly specHash?: string;
}

function session(setup: SessionSetup): PaperTradingSession {
  const self: PaperTradingSession = new PaperTradingSession({
    sessionId: setup.sessionId ?? 'paper-test',
    algorithm: setup.algorithm,
    feed: new ReplayFeed(setup.data),
    broker: setup.broker ?? new EngineBroker(CASH, COSTS),
    persistence: setup.persistence,
    initialCash: CASH,
    wallClock: new ManualClock(0),
    ...(setup.killSwitch === undefined ? {} : { killSwitch: setup.killSwitch }),
    ...(setup.progress === undefined ? {} : { progress: setup.progress }),
    ...(setup.specHash === undefined ? {} : { specHash: setup.specHash }),
    ...(setup.onCycle === undefined ? {} : { onCycle: (s: CycleSummary) => setup.onCycle?.(s, self) }),
  });
  return self;
}

function backtest(data: BarSource, algorithm: FrameworkAlgorithm, extra: { killSwitch?: KillSwitch } = {}): BacktestResult {
  return new EventDrivenBacktester({ initialCash: CASH, ...COSTS, ...extra }).run(algorithm, data);
}

const fillRows = (r: BacktestResult): unknown[] => r.fills.map((f) => [f.time, f.symbol.value, f.quantity, f.price, f.fee]);
const journalRows = async (p: InMemoryPersistence, id = 'paper-test'): Promise<unknown[]> =>
  (await p.listJournal({ sessionId: id })).map((e: JournalEntry) => [e.seq, e.time, e.kind, e.payload]);
const savedState = async (p: InMemoryPersistence, id = 'paper-test'): Promise<unknown> => (await p.loadSessionState(id))?.state;

describe('PaperTradingSession: parity with the backtester', () => {
  it('produces exactly the fills, event log and statistics of the backtest of the same data and algorithm', async () => {
    const data = market();
    const engine = backtest(data, riskyAlgorithm());
    const outcome = await session({ data, algorithm: riskyAlgorithm(), persistence: new InMemoryPersistence() }).run();
    expect(engine.fills.length).toBeGreaterThan(10);
    expect(engine.riskEvents.some((e) => e.action === 'liquidate')).toBe(true);
    expect(fillRows(outcome.result)).toEqual(fillRows(engine));
    expect(outcome.result.eventLogHash).toBe(engine.eventLogHash);
    expect(outcome.result.portfolio).toEqual(engine.portfolio);
    expect(jsonSafe(outcome.summary)).toEqual(jsonSafe(summarizeBacktest(engine)));
    expect(outcome.status).toBe('completed');
    expect(outcome.cycles).toBe(260);
  });

  it('keeps parity for any prices, windows, order types and times in force (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 6, max: 15 }),
        fc.constantFrom('market', 'limit-gtc', 'limit-day'),
        async (seed, fast, slow, kind) => {
          const data = market(90, seed);
          const build = (): FrameworkAlgorithm =>
            crossoverAlgorithm({
              fast,
              slow,
              longOnly: seed % 2 === 0,
              risk: new PeakStopRisk(0.03),
              ...(kind === 'market' ? {} : { execution: new LimitExecution(0.005, kind === 'limit-day' ? 'day' : 'gtc') }),
            });
          const engine = backtest(data, build());
          const outcome = await session({ data, algorithm: build(), persistence: new InMemoryPersistence() }).run();
          expect(fillRows(outcome.result)).toEqual(fillRows(engine));
          expect(outcome.result.eventLogHash).toBe(engine.eventLogHash);
        },
      ),
      { numRuns: 12, seed: 42 },
    );
  });

  it('stops like the engine when a model halts the kill switch in the middle of a step', async () => {
    const data = market(120, 3);
    const haltAt = (ks: KillSwitch | undefined, time: number): AlphaModel => {
      const inner = new SmaCrossAlpha(3, 8, false);
      return {
        name: inner.name,
        update(ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
          const out = inner.update(ctx, slice);
          if (out.length > 0 && slice.time >= time && ks !== undefined && !ks.isHalted) ctx.killSwitch.halt('model halt');
          return out;
        },
      };
    };
    // Find the time of the tenth signal, then halt there in both runs.
    const probe = backtest(data, crossoverAlgorithm({ longOnly: false }));
    const signalTime = probe.eventLog.filter('signal')[10]!.time;
    const engineSwitch = new KillSwitch();
    const engine = backtest(data, withAlpha(crossoverAlgorithm({ longOnly: false }), haltAt(engineSwitch, signalTime)), { killSwitch: engineSwitch });
    const sessionSwitch = new KillSwitch();
    const persistence = new InMemoryPersistence();
    const first = await session({ data, algorithm: withAlpha(crossoverAlgorithm({ longOnly: false }), haltAt(sessionSwitch, signalTime)), persistence, killSwitch: sessionSwitch }).run();
    expect(first.status).toBe('halted');
    expect(first.result.eventLogHash).toBe(engine.eventLogHash);
    expect(fillRows(first.result)).toEqual(fillRows(engine));
    // The resumed session replays the cut step as it happened (the signal never processed), then goes on.
    const resumed = await session({ data, algorithm: withAlpha(crossoverAlgorithm({ longOnly: false }), haltAt(undefined, Infinity)), persistence }).run();
    expect(resumed.status).toBe('completed');
    expect(resumed.resumedCycles).toBe(first.cycles);
    const before = [...first.result.eventLog].filter((e) => e.kind !== 'end');
    expect([...resumed.result.eventLog].slice(0, before.length)).toEqual(before);
  });
});

function crashOnAppend(persistence: InMemoryPersistence, at: number): void {
  let appends = 0;
  const append = persistence.appendJournal.bind(persistence);
  persistence.appendJournal = async (input) => {
    appends += 1;
    if (appends === at) {
      persistence.appendJournal = append;
      throw new Error('disk full');
    }
    return append(input);
  };
}

function withAlpha(algorithm: FrameworkAlgorithm, alpha: AlphaModel): FrameworkAlgorithm {
  return Object.assign(Object.create(Object.getPrototypeOf(algorithm) as object) as FrameworkAlgorithm, algorithm, { alpha });
}

describe('PaperTradingSession: restart safety', () => {
  const data = market(150, 11);
  let reference: Promise<{ outcome: Awaited<ReturnType<PaperTradingSession['run']>>; persistence: InMemoryPersistence }> | undefined;

  function uninterrupted(): Promise<{ outcome: Awaited<ReturnType<PaperTradingSession['run']>>; persistence: InMemoryPersistence }> {
    reference ??= (async () => {
      const persistence = new InMemoryPersistence();
      const outcome = await session({ data, algorithm: riskyAlgorithm(), persistence }).run();
      return { outcome, persistence };
    })();
    return reference;
  }

  async function expectSameAsUninterrupted(persistence: InMemoryPersistence, resumedOutcome: Awaited<ReturnType<PaperTradingSession['run']>>): Promise<void> {
    const reference = await uninterrupted();
    expect(resumedOutcome.status).toBe('completed');
    expect(resumedOutcome.result.portfolio).toEqual(reference.outcome.result.portfolio);
    expect(fillRows(resumedOutcome.result)).toEqual(fillRows(reference.outcome.result));
    expect(resumedOutcome.result.eventLogHash).toBe(reference.outcome.result.eventLogHash);
    expect(await journalRows(persistence)).toEqual(await journalRows(reference.persistence));
    expect(await savedState(persistence)).toEqual(await savedState(reference.persistence));
  }

  it('a session halted by the kill switch at any cycle and resumed reaches the uninterrupted final state (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 148 }), async (k) => {
        const persistence = new InMemoryPersistence();
        const killSwitch = new KillSwitch();
        const first = await session({ data, algorithm: riskyAlgorithm(), persistence, killSwitch, onCycle: (s) => s.cycle === k && killSwitch.halt('operator') }).run();
        expect(first.status).toBe('halted');
        expect(first.cycles).toBe(k + 1);
        expect(((await savedState(persistence)) as { status: string }).status).toBe('halted');
        const broker = new EngineBroker(CASH, COSTS);
        const resumed = await session({ data, algorithm: riskyAlgorithm(), persistence, broker }).run();
        expect(resumed.resumedCycles).toBe(k + 1);
        await expectSameAsUninterrupted(persistence, resumed);
      }),
      { numRuns: 4, seed: 7, examples: [[0], [57]] },
    );
  });

  it('resumes after stop() and after a crash between the journal and the state, with the same journal', async () => {
    // Stopped gracefully at cycle 80.
    const stopped = new InMemoryPersistence();
    const first = await session({ data, algorithm: riskyAlgorithm(), persistence: stopped, onCycle: (s, self) => s.cycle === 80 && self.stop('maintenance') }).run();
    expect(first.status).toBe('stopped');
    expect(first.haltReason).toBe('maintenance');
    expect(first.result.halted).toBe(false);
    await expectSameAsUninterrupted(stopped, await session({ data, algorithm: riskyAlgorithm(), persistence: stopped }).run());

    // Crashed after writing cycle k's journal, before saving its state: cycle k runs again and its entries are not written twice.
    for (const crashAtSave of [40, 121]) {
      const persistence = new InMemoryPersistence();
      let saves = 0;
      const save = persistence.saveSessionState.bind(persistence);
      persistence.saveSessionState = async (id, state) => {
        saves += 1;
        if (saves === crashAtSave) throw new Error('process killed');
        return save(id, state);
      };
      await expect(session({ data, algorithm: riskyAlgorithm(), persistence }).run()).rejects.toThrow('process killed');
      persistence.saveSessionState = save;
      await expectSameAsUninterrupted(persistence, await session({ data, algorithm: riskyAlgorithm(), persistence }).run());
    }
  });

  /** The append (1-based) to fail so that a cycle with fills has written its first two entries only. */
  async function midCycleAppend(): Promise<number> {
    const journal = await (await uninterrupted()).persistence.listJournal({ sessionId: 'paper-test' });
    const cycleOf = (e: JournalEntry | undefined): number => (e?.payload as { cycle?: number } | undefined)?.cycle ?? -1;
    const third = journal.find((e, i) => i >= 2 && journal[i - 2]!.kind === 'snapshot' && journal[i - 1]!.kind === 'fill' && cycleOf(journal[i - 2]) === cycleOf(e) && e.seq > 20)!;
    return third.seq + 1;
  }

  it('does not write the entries of a cycle interrupted while journaling twice', async () => {
    const persistence = new InMemoryPersistence();
    crashOnAppend(persistence, await midCycleAppend());
    await expect(session({ data, algorithm: riskyAlgorithm(), persistence }).run()).rejects.toThrow('disk full');
    await expectSameAsUninterrupted(persistence, await session({ data, algorithm: riskyAlgorithm(), persistence }).run());
  });

  it('voids the entries of an interrupted cycle that its re-run did not repeat, and replays without them', async () => {
    const persistence = new InMemoryPersistence();
    crashOnAppend(persistence, await midCycleAppend());
    await expect(session({ data, algorithm: riskyAlgorithm(), persistence }).run()).rejects.toThrow('disk full');
    const orphans = await persistence.listJournal({ sessionId: 'paper-test' });
    const committed = ((await savedState(persistence)) as { journalCount: number }).journalCount;
    expect(orphans.length).toBe(committed + 2);
    // The re-run of the interrupted cycle cannot reach the broker: it journals an error instead of the fills.
    const inner = new EngineBroker(CASH, COSTS);
    let first = true;
    const unreachable = Object.assign(Object.create(inner) as EngineBroker, {
      sync: async (slice: Slice) => {
        if (first) {
          first = false;
          throw new BrokerError('BROKER_UNAVAILABLE', 'connection refused');
        }
        return inner.sync(slice);
      },
    });
    const killSwitch = new KillSwitch();
    const second = await session({ data, algorithm: riskyAlgorithm(), persistence, broker: unreachable, killSwitch, onCycle: (s) => s.cycle === 120 && killSwitch.halt('x') }).run();
    expect(second.status).toBe('halted');
    const journal = await persistence.listJournal({ sessionId: 'paper-test' });
    const voids = journal.filter((e) => e.kind === 'void');
    expect(voids).toHaveLength(1);
    expect(voids[0]!.payload).toMatchObject({ fromSeq: committed, toSeq: orphans.length - 1 });
    expect(journal.some((e) => e.kind === 'error' && (e.payload as { message: string }).message === 'broker sync failed: connection refused')).toBe(true);
    // A third run replays the journal without the voided entries and rebuilds exactly the saved state.
    const third = await session({ data, algorithm: riskyAlgorithm(), persistence }).run();
    expect(third.status).toBe('completed');
    expect(third.resumedCycles).toBe(121);
  });

  it('rebuilds a resumed session even when it is stopped or halted before it starts, then ends at once with the state unchanged', async () => {
    const persistence = new InMemoryPersistence();
    const killSwitch = new KillSwitch();
    await session({ data, algorithm: riskyAlgorithm(), persistence, killSwitch, onCycle: (s) => s.cycle === 60 && killSwitch.halt('x') }).run();
    const before = (await savedState(persistence)) as Record<string, unknown>;
    const stopped = session({ data, algorithm: riskyAlgorithm(), persistence });
    stopped.stop('not now');
    const outcome = await stopped.run();
    expect([outcome.status, outcome.cycles, outcome.haltReason]).toEqual(['stopped', 61, 'not now']);
    const halted = new KillSwitch();
    halted.halt('still halted');
    const second = await session({ data, algorithm: riskyAlgorithm(), persistence, killSwitch: halted }).run();
    expect([second.status, second.cycles]).toEqual(['halted', 61]);
    const after = (await savedState(persistence)) as Record<string, unknown>;
    expect({ ...after, status: null, haltReason: null }).toEqual({ ...before, status: null, haltReason: null });
  });

  it('re-running a completed session rebuilds it and sends nothing to the broker', async () => {
    const { outcome, persistence } = await uninterrupted();
    const broker = new EngineBroker(CASH, COSTS);
    const again = await session({ data, algorithm: riskyAlgorithm(), persistence, broker }).run();
    expect(broker.submitted).toBe(0);
    expect(again.resumedCycles).toBe(150);
    expect(jsonSafe(again.summary)).toEqual(jsonSafe(outcome.summary));
  });

  it('refuses to resume with another spec, and when the replay does not rebuild the saved state', async () => {
    const persistence = new InMemoryPersistence();
    const killSwitch = new KillSwitch();
    await session({ data, algorithm: riskyAlgorithm(), persistence, killSwitch, specHash: 'a'.repeat(64), onCycle: (s) => s.cycle === 100 && killSwitch.halt('x') }).run();
    const otherSpec = session({ data, algorithm: riskyAlgorithm(), persistence, specHash: 'b'.repeat(64) }).run();
    await expect(otherSpec).rejects.toBeInstanceOf(SessionResumeError);
    await expect(session({ data, algorithm: riskyAlgorithm(), persistence, specHash: 'b'.repeat(64) }).run()).rejects.toThrow(/specHash/);
    // Same spec hash but different model parameters: the replay diverges and the session says so.
    const changed = crossoverAlgorithm({ fast: 5, slow: 12, longOnly: false, risk: new CompositeRiskManagementModel([new PeakStopRisk(0.04), new DayLossFlagRisk(0.01)]) });
    await expect(session({ data, algorithm: changed, persistence, specHash: 'a'.repeat(64) }).run()).rejects.toMatchObject({ code: 'SESSION_RESUME_MISMATCH' });
  });
});

describe('PaperTradingSession: broker outcomes, controls and reporting', () => {
  const data = market(160, 5);

  it('books a rejected submission as a rejected order, reports it, and replays it on resume', async () => {
    const rejecting = (): BrokerAdapter => {
      const inner = new EngineBroker(CASH, COSTS);
      let n = 0;
      return Object.assign(Object.create(inner) as EngineBroker, {
        submit: async (request: BrokerOrderRequest): Promise<BrokerOrder> => {
          n += 1;
          if (n === 2) throw new BrokerRejectedError('insufficient buying power', { status: 403 });
          return inner.submit(request);
        },
      });
    };
    const reference = new InMemoryPersistence();
    const summaries: CycleSummary[] = [];
    const full = await session({ data, algorithm: riskyAlgorithm(), persistence: reference, broker: rejecting(), onCycle: (s) => summaries.push(s) }).run();
    // The simulated exchange also rejects orders it cannot fund ("insufficient buying power: needs …"); the broker's refusal of the submission reads "order rejected: …".
    const rejected = full.result.orders.filter((o) => o.status === 'rejected' && /^order rejected:/.test(o.reason ?? ''));
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.id).toBe(2);
    expect(rejected[0]!.reason).toBe('order rejected: insufficient buying power');
    const withError = summaries.filter((s) => s.errors.length > 0);
    expect(withError).toHaveLength(1);
    expect(withError[0]!.actions.rejected).toBe(1);
    const orderEntry = (await reference.listJournal({ sessionId: 'paper-test' })).find((e) => e.kind === 'order' && (e.payload as { orderId: number }).orderId === 2)!;
    expect(orderEntry.payload).toMatchObject({ submission: 'rejected', clientOrderId: 'paper-test-2' });

    const persistence = new InMemoryPersistence();
    const killSwitch = new KillSwitch();
    const cycleOfReject = withError[0]!.cycle;
    await session({ data, algorithm: riskyAlgorithm(), persistence, broker: rejecting(), killSwitch, onCycle: (s) => s.cycle === cycleOfReject + 3 && killSwitch.halt('x') }).run();
    const resumed = await session({ data, algorithm: riskyAlgorithm(), persistence, broker: new EngineBroker(CASH, COSTS) }).run();
    // After the resume the simulated exchange runs from its saved state, in which order 2 never existed.
    expect(resumed.result.orders).toEqual(full.result.orders);
    expect(resumed.result.eventLogHash).toBe(full.result.eventLogHash);
  });

  it('keeps an order whose submission timed out and books the fills the broker reports later', async () => {
    const plain = await session({ data, algorithm: riskyAlgorithm(), persistence: new InMemoryPersistence() }).run();
    const inner = new EngineBroker(CASH, COSTS);
    let n = 0;
    const flaky = Object.assign(Object.create(inner) as EngineBroker, {
      submit: async (request: BrokerOrderRequest): Promise<BrokerOrder> => {
        n += 1;
        const placed = await inner.submit(request);
        if (n === 1) throw new BrokerError('BROKER_TIMEOUT', 'no answer in 10000 ms');
        return placed;
      },
    });
    const summaries: CycleSummary[] = [];
    const outcome = await session({ data, algorithm: riskyAlgorithm(), persistence: new InMemoryPersistence(), broker: flaky, onCycle: (s) => summaries.push(s) }).run();
    expect(summaries.flatMap((s) => s.errors)).toEqual(['order paper-test-1: no answer in 10000 ms']);
    expect(fillRows(outcome.result)).toEqual(fillRows(plain.result));
  });

  it('refuses a real-money broker unless live trading is enabled', async () => {
    const live = Object.assign(Object.create(new EngineBroker(CASH)) as EngineBroker, { live: true });
    await expect(session({ data, algorithm: riskyAlgorithm(), persistence: new InMemoryPersistence(), broker: live }).run()).rejects.toMatchObject({ code: 'LIVE_TRADING_DISABLED' });
  });

  it('runs once per object', async () => {
    const s = session({ data: market(20), algorithm: riskyAlgorithm(), persistence: new InMemoryPersistence() });
    await s.run();
    await expect(s.run()).rejects.toMatchObject({ code: 'SESSION_ALREADY_RUN' });
  });

  it('emits progress frames and a summary of every cycle, and journals every decision', async () => {
    const progress = new ProgressEmitter(new ManualClock(0));
    const frames: ProgressFrame[] = [];
    progress.on('progress', (f) => frames.push(f));
    const summaries: CycleSummary[] = [];
    const persistence = new InMemoryPersistence();
    const outcome = await session({ data, algorithm: riskyAlgorithm(), persistence, progress, onCycle: (s) => summaries.push(s) }).run();
    expect(frames[0]!.stage).toBe('paper.started');
    expect(frames.at(-1)!.stage).toBe('paper.finished');
    const cycleFrames = frames.filter((f) => f.stage === 'paper.cycle');
    expect(cycleFrames).toHaveLength(160);
    expect(cycleFrames.at(-1)!['percent']).toBe(100);
    expect(summaries).toHaveLength(160);
    expect(summaries.map((s) => s.cycle)).toEqual([...Array(160).keys()]);
    expect(summaries.every((s) => s.symbols === 3 && s.durationMs === 0)).toBe(true);
    const totals = summaries.reduce((t, s) => ({ orders: t.orders + s.actions.orders, fills: t.fills + s.actions.fills }), { orders: 0, fills: 0 });
    expect(totals.fills).toBe(outcome.result.fills.length);
    expect(totals.orders).toBe(outcome.result.orders.length);

    const journal = await persistence.listJournal({ sessionId: 'paper-test' });
    const kinds = new Set(journal.map((e) => e.kind));
    for (const kind of ['snapshot', 'insights', 'targets', 'risk_targets', 'risk', 'order', 'fill']) expect(kinds).toContain(kind);
    expect(journal.filter((e) => e.kind === 'fill')).toHaveLength(outcome.result.fills.length);
    expect(journal.filter((e) => e.kind === 'order')).toHaveLength(outcome.result.orders.length);
    expect(journal.filter((e) => e.kind === 'risk')).toHaveLength(outcome.result.riskEvents.length);
    // Each cycle with activity opens with its snapshot excerpt.
    const cyclesWithActivity = new Set(journal.filter((e) => e.kind !== 'snapshot').map((e) => (e.payload as { cycle: number }).cycle));
    expect(journal.filter((e) => e.kind === 'snapshot')).toHaveLength(cyclesWithActivity.size);
    const firstSnapshot = journal.find((e) => e.kind === 'snapshot')!;
    expect(firstSnapshot.payload).toMatchObject({ symbols: 3, equity: CASH, cash: CASH });
  });
});

import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { AlgorithmContext, BotSpec, Sleep, UniverseSelectionModel } from '../../src/index.js';
import {
  InMemoryPersistence,
  ManualClock,
  ModelRegistry,
  NotAvailableError,
  SessionPaperRunner,
  SymbolId,
  botExecutionSettings,
  botLiveFeed,
  createBot,
  jsonSafe,
  loadBotSpecYaml,
  registerCoreModels,
} from '../../src/index.js';
import { EngineBroker, EqualWeightPcm, MarketExecution, PassThroughRisk, PeakStopRisk, SmaCrossAlpha } from './fixtures.js';

class ListUniverse implements UniverseSelectionModel {
  readonly name = 'StaticUniverse';
  constructor(private readonly symbols: readonly SymbolId[]) {}
  select(_ctx: AlgorithmContext): readonly SymbolId[] {
    return this.symbols;
  }
}

/** Core's models plus test models under the names specs use. */
function registry(): ModelRegistry {
  const r = registerCoreModels(new ModelRegistry());
  r.register('StaticUniverse', (k) => new ListUniverse(k.symbols.map((s) => SymbolId.parse(s))), z.object({ symbols: z.array(z.string()) }).strict(), { kind: 'universe' });
  r.register('DualMACrossoverAlpha', (k) => new SmaCrossAlpha(k.fast, k.slow, false), z.object({ fast: z.number().int(), slow: z.number().int() }).strict(), { kind: 'alpha' });
  r.register('EqualWeightPortfolio', () => new EqualWeightPcm(), z.object({}).strict(), { kind: 'portfolio' });
  r.register('NoOpRiskModel', () => new PassThroughRisk(), z.object({}).strict(), { kind: 'risk' });
  r.register('PeakStopRisk', (k) => new PeakStopRisk(k.threshold), z.object({ threshold: z.number() }).strict(), { kind: 'risk' });
  r.register('ImmediateExecutionModel', () => new MarketExecution(), z.object({}).strict(), { kind: 'execution' });
  return r;
}

const SPEC = loadBotSpecYaml(`name: Dual MA
slug: dual-ma
universe: { symbols: [AAPL.NASDAQ, MSFT.NASDAQ] }
data_pipeline: { source: synthetic, seed: 42, bars: 300, start: 2015-01-02 }
strategy:
  class: FrameworkAlgorithm
  kwargs:
    alpha_model: { class: DualMACrossoverAlpha, kwargs: { fast: 10, slow: 30 } }
    risk_model: { class: PeakStopRisk, kwargs: { threshold: 0.05 } }
backtest: { engine: event-driven, kwargs: { initial_cash: 100000.0, commission_bps: 1.0, slippage_bps: 2.0 } }
metrics: [ { name: sharpe, threshold: 0.0, direction: max } ]
`);

function setup(extra: Partial<ConstructorParameters<typeof SessionPaperRunner>[0]> = {}) {
  const persistence = new InMemoryPersistence();
  const brokers: EngineBroker[] = [];
  const runner = new SessionPaperRunner({
    persistence,
    registry: registry(),
    broker: (spec: BotSpec) => {
      const s = botExecutionSettings(spec);
      const broker = new EngineBroker(s.initialCash, { leverage: s.leverage, ...(s.fees === undefined ? {} : { fees: s.fees }), ...(s.slippage === undefined ? {} : { slippage: s.slippage }) });
      brokers.push(broker);
      return broker;
    },
    wallClock: new ManualClock(0),
    ...extra,
  });
  const bot = createBot(SPEC, { registry: registry(), paper: runner });
  return { persistence, runner, bot, brokers };
}

describe('SessionPaperRunner', () => {
  it('runs TradingBot.paper() as a replay session with the fills and the summary shape of the bot’s backtest', async () => {
    const { bot, persistence } = setup();
    const backtest = await bot.backtest();
    const summary = (await bot.paper({ replay: true })) as typeof backtest.summary;
    expect(Object.keys(summary).sort()).toEqual(Object.keys(backtest.summary).sort());
    expect(summary.fills.length).toBeGreaterThan(5);
    expect(summary.fills).toEqual(jsonSafe(backtest.summary.fills));
    expect(summary.eventLogHash).toBe(backtest.result.eventLogHash);
    expect(summary.metrics).toEqual(jsonSafe(backtest.summary.metrics));
    expect(summary.specHash).toMatch(/^[0-9a-f]{64}$/);
    const state = await persistence.loadSessionState(`paper-dual-ma-replay-${summary.specHash!.slice(0, 16)}`);
    expect(state?.state).toMatchObject({ status: 'completed', cycles: 300 });
  });

  it('resumes the same bot’s session on the next run, sending nothing again', async () => {
    const { bot, runner, brokers } = setup();
    const first = await runner.runSession(bot, { replay: true, versionId: 'v1' });
    const again = await runner.runSession(bot, { replay: true, versionId: 'v1' });
    expect(again.resumedCycles).toBe(300);
    expect(brokers[1]!.submitted).toBe(0);
    expect(jsonSafe(again.summary)).toEqual(jsonSafe(first.summary));
    expect(first.summary.versionId).toBe('v1');
    expect(first.metrics.map((m) => m.name)).toEqual(['sharpe']);
  });

  it('needs a live feed for a live session', async () => {
    const { bot } = setup();
    await expect(bot.paper({})).rejects.toBeInstanceOf(NotAvailableError);
  });

  it('runs a live session on the bot’s market data until stopped, with the fills of the replay', async () => {
    const clock = new ManualClock(Date.UTC(2030, 0, 2));
    const stopper: { runner?: SessionPaperRunner } = {};
    // The first wait for new bars stops the session.
    const sleep: Sleep = async () => stopper.runner?.stop('operator');
    const ctx = setup({ liveFeed: (spec) => botLiveFeed(spec, { clock, sleep }) });
    stopper.runner = ctx.runner;
    const live = await ctx.runner.runSession(ctx.bot, {});
    expect(live.status).toBe('stopped');
    expect(live.cycles).toBe(300);
    const replay = await setup().runner.runSession(ctx.bot, { replay: true });
    expect(live.summary.fills).toEqual(replay.summary.fills);
    expect(live.sessionId).toMatch(/^paper-dual-ma-live-/);
  });
});

import { jsonSafe, summarizeBacktest, type BacktestSummary } from '../bots/backtest-summary.js';
import type { Bot, PaperOptions, PaperRunner } from '../bots/bot.js';
import { loadBotData } from '../bots/bot-data.js';
import { NotAvailableError } from '../bots/bot-errors.js';
import type { BotSpec } from '../bots/bot-spec.js';
import { buildAlgorithm } from '../bots/build-algorithm.js';
import { evaluateMetrics, type MetricResult } from '../bots/metrics.js';
import type { BrokerAdapter } from '../broker/broker-adapter.js';
import type { ExchangeCalendar } from '../calendar/exchange-calendar.js';
import type { KillSwitch } from '../kill-switch.js';
import type { PersistenceAdapter } from '../persistence/persistence-adapter.js';
import type { ProgressEmitter } from '../progress.js';
import type { ModelRegistry } from '../registry/registry.js';
import { hashSpec } from '../spec/spec-hash.js';
import type { Clock } from '../time.js';
import { botSessionSettings } from './bot-paper-settings.js';
import { PaperTradingSession, type PaperSessionOutcome } from './paper-session.js';
import { ReplayFeed, type ReplaySpeed } from './replay-feed.js';
import type { SessionFeed } from './session-feed.js';
import type { JournalSink } from './session-journal.js';
import type { Sleep } from './sleep.js';

/** Whether a session replays the spec's stored bars or follows live market data. */
export type PaperMode = 'replay' | 'live';

/** What a {@link SessionPaperRunner} is built from. */
export interface SessionPaperRunnerOptions {
  /** Where session state and journals are kept (the runtime's persistence). */
  readonly persistence: PersistenceAdapter;
  /** Resolves the spec's model classes (the runtime's registry). */
  readonly registry: ModelRegistry;
  /**
   * Builds the broker of a bot's session, e.g. a `SimulatedBroker` of
   * `@alphaswarm/adapters` with {@link botExecutionSettings} of the spec, which
   * fills exactly as the bot's backtest.
   */
  readonly broker: (spec: BotSpec, mode: PaperMode) => BrokerAdapter;
  /** Builds the feed of a live session (e.g. {@link botLiveFeed}); without it only replays run. */
  readonly liveFeed?: (spec: BotSpec) => SessionFeed;
  /** Further journal destinations of a session (e.g. a JSON Lines file). */
  readonly journalSinks?: (sessionId: string) => readonly JournalSink[];
  /** Folder that relative data paths of specs resolve against. */
  readonly baseDir?: string;
  /** Pace of replays; default `max`. */
  readonly speed?: ReplaySpeed;
  /** Regular-hours gate for replays: slices outside the calendar's sessions are skipped. Default none. */
  readonly calendar?: ExchangeCalendar;
  /** Receives the sessions' progress frames. */
  readonly progress?: ProgressEmitter;
  /** Halts the sessions (the runtime's kill switch). */
  readonly killSwitch?: KillSwitch;
  /** Wall clock for replay pacing and cycle timing. */
  readonly wallClock?: Clock;
  /** How replays wait between paced slices. */
  readonly sleep?: Sleep;
  /** Lets a session use a real-money broker; default false. */
  readonly allowLive?: boolean;
  /** The session id of a bot's session; default `paper-<slug>-<mode>-<first 16 hex of the spec hash>`. */
  readonly sessionId?: (spec: BotSpec, mode: PaperMode, specHash: string) => string;
}

/** Per-run options: {@link PaperOptions} plus the spec version being run. */
export interface PaperRunOptions extends PaperOptions {
  /** Hash of the spec version (default: computed from the bot's spec). */
  readonly specHash?: string;
  /** Spec version id, recorded in the summary. */
  readonly versionId?: string;
  /** Overrides the session id (a new id starts a new session). */
  readonly sessionId?: string;
}

/** A session's outcome with the spec's metric verdicts; `summary` includes them. */
export interface PaperRunOutcome extends PaperSessionOutcome {
  /** Metric thresholds of the spec evaluated on the session's statistics. */
  readonly metrics: readonly MetricResult[];
}

/**
 * The paper-trading module behind `TradingBot.paper()`: the host builds it and
 * passes it to `BotRuntime` (option `paper`). Each run builds the bot's algorithm
 * from its spec, a feed (a replay of the spec's data, or the live feed) and a
 * broker, and runs a {@link PaperTradingSession} under a session id derived from
 * the bot and its spec version, so that running the same bot again resumes its
 * session (a changed spec starts a new one).
 */
export class SessionPaperRunner implements PaperRunner {
  private readonly running = new Set<PaperTradingSession>();

  /** @param options - persistence, registry, broker factory and optional services */
  constructor(private readonly options: SessionPaperRunnerOptions) {}

  /** Runs (or resumes) the bot's session; resolves to its JSON-safe summary (the shape of `alphaswarm backtest --json`). */
  async run(bot: Bot, options: PaperOptions = {}): Promise<BacktestSummary> {
    return jsonSafe((await this.runSession(bot, options)).summary);
  }

  /**
   * Runs (or resumes) the bot's session and returns everything it produced.
   *
   * @throws {@link NotAvailableError} for a live session without a `liveFeed` factory;
   * whatever {@link PaperTradingSession.run} throws.
   */
  async runSession(bot: Bot, options: PaperRunOptions = {}): Promise<PaperRunOutcome> {
    const spec = bot.spec;
    const mode: PaperMode = options.replay === true ? 'replay' : 'live';
    const specHash = options.specHash ?? hashSpec(jsonSafe(spec));
    const sessionId = options.sessionId ?? this.options.sessionId?.(spec, mode, specHash) ?? `paper-${spec.slug}-${mode}-${specHash.slice(0, 16)}`;
    const feed = await this.feedOf(spec, mode);
    const o = this.options;
    const session = new PaperTradingSession({
      ...botSessionSettings(spec),
      sessionId,
      algorithm: buildAlgorithm(spec, o.registry),
      feed,
      broker: o.broker(spec, mode),
      persistence: o.persistence,
      specHash,
      ...(options.versionId === undefined ? {} : { versionId: options.versionId }),
      ...(o.journalSinks === undefined ? {} : { journalSinks: o.journalSinks(sessionId) }),
      ...(o.progress === undefined ? {} : { progress: o.progress }),
      ...(o.killSwitch === undefined ? {} : { killSwitch: o.killSwitch }),
      ...(o.wallClock === undefined ? {} : { wallClock: o.wallClock }),
      ...(o.allowLive === undefined ? {} : { allowLive: o.allowLive }),
    });
    this.running.add(session);
    let outcome: PaperSessionOutcome;
    try {
      outcome = await session.run();
    } finally {
      this.running.delete(session);
    }
    const metrics = evaluateMetrics(outcome.result.statistics, spec.metrics);
    const summary = summarizeBacktest(outcome.result, { specHash, versionId: options.versionId ?? null, metrics });
    return { ...outcome, metrics, summary };
  }

  /** Asks every running session to stop after its current cycle. */
  stop(reason = 'stopped'): void {
    for (const session of this.running) session.stop(reason);
  }

  private async feedOf(spec: BotSpec, mode: PaperMode): Promise<SessionFeed> {
    const o = this.options;
    if (mode === 'live') {
      if (o.liveFeed === undefined) throw new NotAvailableError('live paper trading', 'pass a liveFeed factory to SessionPaperRunner (e.g. botLiveFeed), or run with { replay: true }');
      return o.liveFeed(spec);
    }
    const data = await loadBotData(spec, o.baseDir);
    return new ReplayFeed(data, {
      ...(o.speed === undefined ? {} : { speed: o.speed }),
      ...(o.wallClock === undefined ? {} : { clock: o.wallClock }),
      ...(o.sleep === undefined ? {} : { sleep: o.sleep }),
      ...(o.calendar === undefined ? {} : { calendar: o.calendar }),
    });
  }
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  AlphaSwarmError,
  BotRuntime,
  InvalidArgumentError,
  KillSwitch,
  ProgressEmitter,
  SessionPaperRunner,
  botExecutionSettings,
  botLiveFeed,
  jsonSafe,
  loadBotSpecFile,
  type BotSpec,
  type BrokerAdapter,
  type Clock,
  type DeploymentRecord,
  type ModelRegistry,
  type PaperRunOutcome,
  type PersistenceAdapter,
  type ProgressFrame,
  type ReplaySpeed,
  type Sleep,
} from '@alphaswarm/core';
import { AlpacaBroker, AlpacaMarketData, EnvSecretResolver, JsonlJournal, SimulatedBroker, SqlitePersistence } from '@alphaswarm/adapters';
import { createDefaultRegistry } from '../registry.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './program.js';
import { DEFAULT_DB, type GlobalOptions } from './runtime.js';
import { metricsTable, statisticsTable } from './tables.js';

/** Options of `alphaswarm paper`, as given on the command line. */
export interface PaperCommandOptions {
  /** Replay the spec's stored bars deterministically instead of following live data. */
  readonly replay?: boolean;
  /** Write the summary (the JSON shape of `alphaswarm backtest --json`) to this file. */
  readonly json?: string;
  /** Replay pace: `max` (default) or a real-time multiple such as `60`. */
  readonly speed?: string;
  /** `simulated` (default; fills as the backtest does) or `alpaca` (Alpaca's paper API; credentials from the environment). */
  readonly broker?: string;
  /** Market data of a live session: `spec` (default; the spec's own source, polled) or `alpaca` (Alpaca's bars). */
  readonly data?: string;
  /** Folder of the JSON Lines journal (default `.alphaswarm/journal`, next to the database). */
  readonly journal?: string;
  /** Session id; the default is derived from the bot, the mode and the spec version, so that a rerun resumes. */
  readonly session?: string;
  /** No progress output. */
  readonly quiet?: boolean;
}

/** What `alphaswarm paper` runs on; the command builds it over the SQLite file, tests pass their own. */
export interface PaperCommandDeps {
  /** Where bots, versions, deployments, session state and journals are stored. */
  readonly persistence: PersistenceAdapter;
  /** Resolves the spec's model classes. */
  readonly registry: ModelRegistry;
  /** Project of the bots. */
  readonly projectId?: string;
  /** Receives the session's progress frames. */
  readonly progress: ProgressEmitter;
  /** Halts the session (Ctrl-C). */
  readonly killSwitch: KillSwitch;
  /** Where the command writes. */
  readonly io: CliIo;
  /** Default journal folder when `--journal` is not given. */
  readonly journalDir: string;
  /** Environment the Alpaca credentials are read from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Wall clock of live feeds and replay pacing (default the system clock). */
  readonly clock?: Clock;
  /** How live feeds and paced replays wait (default real timers). */
  readonly sleep?: Sleep;
}

/** The result of {@link runPaperCommand}. */
export interface PaperCommandResult {
  /** The session's outcome (result, summary with metrics, status). */
  readonly outcome: PaperRunOutcome;
  /** The finished `paper` deployment row. */
  readonly deployment: DeploymentRecord;
  /** The exit code the command ends with: 0, or 130 when the kill switch halted the session. */
  readonly exitCode: number;
}

/** Parses `--speed`: `max` or a finite number > 0. */
export function parseSpeed(text: string | undefined): ReplaySpeed {
  if (text === undefined || text === 'max') return 'max';
  const speed = Number(text);
  if (!(Number.isFinite(speed) && speed > 0)) throw new InvalidArgumentError('--speed', text, "'max' or a number > 0 (a multiple of real time)");
  return speed;
}

/** The broker `--broker` names, for one spec. */
export function brokerFor(name: string, spec: BotSpec, env?: Readonly<Record<string, string | undefined>>): BrokerAdapter {
  if (name === 'simulated') {
    const s = botExecutionSettings(spec);
    return new SimulatedBroker({ initialCash: s.initialCash, leverage: s.leverage, ...(s.fees === undefined ? {} : { fees: s.fees }), ...(s.slippage === undefined ? {} : { slippage: s.slippage }) });
  }
  if (name === 'alpaca') return new AlpacaBroker({ environment: 'paper', symbols: spec.universe.symbols, secrets: new EnvSecretResolver(env) });
  throw new InvalidArgumentError('--broker', name, 'simulated or alpaca');
}

/**
 * Runs `alphaswarm paper <spec.yaml|slug>`: creates or updates the bot from a spec
 * file (or takes the stored bot), opens a `paper` deployment row, runs or resumes
 * the bot's session through `TradingBot`'s paper runner ({@link SessionPaperRunner}
 * over the given persistence), prints the statistics, writes `--json`, and finishes
 * the deployment (`halted` when the kill switch stopped it, else `succeeded`).
 */
export async function runPaperCommand(target: string, options: PaperCommandOptions, deps: PaperCommandDeps): Promise<PaperCommandResult> {
  const speed = parseSpeed(options.speed);
  const brokerName = options.broker ?? 'simulated';
  if (!['simulated', 'alpaca'].includes(brokerName)) throw new InvalidArgumentError('--broker', brokerName, 'simulated or alpaca');
  const dataName = options.data ?? 'spec';
  if (!['spec', 'alpaca'].includes(dataName)) throw new InvalidArgumentError('--data', dataName, 'spec or alpaca');
  const replay = options.replay === true;
  let baseDir: string | undefined;
  const journalDir = options.journal ?? deps.journalDir;
  const runner = new SessionPaperRunner({
    persistence: deps.persistence,
    registry: deps.registry,
    broker: (spec) => brokerFor(brokerName, spec, deps.env),
    liveFeed: (spec) =>
      botLiveFeed(spec, {
        ...(baseDir === undefined ? {} : { baseDir }),
        ...(dataName === 'alpaca' ? { adapter: new AlpacaMarketData({ secrets: new EnvSecretResolver(deps.env) }) } : {}),
        ...(deps.clock === undefined ? {} : { clock: deps.clock }),
        ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }),
      }),
    journalSinks: (sessionId) => [new JsonlJournal({ dir: journalDir, name: sessionId })],
    speed,
    progress: deps.progress,
    killSwitch: deps.killSwitch,
    ...(deps.clock === undefined ? {} : { wallClock: deps.clock }),
    ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }),
  });
  const runtime = new BotRuntime({ persistence: deps.persistence, registry: deps.registry, progress: deps.progress, killSwitch: deps.killSwitch, paper: runner, ...(deps.projectId === undefined ? {} : { projectId: deps.projectId }) });
  let slug = target;
  if (/\.ya?ml$/i.test(target)) {
    const record = await runtime.upsert(loadBotSpecFile(target));
    slug = record.slug;
    baseDir = dirname(resolve(target));
    deps.io.err(`${record.slug}: spec version v${record.currentVersion.version} (${record.currentVersion.specHash.slice(0, 12)})\n`);
  }
  const record = await runtime.get(slug);
  if (record === undefined || record.status === 'deleted') throw new AlphaSwarmError('BOT_NOT_FOUND', `no bot ${JSON.stringify(slug)}`, { path: 'spec', value: slug });
  const bot = await runtime.bot(slug, baseDir);
  // A research bot answers BotMethodNotSupported here, before any deployment row.
  if (bot.kind !== 'trading') await bot.paper({ replay });
  const version = record.currentVersion;
  const deployment = await deps.persistence.openDeployment({ botId: record.id, botVersionId: version.id, kind: 'paper' });
  let outcome: PaperRunOutcome;
  try {
    outcome = await runner.runSession(bot, { replay, specHash: version.specHash, versionId: version.specVersionId, ...(options.session === undefined ? {} : { sessionId: options.session }) });
  } catch (error) {
    await deps.persistence.finishDeployment(deployment.id, { status: 'failed', result: null, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  const status = outcome.status === 'halted' ? 'halted' : 'succeeded';
  const finished = await deps.persistence.finishDeployment(deployment.id, { status, result: jsonSafe({ ...outcome.summary, session: { id: outcome.sessionId, status: outcome.status, cycles: outcome.cycles, resumedCycles: outcome.resumedCycles } }) });
  const { result, summary } = outcome;
  deps.io.out(
    `${bot.spec.name} · paper ${replay ? 'replay' : 'live'} · ${brokerName} broker · ${outcome.status}${outcome.haltReason === null ? '' : ` (${outcome.haltReason})`} · ${outcome.cycles.toLocaleString('en-US')} cycles` +
      `${outcome.resumedCycles > 0 ? ` (${outcome.resumedCycles.toLocaleString('en-US')} resumed)` : ''} · ${result.fills.length} fills · ${result.trades.length} trades\n\n`,
  );
  deps.io.out(`${statisticsTable(result.statistics, result.finalEquity)}\n`);
  if (outcome.metrics.length > 0) deps.io.out(`\n${metricsTable(outcome.metrics)}\n`);
  deps.io.out(`\nsession        ${outcome.sessionId}\njournal        ${resolve(journalDir, `${outcome.sessionId}.jsonl`)}\nevent log hash ${result.eventLogHash}\ndeployment     ${finished.id} (${finished.status})\n`);
  if (outcome.status !== 'completed') deps.io.err(`run the same command again to resume session ${outcome.sessionId}\n`);
  if (options.json !== undefined) {
    mkdirSync(dirname(resolve(options.json)), { recursive: true });
    writeFileSync(options.json, `${JSON.stringify(jsonSafe(summary), null, 2)}\n`);
    deps.io.err(`wrote ${options.json}\n`);
  }
  return { outcome, deployment: finished, exitCode: outcome.status === 'halted' ? EXIT.interrupted : EXIT.ok };
}

/**
 * Shows a paper session's progress on `err`: the start (and how many cycles were
 * resumed), every 10 % of a replay, and the cycles of a live session that traded
 * or met errors. Returns a function that detaches it.
 */
export function attachPaperProgress(progress: ProgressEmitter, err: (text: string) => void): () => void {
  let lastDecile = -1;
  const onFrame = (frame: ProgressFrame): void => {
    if (frame.stage === 'paper.started') {
      err(`${frame.message}\n`);
      return;
    }
    if (frame.stage !== 'paper.cycle') return;
    const percent = frame['percent'];
    if (typeof percent === 'number') {
      const decile = Math.floor(percent / 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        err(`  ${percent.toFixed(0)}% · ${String(frame['cycle'])} cycles · equity ${Number(frame['equity']).toFixed(2)}\n`);
      }
      return;
    }
    const actions = frame['actions'] as { orders?: number; fills?: number } | undefined;
    const errors = frame['errors'] as readonly string[] | undefined;
    if ((actions?.orders ?? 0) > 0 || (actions?.fills ?? 0) > 0 || (errors?.length ?? 0) > 0) err(`  ${frame.message}\n`);
  };
  progress.on('progress', onFrame);
  return () => {
    progress.off('progress', onFrame);
  };
}

/**
 * Adds `alphaswarm paper <spec.yaml|slug> [--replay] [--json out.json]` to the program:
 * runs (or resumes) the bot's paper session over the SQLite database of the global
 * `--db` option. Ctrl-C (or the kill switch) halts it after the cycle in progress;
 * its state is saved after every cycle, and running the same command again resumes it.
 *
 * @param program - the `alphaswarm` command
 * @param globals - reads the global options (`--db`, `--project`)
 * @param io - where the command writes
 * @param setExit - receives the exit code (130 when halted)
 */
export function registerPaperCommand(program: Command, globals: () => GlobalOptions, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('paper <spec>')
    .description('paper-trade a bot: a spec file (created or updated as a new version) or the slug of a stored bot; rerun to resume')
    .option('--replay', "replay the spec's stored bars deterministically (default: follow live data on NYSE regular hours)")
    .option('--json <file>', 'write the summary as JSON (the shape of backtest --json)')
    .option('--speed <speed>', "replay pace: 'max' or a multiple of real time", 'max')
    .option('--broker <broker>', 'simulated (fills as the backtest) or alpaca (paper API; APCA_API_KEY_ID / APCA_API_SECRET_KEY)', 'simulated')
    .option('--data <data>', "live market data: spec (the spec's source) or alpaca", 'spec')
    .option('--journal <dir>', 'folder of the JSON Lines journal (default: journal/ next to the database)')
    .option('--session <id>', 'session id (default: derived from the bot and its spec version)')
    .option('--quiet', 'no progress output')
    .action(async (target: string, opts: PaperCommandOptions) => {
      const g = globals();
      const path = resolve(g.db ?? DEFAULT_DB);
      mkdirSync(dirname(path), { recursive: true });
      const persistence = new SqlitePersistence({ path });
      const progress = new ProgressEmitter();
      const killSwitch = new KillSwitch();
      const onSigint = (): void => {
        if (killSwitch.isHalted) process.exit(EXIT.interrupted);
        killSwitch.halt('interrupted (Ctrl-C)');
      };
      process.on('SIGINT', onSigint);
      const detach = opts.quiet === true ? () => undefined : attachPaperProgress(progress, io.err);
      try {
        const { exitCode } = await runPaperCommand(target, opts, {
          persistence,
          registry: createDefaultRegistry(),
          ...(g.project === undefined ? {} : { projectId: g.project }),
          progress,
          killSwitch,
          io,
          journalDir: resolve(dirname(path), 'journal'),
        });
        if (exitCode !== EXIT.ok) setExit(exitCode);
      } finally {
        detach();
        process.off('SIGINT', onSigint);
        await persistence.close();
      }
    });
}

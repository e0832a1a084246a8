import { AlphaSwarmError, SpecValidationError } from '../errors.js';
import { KillSwitch } from '../kill-switch.js';
import type { BotRecord, BotVersionRecord, ListBotsFilter } from '../persistence/bot-records.js';
import type { DeploymentRecord, ListDeploymentsFilter } from '../persistence/deployment-records.js';
import type { PersistenceAdapter } from '../persistence/persistence-adapter.js';
import { ProgressEmitter } from '../progress.js';
import type { ModelRegistry } from '../registry/registry.js';
import type { AgentConsultant, Bot, BotBacktestOutcome, PaperRunner } from './bot.js';
import { jsonSafe } from './backtest-summary.js';
import { buildAlgorithm } from './build-algorithm.js';
import type { BotSpec } from './bot-spec.js';
import { createBot } from './create-bot.js';
import { BacktestOnlyTarget, DeploymentDispatcher, PaperSessionTarget, type DeploymentTarget, type DeploymentTargetName } from './deployment-target.js';
import { parseBotSpec, parseYaml } from './load-spec.js';

/** What a {@link BotRuntime} is built from. */
export interface BotRuntimeOptions {
  /** Where bots, versions and deployments are stored. */
  readonly persistence: PersistenceAdapter;
  /** Resolves model classes. */
  readonly registry: ModelRegistry;
  /** Project the runtime's bots belong to. */
  readonly projectId?: string;
  /** Receives progress frames (a new emitter by default). */
  readonly progress?: ProgressEmitter;
  /** Checked by every run; halting stops it and marks the deployment halted. */
  readonly killSwitch?: KillSwitch;
  /** Deployment targets beyond the built-in `backtest_only` and `paper_session`. */
  readonly targets?: readonly DeploymentTarget[];
  /** Runs paper sessions. */
  readonly paper?: PaperRunner;
  /** Runs agents. */
  readonly agents?: AgentConsultant;
}

/** The outcome of {@link BotRuntime.backtest}. */
export interface RuntimeBacktest extends BotBacktestOutcome {
  /** The finished deployment row. */
  readonly deployment: DeploymentRecord;
  /** The bot version that ran. */
  readonly version: BotVersionRecord;
}

/**
 * Runs bots for a host: creates and versions them (every spec is validated, then
 * hash-locked as an immutable version before any work), opens a deployment row for
 * every run, dispatches it, emits progress frames and records the outcome.
 */
export class BotRuntime {
  /** Progress frames of every bot operation. */
  readonly progress: ProgressEmitter;
  /** The runtime's kill switch. */
  readonly killSwitch: KillSwitch;
  /** Project of the runtime's bots. */
  readonly projectId: string;
  private readonly dispatcher: DeploymentDispatcher;

  /** @param options - persistence, registry and optional services */
  constructor(private readonly options: BotRuntimeOptions) {
    this.progress = options.progress ?? new ProgressEmitter();
    this.killSwitch = options.killSwitch ?? new KillSwitch();
    this.projectId = options.projectId ?? 'default';
    this.dispatcher = new DeploymentDispatcher([new BacktestOnlyTarget(), new PaperSessionTarget(), ...(options.targets ?? [])]);
  }

  /**
   * Validates a spec (object or YAML text) completely, including every model's
   * kwargs against the registry, without storing anything.
   *
   * @throws {@link SpecValidationError} naming the path of the first problem
   */
  validate(spec: unknown): BotSpec {
    const parsed = parseBotSpec(typeof spec === 'string' ? parseYaml(spec) : spec);
    if (parsed.strategy !== undefined) buildAlgorithm(parsed, this.options.registry);
    else if (parsed.kind === 'trading') throw new SpecValidationError('strategy', 'a trading bot needs a strategy');
    return parsed;
  }

  /** Creates a bot from a spec; its first version is snapshotted. */
  async create(spec: unknown): Promise<BotRecord> {
    const parsed = this.validate(spec);
    const record = await this.options.persistence.createBot({ projectId: this.projectId, slug: parsed.slug, name: parsed.name, kind: parsed.kind, spec: jsonSafe(parsed) });
    this.progress.report(record.id, 'bot.created', `created ${record.slug} v${record.currentVersion.version}`, { slug: record.slug, version: record.currentVersion.version });
    return record;
  }

  /** Updates a bot's spec; a changed spec snapshots the next version, the same spec keeps its version. */
  async update(idOrSlug: string, spec: unknown): Promise<BotRecord> {
    const bot = await this.require(idOrSlug);
    const parsed = this.validate(spec);
    if (parsed.slug !== bot.slug) throw new SpecValidationError('slug', `cannot change a bot's slug from ${JSON.stringify(bot.slug)}`, parsed.slug);
    const record = await this.options.persistence.updateBot(bot.id, jsonSafe(parsed));
    this.progress.report(record.id, 'bot.updated', `${record.slug} at v${record.currentVersion.version}`, { slug: record.slug, version: record.currentVersion.version });
    return record;
  }

  /** Creates the bot, or updates it when its slug exists: what `alphaswarm backtest spec.yaml` does. */
  async upsert(spec: unknown): Promise<BotRecord> {
    const parsed = this.validate(spec);
    const existing = await this.options.persistence.getBot(parsed.slug, this.projectId);
    return existing === undefined || existing.status === 'deleted' ? this.create(parsed) : this.update(existing.id, parsed);
  }

  /** Bots of this project, filtered. */
  list(filter: Omit<ListBotsFilter, 'projectId'> = {}): Promise<BotRecord[]> {
    return this.options.persistence.listBots({ ...filter, projectId: this.projectId });
  }

  /** A bot by id or slug, or undefined. */
  get(idOrSlug: string): Promise<BotRecord | undefined> {
    return this.options.persistence.getBot(idOrSlug, this.projectId);
  }

  /** Deletes a bot (its versions stay, immutable). */
  async delete(idOrSlug: string): Promise<BotRecord> {
    const bot = await this.require(idOrSlug);
    return this.options.persistence.deleteBot(bot.id);
  }

  /** Every version of a bot, oldest first. */
  async versions(idOrSlug: string): Promise<BotVersionRecord[]> {
    const bot = await this.require(idOrSlug);
    return this.options.persistence.listBotVersions(bot.id);
  }

  /** Deployments of a bot, filtered. */
  async deployments(idOrSlug: string, filter: Omit<ListDeploymentsFilter, 'botId'> = {}): Promise<DeploymentRecord[]> {
    const bot = await this.require(idOrSlug);
    return this.options.persistence.listDeployments({ ...filter, botId: bot.id });
  }

  /** The bot object of a stored bot's current version. */
  async bot(idOrSlug: string, baseDir?: string): Promise<Bot> {
    const record = await this.require(idOrSlug);
    return this.botOf(record, baseDir);
  }

  /**
   * Backtests a stored bot's current version: opens a deployment row, runs, and
   * stores statistics, metric verdicts and the event-log hash on it.
   */
  async backtest(idOrSlug: string, baseDir?: string): Promise<RuntimeBacktest> {
    const record = await this.require(idOrSlug);
    const version = record.currentVersion;
    const bot = this.botOf(record, baseDir);
    const deployment = await this.options.persistence.openDeployment({ botId: record.id, botVersionId: version.id, kind: 'backtest' });
    this.progress.report(deployment.id, 'deployment.opened', `backtest of ${record.slug} v${version.version}`, { slug: record.slug, kind: 'backtest' });
    try {
      const outcome = await bot.backtest({ specHash: version.specHash, versionId: version.specVersionId, taskId: deployment.id });
      const status = outcome.result.halted ? 'halted' : 'succeeded';
      const finished = await this.options.persistence.finishDeployment(deployment.id, { status, result: jsonSafe(outcome.summary) });
      this.progress.report(deployment.id, 'deployment.finished', `${status}: final equity ${outcome.result.finalEquity.toFixed(2)}`, { status });
      return { ...outcome, deployment: finished, version };
    } catch (error) {
      await this.fail(deployment.id, error);
      throw error;
    }
  }

  /**
   * Asks a stored bot's agents a question (`chat` for a research bot,
   * `consultAgents` for a trading bot), recorded as a `chat` deployment row that the
   * agent runs refer to.
   */
  async chat(idOrSlug: string, question: string, baseDir?: string): Promise<{ readonly deployment: DeploymentRecord; readonly answer: unknown }> {
    const record = await this.require(idOrSlug);
    const version = record.currentVersion;
    const bot = this.botOf(record, baseDir);
    const deployment = await this.options.persistence.openDeployment({ botId: record.id, botVersionId: version.id, kind: 'chat' });
    this.progress.report(deployment.id, 'deployment.opened', `chat with ${record.slug} v${version.version}`, { slug: record.slug, kind: 'chat' });
    try {
      const context = { deploymentId: deployment.id };
      const answer = bot.kind === 'research' ? await bot.chat(question, context) : await bot.consultAgents(question, context);
      const finished = await this.options.persistence.finishDeployment(deployment.id, { status: 'succeeded', result: jsonSafe({ question, answer }) });
      this.progress.report(deployment.id, 'deployment.finished', 'succeeded', { status: 'succeeded' });
      return { deployment: finished, answer };
    } catch (error) {
      await this.fail(deployment.id, error);
      throw error;
    }
  }

  /** Deploys a stored bot to the target its spec names (or `target`). */
  async deploy(idOrSlug: string, target?: DeploymentTargetName, baseDir?: string): Promise<DeploymentRecord> {
    const record = await this.require(idOrSlug);
    const version = record.currentVersion;
    const bot = this.botOf(record, baseDir);
    const chosen = this.dispatcher.target(target ?? bot.spec.deployment.target);
    const deployment = await this.options.persistence.openDeployment({ botId: record.id, botVersionId: version.id, kind: chosen.kind });
    this.progress.report(deployment.id, 'deployment.opened', `${chosen.name} deployment of ${record.slug} v${version.version}`, { slug: record.slug, kind: chosen.kind });
    try {
      const outcome = await bot.deploy(chosen, { deploymentId: deployment.id, specHash: version.specHash, versionId: version.specVersionId, projectId: this.projectId });
      const finished = await this.options.persistence.finishDeployment(deployment.id, { status: outcome.status, result: outcome.result });
      this.progress.report(deployment.id, 'deployment.finished', outcome.status, { status: outcome.status });
      return finished;
    } catch (error) {
      await this.fail(deployment.id, error);
      throw error;
    }
  }

  private botOf(record: BotRecord, baseDir?: string): Bot {
    const spec = parseBotSpec(record.currentVersion.spec);
    return createBot(spec, {
      registry: this.options.registry,
      progress: this.progress,
      killSwitch: this.killSwitch,
      ...(baseDir === undefined ? {} : { baseDir }),
      ...(this.options.paper === undefined ? {} : { paper: this.options.paper }),
      ...(this.options.agents === undefined ? {} : { agents: this.options.agents }),
    });
  }

  private async require(idOrSlug: string): Promise<BotRecord> {
    const bot = await this.options.persistence.getBot(idOrSlug, this.projectId);
    if (bot === undefined || bot.status === 'deleted') {
      throw new AlphaSwarmError('BOT_NOT_FOUND', `no bot ${JSON.stringify(idOrSlug)} in project ${JSON.stringify(this.projectId)}`, { path: 'bot', value: idOrSlug });
    }
    return bot;
  }

  private async fail(deploymentId: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.options.persistence.finishDeployment(deploymentId, { status: 'failed', result: null, error: message });
    this.progress.report(deploymentId, 'deployment.finished', `failed: ${message}`, { status: 'failed' });
  }
}

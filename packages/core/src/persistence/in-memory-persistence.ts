import { prepareSpecSnapshot } from '../spec/prepared-spec-snapshot.js';
import type { PreparedSpecSnapshot } from '../spec/prepared-spec-snapshot.js';
import { assertSpecKey } from '../spec/spec-key.js';
import { specIdOf } from '../spec/content-id.js';
import type { JsonValue } from '../spec/json-value.js';
import type { SpecVersion } from '../spec/spec-version.js';
import { systemClock } from '../time.js';
import type { Clock, EpochMs } from '../time.js';
import type {
  AgentRunRecord,
  AgentStepRecord,
  AgentUsage,
  AppendAgentStepInput,
  ListAgentRunsFilter,
  RecordAgentRunInput,
  UpdateAgentRunInput,
} from './agent-run-records.js';
import type { BotRecord, BotStatus, BotVersionRecord, CreateBotInput, ListBotsFilter } from './bot-records.js';
import { BOT_SPEC_KIND, botVersionIdOf } from './bot-version-id.js';
import type {
  DeploymentKind,
  DeploymentRecord,
  FinishDeploymentInput,
  ListDeploymentsFilter,
  OpenDeploymentInput,
} from './deployment-records.js';
import { randomIdGenerator } from './id-generator.js';
import type { IdGenerator } from './id-generator.js';
import type { AppendJournalInput, JournalEntry, ListJournalQuery, SessionStateRecord } from './journal-records.js';
import type { PersistenceAdapter, PersistenceOptions } from './persistence-adapter.js';
import { PersistenceClosedError, RecordConflictError, RecordNotFoundError } from './persistence-errors.js';
import { persistenceInput } from './persistence-input.js';
import type { RunStatus } from './run-status.js';

interface StoredSpec {
  readonly specId: string;
  readonly versionId: string;
  readonly kind: string;
  readonly name: string;
  readonly version: number;
  readonly specHash: string;
  readonly json: string;
  readonly createdAt: EpochMs;
}

interface StoredBot {
  readonly id: string;
  readonly projectId: string;
  readonly slug: string;
  readonly name: string;
  readonly kind: string;
  status: BotStatus;
  currentVersionId: string;
  readonly createdAt: EpochMs;
  updatedAt: EpochMs;
  deletedAt: EpochMs | null;
}

interface StoredBotVersion {
  readonly id: string;
  readonly botId: string;
  readonly version: number;
  readonly specHash: string;
  readonly specVersionId: string;
  readonly createdAt: EpochMs;
}

interface StoredDeployment {
  readonly id: string;
  readonly botId: string;
  readonly botVersionId: string;
  readonly kind: DeploymentKind;
  status: RunStatus;
  resultJson: string | null;
  error: string | null;
  readonly openedAt: EpochMs;
  finishedAt: EpochMs | null;
}

interface StoredAgentRun {
  readonly id: string;
  readonly versionId: string;
  readonly deploymentId: string | null;
  status: RunStatus;
  readonly inputJson: string;
  outputJson: string | null;
  error: string | null;
  usage: AgentUsage;
  readonly startedAt: EpochMs;
  updatedAt: EpochMs;
  finishedAt: EpochMs | null;
}

/** A journal entry or an agent step: `seq` is its position (the step's index). */
interface StoredEntry {
  readonly seq: number;
  readonly time: EpochMs;
  readonly kind: string;
  readonly json: string;
}

const ZERO_USAGE: AgentUsage = { promptTokens: 0, completionTokens: 0, costUsd: 0 };

/**
 * A {@link PersistenceAdapter} in process memory: the default for tests and notebooks.
 * Same semantics as the SQL adapters (the same contract suite runs on it); nothing
 * survives the process. JSON fields are kept as canonical text, so stored records
 * cannot be changed through returned objects. Each method validates and computes
 * everything before its first mutation, so a write that throws changes nothing.
 */
export class InMemoryPersistence implements PersistenceAdapter {
  private readonly clock: Clock;
  private readonly nextId: IdGenerator;
  private closed = false;
  private readonly specs = new Map<string, StoredSpec>();
  private readonly specSeries = new Map<string, StoredSpec[]>();
  private readonly bots = new Map<string, StoredBot>();
  private readonly botVersions = new Map<string, StoredBotVersion>();
  private readonly botVersionsByBot = new Map<string, StoredBotVersion[]>();
  private readonly deployments = new Map<string, StoredDeployment>();
  private readonly agentRuns = new Map<string, StoredAgentRun>();
  private readonly agentSteps = new Map<string, StoredEntry[]>();
  private readonly journal = new Map<string, StoredEntry[]>();
  private readonly sessionStates = new Map<string, { json: string; savedAt: EpochMs }>();

  /** @param options - clock (default the wall clock) and id generator (default random UUIDs) */
  constructor(options: PersistenceOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.nextId = options.idGenerator ?? randomIdGenerator;
  }

  /** {@inheritDoc SpecStore.snapshotSpec} */
  async snapshotSpec(kind: string, name: string, spec: unknown): Promise<SpecVersion> {
    this.open();
    const prepared = prepareSpecSnapshot(kind, name, spec);
    return toSpecVersion(this.snapshot(prepared, this.clock.now()));
  }

  /** {@inheritDoc SpecStore.getSpecVersion} */
  async getSpecVersion(versionId: string): Promise<SpecVersion | undefined> {
    this.open();
    const stored = this.specs.get(persistenceInput.recordId(versionId, 'versionId'));
    return stored === undefined ? undefined : toSpecVersion(stored);
  }

  /** {@inheritDoc SpecStore.listSpecVersions} */
  async listSpecVersions(kind: string, name: string): Promise<SpecVersion[]> {
    this.open();
    assertSpecKey(kind, name);
    return (this.specSeries.get(specIdOf(kind, name)) ?? []).map(toSpecVersion);
  }

  /** {@inheritDoc PersistenceAdapter.createBot} */
  async createBot(input: CreateBotInput): Promise<BotRecord> {
    this.open();
    const parsed = persistenceInput.createBot(input);
    const id = this.freshId(this.bots, 'bot');
    const prepared = prepareSpecSnapshot(BOT_SPEC_KIND, id, parsed.spec);
    if (this.liveBotsBySlug(parsed.slug, parsed.projectId).length > 0) {
      throw slugTaken(parsed.slug, parsed.projectId);
    }
    const now = this.clock.now();
    const spec = this.snapshot(prepared, now);
    const bot: StoredBot = {
      id,
      projectId: parsed.projectId,
      slug: parsed.slug,
      name: parsed.name,
      kind: parsed.kind,
      status: 'active',
      currentVersionId: '',
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    this.bots.set(id, bot);
    bot.currentVersionId = this.addBotVersion(id, spec, now).id;
    return this.toBot(bot);
  }

  /** {@inheritDoc PersistenceAdapter.updateBot} */
  async updateBot(id: string, spec: unknown): Promise<BotRecord> {
    this.open();
    const key = persistenceInput.recordId(id, 'id');
    const prepared = prepareSpecSnapshot(BOT_SPEC_KIND, key, spec);
    const bot = this.requireBot(key, 'id');
    if (bot.status === 'deleted') throw new RecordConflictError('bot', 'id', id, 'the bot is deleted');
    const current = this.requireBotVersion(bot.currentVersionId);
    if (current.specHash === prepared.specHash) return this.toBot(bot);
    const now = this.clock.now();
    const existing = this.botVersions.get(botVersionIdOf(bot.id, prepared.specHash));
    const version = existing ?? this.addBotVersion(bot.id, this.snapshot(prepared, now), now);
    bot.currentVersionId = version.id;
    bot.updatedAt = now;
    return this.toBot(bot);
  }

  /** {@inheritDoc PersistenceAdapter.getBot} */
  async getBot(idOrSlug: string, projectId?: string): Promise<BotRecord | undefined> {
    this.open();
    const key = persistenceInput.recordId(idOrSlug, 'idOrSlug');
    const project = projectId === undefined ? undefined : persistenceInput.recordId(projectId, 'projectId');
    const byId = this.bots.get(key);
    if (byId !== undefined && (project === undefined || byId.projectId === project)) return this.toBot(byId);
    const bySlug = this.liveBotsBySlug(key, project);
    if (bySlug.length > 1) throw ambiguousSlug(key);
    const bot = bySlug[0];
    return bot === undefined ? undefined : this.toBot(bot);
  }

  /** {@inheritDoc PersistenceAdapter.listBots} */
  async listBots(filter: ListBotsFilter = {}): Promise<BotRecord[]> {
    this.open();
    const f = persistenceInput.listBots(filter);
    const out: BotRecord[] = [];
    for (const bot of this.bots.values()) {
      if (bot.status !== f.status) continue;
      if (f.projectId !== undefined && bot.projectId !== f.projectId) continue;
      if (f.kind !== undefined && bot.kind !== f.kind) continue;
      out.push(this.toBot(bot));
    }
    return out;
  }

  /** {@inheritDoc PersistenceAdapter.deleteBot} */
  async deleteBot(id: string): Promise<BotRecord> {
    this.open();
    const bot = this.requireBot(persistenceInput.recordId(id, 'id'), 'id');
    if (bot.status !== 'deleted') {
      const now = this.clock.now();
      bot.status = 'deleted';
      bot.deletedAt = now;
      bot.updatedAt = now;
    }
    return this.toBot(bot);
  }

  /** {@inheritDoc PersistenceAdapter.listBotVersions} */
  async listBotVersions(botId: string): Promise<BotVersionRecord[]> {
    this.open();
    const bot = this.requireBot(persistenceInput.recordId(botId, 'botId'), 'botId');
    return (this.botVersionsByBot.get(bot.id) ?? []).map((v) => this.toBotVersion(v));
  }

  /** {@inheritDoc PersistenceAdapter.getBotVersion} */
  async getBotVersion(id: string): Promise<BotVersionRecord | undefined> {
    this.open();
    const stored = this.botVersions.get(persistenceInput.recordId(id, 'id'));
    return stored === undefined ? undefined : this.toBotVersion(stored);
  }

  /** {@inheritDoc PersistenceAdapter.openDeployment} */
  async openDeployment(input: OpenDeploymentInput): Promise<DeploymentRecord> {
    this.open();
    const parsed = persistenceInput.openDeployment(input);
    const bot = this.requireBot(parsed.botId, 'botId');
    const version = this.botVersions.get(parsed.botVersionId);
    if (version === undefined || version.botId !== bot.id) {
      throw new RecordNotFoundError(`version of bot ${bot.id}`, 'botVersionId', parsed.botVersionId);
    }
    if (bot.status === 'deleted') throw new RecordConflictError('bot', 'botId', bot.id, 'the bot is deleted');
    const id = this.freshId(this.deployments, 'deployment');
    const deployment: StoredDeployment = {
      id,
      botId: bot.id,
      botVersionId: version.id,
      kind: parsed.kind,
      status: 'running',
      resultJson: null,
      error: null,
      openedAt: this.clock.now(),
      finishedAt: null,
    };
    this.deployments.set(id, deployment);
    return toDeployment(deployment);
  }

  /** {@inheritDoc PersistenceAdapter.finishDeployment} */
  async finishDeployment(id: string, input: FinishDeploymentInput): Promise<DeploymentRecord> {
    this.open();
    const key = persistenceInput.recordId(id, 'id');
    const parsed = persistenceInput.finishDeployment(input);
    const deployment = this.deployments.get(key);
    if (deployment === undefined) throw new RecordNotFoundError('deployment', 'id', key);
    if (deployment.status !== 'running') {
      throw new RecordConflictError('deployment', 'id', key, `the deployment is already ${deployment.status}`);
    }
    deployment.status = parsed.status;
    deployment.resultJson = parsed.resultJson;
    deployment.error = parsed.error;
    deployment.finishedAt = this.clock.now();
    return toDeployment(deployment);
  }

  /** {@inheritDoc PersistenceAdapter.getDeployment} */
  async getDeployment(id: string): Promise<DeploymentRecord | undefined> {
    this.open();
    const stored = this.deployments.get(persistenceInput.recordId(id, 'id'));
    return stored === undefined ? undefined : toDeployment(stored);
  }

  /** {@inheritDoc PersistenceAdapter.listDeployments} */
  async listDeployments(filter: ListDeploymentsFilter = {}): Promise<DeploymentRecord[]> {
    this.open();
    const f = persistenceInput.listDeployments(filter);
    const out: DeploymentRecord[] = [];
    for (const d of this.deployments.values()) {
      if (f.botId !== undefined && d.botId !== f.botId) continue;
      if (f.kind !== undefined && d.kind !== f.kind) continue;
      if (f.status !== undefined && d.status !== f.status) continue;
      out.push(toDeployment(d));
    }
    return out;
  }

  /** {@inheritDoc PersistenceAdapter.recordAgentRun} */
  async recordAgentRun(input: RecordAgentRunInput): Promise<AgentRunRecord> {
    this.open();
    const parsed = persistenceInput.recordAgentRun(input);
    if (!this.specs.has(parsed.versionId)) throw new RecordNotFoundError('spec version', 'versionId', parsed.versionId);
    if (parsed.deploymentId !== null && !this.deployments.has(parsed.deploymentId)) {
      throw new RecordNotFoundError('deployment', 'deploymentId', parsed.deploymentId);
    }
    const id = this.freshId(this.agentRuns, 'agent run');
    const now = this.clock.now();
    const run: StoredAgentRun = {
      id,
      versionId: parsed.versionId,
      deploymentId: parsed.deploymentId,
      status: 'running',
      inputJson: parsed.inputJson,
      outputJson: null,
      error: null,
      usage: ZERO_USAGE,
      startedAt: now,
      updatedAt: now,
      finishedAt: null,
    };
    this.agentRuns.set(id, run);
    this.agentSteps.set(id, []);
    return toAgentRun(run);
  }

  /** {@inheritDoc PersistenceAdapter.updateAgentRun} */
  async updateAgentRun(id: string, patch: UpdateAgentRunInput): Promise<AgentRunRecord> {
    this.open();
    const key = persistenceInput.recordId(id, 'id');
    const parsed = persistenceInput.updateAgentRun(patch);
    const run = this.requireRunningAgentRun(key, 'id');
    const now = this.clock.now();
    if (parsed.status !== undefined) run.status = parsed.status;
    if (parsed.outputJson !== undefined) run.outputJson = parsed.outputJson;
    if (parsed.error !== undefined) run.error = parsed.error;
    run.usage = { ...run.usage, ...parsed.usage };
    run.updatedAt = now;
    if (run.status !== 'running') run.finishedAt = now;
    return toAgentRun(run);
  }

  /** {@inheritDoc PersistenceAdapter.appendAgentStep} */
  async appendAgentStep(runId: string, step: AppendAgentStepInput): Promise<AgentStepRecord> {
    this.open();
    const key = persistenceInput.recordId(runId, 'runId');
    const parsed = persistenceInput.appendAgentStep(step);
    this.requireRunningAgentRun(key, 'runId');
    const steps = this.agentSteps.get(key) ?? [];
    const stored: StoredEntry = { seq: steps.length, time: parsed.time ?? this.clock.now(), kind: parsed.kind, json: parsed.payloadJson };
    steps.push(stored);
    this.agentSteps.set(key, steps);
    return toAgentStep(key, stored);
  }

  /** {@inheritDoc PersistenceAdapter.getAgentRun} */
  async getAgentRun(id: string): Promise<AgentRunRecord | undefined> {
    this.open();
    const stored = this.agentRuns.get(persistenceInput.recordId(id, 'id'));
    return stored === undefined ? undefined : toAgentRun(stored);
  }

  /** {@inheritDoc PersistenceAdapter.listAgentRuns} */
  async listAgentRuns(filter: ListAgentRunsFilter = {}): Promise<AgentRunRecord[]> {
    this.open();
    const f = persistenceInput.listAgentRuns(filter);
    const out: AgentRunRecord[] = [];
    for (const run of this.agentRuns.values()) {
      if (f.deploymentId !== undefined && run.deploymentId !== f.deploymentId) continue;
      if (f.versionId !== undefined && run.versionId !== f.versionId) continue;
      out.push(toAgentRun(run));
    }
    return out;
  }

  /** {@inheritDoc PersistenceAdapter.listAgentSteps} */
  async listAgentSteps(runId: string): Promise<AgentStepRecord[]> {
    this.open();
    const key = persistenceInput.recordId(runId, 'runId');
    if (!this.agentRuns.has(key)) throw new RecordNotFoundError('agent run', 'runId', key);
    return (this.agentSteps.get(key) ?? []).map((step) => toAgentStep(key, step));
  }

  /** {@inheritDoc PersistenceAdapter.appendJournal} */
  async appendJournal(input: AppendJournalInput): Promise<JournalEntry> {
    this.open();
    const parsed = persistenceInput.appendJournal(input);
    const entries = this.journal.get(parsed.sessionId) ?? [];
    const entry: StoredEntry = { seq: entries.length, time: parsed.time, kind: parsed.kind, json: parsed.payloadJson };
    entries.push(entry);
    this.journal.set(parsed.sessionId, entries);
    return toJournalEntry(parsed.sessionId, entry);
  }

  /** {@inheritDoc PersistenceAdapter.listJournal} */
  async listJournal(query: ListJournalQuery): Promise<JournalEntry[]> {
    this.open();
    const q = persistenceInput.listJournal(query);
    const out: JournalEntry[] = [];
    for (const entry of this.journal.get(q.sessionId) ?? []) {
      if (q.since !== undefined && entry.time < q.since) continue;
      if (q.afterSeq !== undefined && entry.seq <= q.afterSeq) continue;
      out.push(toJournalEntry(q.sessionId, entry));
    }
    return out;
  }

  /** {@inheritDoc PersistenceAdapter.saveSessionState} */
  async saveSessionState(sessionId: string, state: unknown): Promise<SessionStateRecord> {
    this.open();
    const key = persistenceInput.recordId(sessionId, 'sessionId');
    const json = persistenceInput.json(state, 'state');
    const savedAt = this.clock.now();
    this.sessionStates.set(key, { json, savedAt });
    return { sessionId: key, state: parseJson(json), savedAt };
  }

  /** {@inheritDoc PersistenceAdapter.loadSessionState} */
  async loadSessionState(sessionId: string): Promise<SessionStateRecord | undefined> {
    this.open();
    const key = persistenceInput.recordId(sessionId, 'sessionId');
    const stored = this.sessionStates.get(key);
    return stored === undefined ? undefined : { sessionId: key, state: parseJson(stored.json), savedAt: stored.savedAt };
  }

  /** {@inheritDoc PersistenceAdapter.close} */
  async close(): Promise<void> {
    this.closed = true;
  }

  private open(): void {
    if (this.closed) throw new PersistenceClosedError('InMemoryPersistence');
  }

  /** Returns the version with the prepared content, inserting it with the next number if new. */
  private snapshot(prepared: PreparedSpecSnapshot, now: EpochMs): StoredSpec {
    const existing = this.specs.get(prepared.versionId);
    if (existing !== undefined) return existing;
    const series = this.specSeries.get(prepared.specId) ?? [];
    const last = series[series.length - 1];
    const stored: StoredSpec = Object.freeze({
      specId: prepared.specId,
      versionId: prepared.versionId,
      kind: prepared.kind,
      name: prepared.name,
      version: last === undefined ? 1 : last.version + 1,
      specHash: prepared.specHash,
      json: prepared.canonicalJson,
      createdAt: now,
    });
    series.push(stored);
    this.specSeries.set(prepared.specId, series);
    this.specs.set(stored.versionId, stored);
    return stored;
  }

  private addBotVersion(botId: string, spec: StoredSpec, now: EpochMs): StoredBotVersion {
    const version: StoredBotVersion = Object.freeze({
      id: botVersionIdOf(botId, spec.specHash),
      botId,
      version: spec.version,
      specHash: spec.specHash,
      specVersionId: spec.versionId,
      createdAt: now,
    });
    const list = this.botVersionsByBot.get(botId) ?? [];
    list.push(version);
    this.botVersionsByBot.set(botId, list);
    this.botVersions.set(version.id, version);
    return version;
  }

  private freshId(table: ReadonlyMap<string, unknown>, entity: string): string {
    const id = persistenceInput.recordId(this.nextId(), 'idGenerator()');
    if (table.has(id)) throw new RecordConflictError(entity, 'id', id, 'the id generator returned an id already in use');
    return id;
  }

  private liveBotsBySlug(slug: string, projectId: string | undefined): StoredBot[] {
    const out: StoredBot[] = [];
    for (const bot of this.bots.values()) {
      if (bot.status === 'active' && bot.slug === slug && (projectId === undefined || bot.projectId === projectId)) out.push(bot);
    }
    return out;
  }

  private requireBot(id: string, field: string): StoredBot {
    const bot = this.bots.get(id);
    if (bot === undefined) throw new RecordNotFoundError('bot', field, id);
    return bot;
  }

  private requireBotVersion(id: string): StoredBotVersion {
    const version = this.botVersions.get(id);
    if (version === undefined) throw new RecordNotFoundError('bot version', 'botVersionId', id);
    return version;
  }

  private requireRunningAgentRun(id: string, field: string): StoredAgentRun {
    const run = this.agentRuns.get(id);
    if (run === undefined) throw new RecordNotFoundError('agent run', field, id);
    if (run.status !== 'running') throw new RecordConflictError('agent run', field, id, `the agent run is already ${run.status}`);
    return run;
  }

  private toBotVersion(v: StoredBotVersion): BotVersionRecord {
    const spec = this.specs.get(v.specVersionId);
    if (spec === undefined) throw new RecordNotFoundError('spec version', 'specVersionId', v.specVersionId);
    return { ...v, spec: parseJson(spec.json) };
  }

  private toBot(bot: StoredBot): BotRecord {
    return {
      id: bot.id,
      projectId: bot.projectId,
      slug: bot.slug,
      name: bot.name,
      kind: bot.kind,
      status: bot.status,
      currentVersion: this.toBotVersion(this.requireBotVersion(bot.currentVersionId)),
      createdAt: bot.createdAt,
      updatedAt: bot.updatedAt,
      deletedAt: bot.deletedAt,
    };
  }
}

function parseJson(text: string): JsonValue {
  return JSON.parse(text) as JsonValue;
}

function toSpecVersion(s: StoredSpec): SpecVersion {
  return {
    specId: s.specId,
    versionId: s.versionId,
    kind: s.kind,
    name: s.name,
    version: s.version,
    specHash: s.specHash,
    spec: parseJson(s.json),
    createdAt: s.createdAt,
  };
}

function toDeployment(d: StoredDeployment): DeploymentRecord {
  return {
    id: d.id,
    botId: d.botId,
    botVersionId: d.botVersionId,
    kind: d.kind,
    status: d.status,
    result: d.resultJson === null ? null : parseJson(d.resultJson),
    error: d.error,
    openedAt: d.openedAt,
    finishedAt: d.finishedAt,
  };
}

function toAgentRun(r: StoredAgentRun): AgentRunRecord {
  return {
    id: r.id,
    versionId: r.versionId,
    deploymentId: r.deploymentId,
    status: r.status,
    input: parseJson(r.inputJson),
    output: r.outputJson === null ? null : parseJson(r.outputJson),
    error: r.error,
    usage: { ...r.usage },
    startedAt: r.startedAt,
    updatedAt: r.updatedAt,
    finishedAt: r.finishedAt,
  };
}

function toAgentStep(runId: string, e: StoredEntry): AgentStepRecord {
  return { runId, index: e.seq, kind: e.kind, time: e.time, payload: parseJson(e.json) };
}

function toJournalEntry(sessionId: string, e: StoredEntry): JournalEntry {
  return { sessionId, seq: e.seq, time: e.time, kind: e.kind, payload: parseJson(e.json) };
}

function slugTaken(slug: string, projectId: string): RecordConflictError {
  return new RecordConflictError('bot', 'slug', slug, `a live bot with this slug exists in project ${JSON.stringify(projectId)}`);
}

function ambiguousSlug(slug: string): RecordConflictError {
  return new RecordConflictError('bot', 'idOrSlug', slug, 'live bots of several projects have this slug; pass projectId');
}

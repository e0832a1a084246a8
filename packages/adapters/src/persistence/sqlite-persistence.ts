import type {
  AgentRunRecord,
  AgentStepRecord,
  AppendAgentStepInput,
  AppendJournalInput,
  BotRecord,
  BotVersionRecord,
  CreateBotInput,
  DeploymentRecord,
  FinishDeploymentInput,
  JournalEntry,
  ListAgentRunsFilter,
  ListBotsFilter,
  ListDeploymentsFilter,
  ListJournalQuery,
  OpenDeploymentInput,
  PersistenceAdapter,
  PersistenceOptions,
  RecordAgentRunInput,
  SessionStateRecord,
  SpecVersion,
  UpdateAgentRunInput,
} from '@alphaswarm/core';
import { InvalidArgumentError, systemClock } from '@alphaswarm/core';
import { SqliteDriver } from './sqlite-driver.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import { SqlStore } from './sql-store.js';

/** Options of {@link SqlitePersistence}. */
export interface SqlitePersistenceOptions extends PersistenceOptions {
  /** The database file (created if missing), or `:memory:` for a private in-memory database. */
  readonly path: string;
  /** How long a write waits for another connection's write lock before failing, in ms (default 5000). */
  readonly busyTimeoutMs?: number;
  /**
   * SQLite `synchronous` level. `full` (default): every commit is fsynced, so a commit
   * survives power loss. `normal`: in WAL mode commits survive an application crash
   * but the last ones may be lost on power loss or OS crash; much faster (no fsync per
   * commit). The database is never corrupted in either mode.
   */
  readonly synchronous?: 'full' | 'normal';
}

/**
 * The embedded default {@link PersistenceAdapter}: one SQLite file through better-sqlite3.
 *
 * - Opened with WAL journaling (readers never block the writer), `busy_timeout`
 *   (writers of other connections and processes wait their turn), foreign keys on and
 *   `synchronous` FULL unless told otherwise.
 * - The schema is created and upgraded in the constructor by versioned, additive
 *   migrations recorded in `schema_migrations` (safe when several processes open the
 *   same file at once: migrations run under the write lock).
 * - Every write is one `BEGIN IMMEDIATE` transaction (rolled back when it throws);
 *   reads run in a deferred transaction (one snapshot). Calls on one instance run one
 *   at a time; better-sqlite3 is synchronous, so a call blocks the event loop while it
 *   waits for another process's lock.
 * - Spec-version and bot-version rows are immutable in the database itself: triggers
 *   abort any `UPDATE` or `DELETE` of them.
 */
export class SqlitePersistence implements PersistenceAdapter {
  /** The database file this adapter opened. */
  readonly path: string;
  private readonly store: SqlStore;

  /**
   * Opens (creating if needed) and migrates the database file.
   *
   * @throws InvalidArgumentError for an empty path, a negative busy timeout or an unknown synchronous level.
   */
  constructor(options: SqlitePersistenceOptions) {
    if (typeof options.path !== 'string' || options.path.length === 0) {
      throw new InvalidArgumentError('path', options.path, 'a file path or ":memory:"');
    }
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
      throw new InvalidArgumentError('busyTimeoutMs', busyTimeoutMs, 'a non-negative integer number of ms');
    }
    const synchronous = options.synchronous ?? 'full';
    if (synchronous !== 'full' && synchronous !== 'normal') {
      throw new InvalidArgumentError('synchronous', synchronous, '"full" or "normal"');
    }
    this.path = options.path;
    const driver = new SqliteDriver(options.path, busyTimeoutMs, synchronous);
    try {
      driver.migrate(SQLITE_MIGRATIONS, options.clock ?? systemClock);
    } catch (error) {
      void driver.close();
      throw error;
    }
    this.store = new SqlStore(driver, options);
  }

  /** {@inheritDoc SpecStore.snapshotSpec} */
  snapshotSpec(kind: string, name: string, spec: unknown): Promise<SpecVersion> {
    return this.store.snapshotSpec(kind, name, spec);
  }

  /** {@inheritDoc SpecStore.getSpecVersion} */
  getSpecVersion(versionId: string): Promise<SpecVersion | undefined> {
    return this.store.getSpecVersion(versionId);
  }

  /** {@inheritDoc SpecStore.listSpecVersions} */
  listSpecVersions(kind: string, name: string): Promise<SpecVersion[]> {
    return this.store.listSpecVersions(kind, name);
  }

  /** {@inheritDoc PersistenceAdapter.createBot} */
  createBot(input: CreateBotInput): Promise<BotRecord> {
    return this.store.createBot(input);
  }

  /** {@inheritDoc PersistenceAdapter.updateBot} */
  updateBot(id: string, spec: unknown): Promise<BotRecord> {
    return this.store.updateBot(id, spec);
  }

  /** {@inheritDoc PersistenceAdapter.getBot} */
  getBot(idOrSlug: string, projectId?: string): Promise<BotRecord | undefined> {
    return this.store.getBot(idOrSlug, projectId);
  }

  /** {@inheritDoc PersistenceAdapter.listBots} */
  listBots(filter?: ListBotsFilter): Promise<BotRecord[]> {
    return this.store.listBots(filter);
  }

  /** {@inheritDoc PersistenceAdapter.deleteBot} */
  deleteBot(id: string): Promise<BotRecord> {
    return this.store.deleteBot(id);
  }

  /** {@inheritDoc PersistenceAdapter.listBotVersions} */
  listBotVersions(botId: string): Promise<BotVersionRecord[]> {
    return this.store.listBotVersions(botId);
  }

  /** {@inheritDoc PersistenceAdapter.getBotVersion} */
  getBotVersion(id: string): Promise<BotVersionRecord | undefined> {
    return this.store.getBotVersion(id);
  }

  /** {@inheritDoc PersistenceAdapter.openDeployment} */
  openDeployment(input: OpenDeploymentInput): Promise<DeploymentRecord> {
    return this.store.openDeployment(input);
  }

  /** {@inheritDoc PersistenceAdapter.finishDeployment} */
  finishDeployment(id: string, input: FinishDeploymentInput): Promise<DeploymentRecord> {
    return this.store.finishDeployment(id, input);
  }

  /** {@inheritDoc PersistenceAdapter.getDeployment} */
  getDeployment(id: string): Promise<DeploymentRecord | undefined> {
    return this.store.getDeployment(id);
  }

  /** {@inheritDoc PersistenceAdapter.listDeployments} */
  listDeployments(filter?: ListDeploymentsFilter): Promise<DeploymentRecord[]> {
    return this.store.listDeployments(filter);
  }

  /** {@inheritDoc PersistenceAdapter.recordAgentRun} */
  recordAgentRun(input: RecordAgentRunInput): Promise<AgentRunRecord> {
    return this.store.recordAgentRun(input);
  }

  /** {@inheritDoc PersistenceAdapter.updateAgentRun} */
  updateAgentRun(id: string, patch: UpdateAgentRunInput): Promise<AgentRunRecord> {
    return this.store.updateAgentRun(id, patch);
  }

  /** {@inheritDoc PersistenceAdapter.appendAgentStep} */
  appendAgentStep(runId: string, step: AppendAgentStepInput): Promise<AgentStepRecord> {
    return this.store.appendAgentStep(runId, step);
  }

  /** {@inheritDoc PersistenceAdapter.getAgentRun} */
  getAgentRun(id: string): Promise<AgentRunRecord | undefined> {
    return this.store.getAgentRun(id);
  }

  /** {@inheritDoc PersistenceAdapter.listAgentRuns} */
  listAgentRuns(filter?: ListAgentRunsFilter): Promise<AgentRunRecord[]> {
    return this.store.listAgentRuns(filter);
  }

  /** {@inheritDoc PersistenceAdapter.listAgentSteps} */
  listAgentSteps(runId: string): Promise<AgentStepRecord[]> {
    return this.store.listAgentSteps(runId);
  }

  /** {@inheritDoc PersistenceAdapter.appendJournal} */
  appendJournal(input: AppendJournalInput): Promise<JournalEntry> {
    return this.store.appendJournal(input);
  }

  /** {@inheritDoc PersistenceAdapter.listJournal} */
  listJournal(query: ListJournalQuery): Promise<JournalEntry[]> {
    return this.store.listJournal(query);
  }

  /** {@inheritDoc PersistenceAdapter.saveSessionState} */
  saveSessionState(sessionId: string, state: unknown): Promise<SessionStateRecord> {
    return this.store.saveSessionState(sessionId, state);
  }

  /** {@inheritDoc PersistenceAdapter.loadSessionState} */
  loadSessionState(sessionId: string): Promise<SessionStateRecord | undefined> {
    return this.store.loadSessionState(sessionId);
  }

  /** {@inheritDoc PersistenceAdapter.close} */
  close(): Promise<void> {
    return this.store.close();
  }
}

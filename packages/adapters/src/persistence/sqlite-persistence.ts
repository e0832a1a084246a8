import type {
  AgentRunRecord,
  AgentStepRecord,
  AppendAgentStepInput,
  AppendJournalInput,
  BotRecord,
  BotVersionRecord,
  Clock,
  CreateBotInput,
  DeploymentRecord,
  FinishDeploymentInput,
  IdGenerator,
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
  /** Source of every timestamp the adapter stamps. Default: the wall clock; tests pass a `ManualClock`. */
  readonly clock?: Clock;
  /**
   * Makes the ids of bots, deployments and agent runs. Default: random v4 UUIDs
   * (`crypto.randomUUID`). Spec-version and bot-version ids are content-derived.
   */
  readonly idGenerator?: IdGenerator;
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
 * The embedded default `PersistenceAdapter` (from `@alphaswarm/core`): one SQLite file through better-sqlite3.
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

  /** Hash-locks a spec as a version of `(kind, name)`: same content, same version; new content, next version (see `SpecStore.snapshotSpec`). */
  snapshotSpec(kind: string, name: string, spec: unknown): Promise<SpecVersion> {
    return this.store.snapshotSpec(kind, name, spec);
  }

  /** The spec version with this id, or `undefined`. */
  getSpecVersion(versionId: string): Promise<SpecVersion | undefined> {
    return this.store.getSpecVersion(versionId);
  }

  /** Every version of `(kind, name)` by ascending version number. */
  listSpecVersions(kind: string, name: string): Promise<SpecVersion[]> {
    return this.store.listSpecVersions(kind, name);
  }

  /** Creates an active bot with version 1 of its spec; a live bot's `(projectId, slug)` taken ⇒ `RecordConflictError` (path `slug`). */
  createBot(input: CreateBotInput): Promise<BotRecord> {
    return this.store.createBot(input);
  }

  /** Sets a bot's spec: new content ⇒ new bot version made current; current content ⇒ no-op; earlier content ⇒ that version current again. */
  updateBot(id: string, spec: unknown): Promise<BotRecord> {
    return this.store.updateBot(id, spec);
  }

  /** A bot by id, or by slug among live bots (of `projectId` when given), or `undefined`. */
  getBot(idOrSlug: string, projectId?: string): Promise<BotRecord | undefined> {
    return this.store.getBot(idOrSlug, projectId);
  }

  /** Bots matching the filter in creation order (deleted ones only with `status: 'deleted'`). */
  listBots(filter?: ListBotsFilter): Promise<BotRecord[]> {
    return this.store.listBots(filter);
  }

  /** Soft-deletes a bot (status `deleted`, slug freed); its versions, deployments and runs stay. */
  deleteBot(id: string): Promise<BotRecord> {
    return this.store.deleteBot(id);
  }

  /** Every version of a bot by ascending version number. */
  listBotVersions(botId: string): Promise<BotVersionRecord[]> {
    return this.store.listBotVersions(botId);
  }

  /** A bot version by id, or `undefined`. */
  getBotVersion(id: string): Promise<BotVersionRecord | undefined> {
    return this.store.getBotVersion(id);
  }

  /** Opens a `running` deployment of a version of an active bot. */
  openDeployment(input: OpenDeploymentInput): Promise<DeploymentRecord> {
    return this.store.openDeployment(input);
  }

  /** Finishes a running deployment with its final status, result (JSON) and error. */
  finishDeployment(id: string, input: FinishDeploymentInput): Promise<DeploymentRecord> {
    return this.store.finishDeployment(id, input);
  }

  /** A deployment by id, or `undefined`. */
  getDeployment(id: string): Promise<DeploymentRecord | undefined> {
    return this.store.getDeployment(id);
  }

  /** Deployments matching the filter, in opening order. */
  listDeployments(filter?: ListDeploymentsFilter): Promise<DeploymentRecord[]> {
    return this.store.listDeployments(filter);
  }

  /** Records a `running` agent run of a spec version (optionally inside a deployment). */
  recordAgentRun(input: RecordAgentRunInput): Promise<AgentRunRecord> {
    return this.store.recordAgentRun(input);
  }

  /** Changes a running agent run; a final status stamps `finishedAt` and freezes it. */
  updateAgentRun(id: string, patch: UpdateAgentRunInput): Promise<AgentRunRecord> {
    return this.store.updateAgentRun(id, patch);
  }

  /** Appends a step to a running agent run (index = number of earlier steps). */
  appendAgentStep(runId: string, step: AppendAgentStepInput): Promise<AgentStepRecord> {
    return this.store.appendAgentStep(runId, step);
  }

  /** An agent run by id, or `undefined`. */
  getAgentRun(id: string): Promise<AgentRunRecord | undefined> {
    return this.store.getAgentRun(id);
  }

  /** Agent runs matching the filter, in recording order. */
  listAgentRuns(filter?: ListAgentRunsFilter): Promise<AgentRunRecord[]> {
    return this.store.listAgentRuns(filter);
  }

  /** The steps of an agent run by ascending index. */
  listAgentSteps(runId: string): Promise<AgentStepRecord[]> {
    return this.store.listAgentSteps(runId);
  }

  /** Appends an entry to a session journal (seq = number of earlier entries of the session). */
  appendJournal(input: AppendJournalInput): Promise<JournalEntry> {
    return this.store.appendJournal(input);
  }

  /** A session's journal entries by ascending seq, optionally from a time or after a seq. */
  listJournal(query: ListJournalQuery): Promise<JournalEntry[]> {
    return this.store.listJournal(query);
  }

  /** Saves (inserts or overwrites) the state of a restartable session. */
  saveSessionState(sessionId: string, state: unknown): Promise<SessionStateRecord> {
    return this.store.saveSessionState(sessionId, state);
  }

  /** The state last saved for a session, or `undefined`. */
  loadSessionState(sessionId: string): Promise<SessionStateRecord | undefined> {
    return this.store.loadSessionState(sessionId);
  }

  /** Closes the database file (after the calls in flight). Idempotent; later calls throw `PersistenceClosedError`. */
  close(): Promise<void> {
    return this.store.close();
  }
}

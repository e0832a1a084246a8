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
import pg from 'pg';
import type { PostgresPoolLike } from './postgres-client.js';
import { PostgresDriver } from './postgres-driver.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { SqlStore } from './sql-store.js';

/** Options of {@link PostgresPersistence}: give `connectionString` or `pool`, not both. */
export interface PostgresPersistenceOptions extends PersistenceOptions {
  /** Source of every timestamp the adapter stamps. Default: the wall clock; tests pass a `ManualClock`. */
  readonly clock?: Clock;
  /**
   * Makes the ids of bots, deployments and agent runs. Default: random v4 UUIDs
   * (`crypto.randomUUID`). Spec-version and bot-version ids are content-derived.
   */
  readonly idGenerator?: IdGenerator;
  /** A `postgres://user:pass@host:port/db` URL; the adapter opens (and closes) its own pool. */
  readonly connectionString?: string;
  /** A `pg.Pool` owned by the host: the adapter uses it and never ends it. */
  readonly pool?: PostgresPoolLike;
  /** Size of the pool the adapter opens from `connectionString` (default 10). */
  readonly maxConnections?: number;
}

/**
 * The shared, multi-process `PersistenceAdapter` (from `@alphaswarm/core`): PostgreSQL through `pg`, with the
 * same tables, constraints and semantics as {@link SqlitePersistence}.
 *
 * - Versioned, additive migrations (recorded in `schema_migrations`) run before the
 *   first call, under an advisory lock so that concurrent processes migrate once; call
 *   {@link PostgresPersistence.migrate} to run them eagerly. Tables live in the
 *   connection's current schema (`search_path`).
 * - Every write is one transaction at READ COMMITTED; competing writers serialise on
 *   row locks and transaction-scoped advisory locks (per spec series, per journal
 *   session, per project slug), so version numbers and sequence numbers never collide.
 * - Spec-version and bot-version rows are immutable in the database itself: triggers
 *   raise on `UPDATE`, `DELETE` and `TRUNCATE`.
 */
export class PostgresPersistence implements PersistenceAdapter {
  private readonly store: SqlStore;
  private readonly driver: PostgresDriver;

  /**
   * Connects lazily (nothing is sent before the first call or {@link migrate}).
   *
   * @throws InvalidArgumentError unless exactly one of `connectionString` and `pool` is given.
   */
  constructor(options: PostgresPersistenceOptions) {
    const hasUrl = options.connectionString !== undefined;
    const hasPool = options.pool !== undefined;
    if (hasUrl === hasPool) {
      throw new InvalidArgumentError('connectionString', options.connectionString, 'exactly one of connectionString and pool');
    }
    const max = options.maxConnections ?? 10;
    if (!Number.isSafeInteger(max) || max < 1) throw new InvalidArgumentError('maxConnections', max, 'a positive integer');
    let pool: PostgresPoolLike;
    if (options.pool !== undefined) {
      pool = options.pool;
    } else {
      if (typeof options.connectionString !== 'string' || options.connectionString.length === 0) {
        throw new InvalidArgumentError('connectionString', options.connectionString, 'a non-empty connection string');
      }
      const own = new pg.Pool({ connectionString: options.connectionString, max });
      // An idle client that loses its connection emits 'error' on the pool; without a
      // listener Node would crash the host. The next query reports the failure instead.
      own.on('error', () => undefined);
      pool = own;
    }
    this.driver = new PostgresDriver(pool, !hasPool, POSTGRES_MIGRATIONS, options.clock ?? systemClock);
    this.store = new SqlStore(this.driver, options);
  }

  /** Applies pending schema migrations now (otherwise they run before the first call). Idempotent. */
  migrate(): Promise<void> {
    return this.driver.migrate();
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

  /** Ends the pool the adapter opened (a host pool is left open). Idempotent; later calls throw `PersistenceClosedError`. */
  close(): Promise<void> {
    return this.store.close();
  }
}

import type { SpecStore } from '../spec/spec-store.js';
import type { Clock } from '../time.js';
import type {
  AgentRunRecord,
  AgentStepRecord,
  AppendAgentStepInput,
  ListAgentRunsFilter,
  RecordAgentRunInput,
  UpdateAgentRunInput,
} from './agent-run-records.js';
import type { BotRecord, BotVersionRecord, CreateBotInput, ListBotsFilter } from './bot-records.js';
import type {
  DeploymentRecord,
  FinishDeploymentInput,
  ListDeploymentsFilter,
  OpenDeploymentInput,
} from './deployment-records.js';
import type { IdGenerator } from './id-generator.js';
import type { AppendJournalInput, JournalEntry, ListJournalQuery, SessionStateRecord } from './journal-records.js';

/** Options shared by every {@link PersistenceAdapter} implementation. */
export interface PersistenceOptions {
  /**
   * Source of every timestamp the adapter stamps (`createdAt`, `openedAt`, …).
   * Default: the wall clock (`systemClock`); tests pass a `ManualClock`.
   */
  readonly clock?: Clock;
  /**
   * Makes the ids of bots, deployments and agent runs. Default: random v4 UUIDs
   * (`randomIdGenerator`); tests pass `sequentialIdGenerator()`. Spec-version
   * and bot-version ids are content-derived and never come from here.
   */
  readonly idGenerator?: IdGenerator;
}

/**
 * Where the SDK keeps spec versions, bots, deployments, agent runs, session journals and
 * session state. Implementations: `InMemoryPersistence` (core), `SqlitePersistence` and
 * `PostgresPersistence` (`@alphaswarm/adapters`); one contract test suite runs on all.
 *
 * Conventions of every implementation:
 * - All methods are async. Timestamps are epoch ms from the injected clock (journal
 *   entries and steps may carry their own time). Lists come in creation order.
 * - Every write is one transaction: when it throws, nothing of it is stored and
 *   nothing stored before is lost.
 * - Bad input throws `InvalidArgumentError` (field and value) or `NonJsonValueError`
 *   (path inside a JSON field); a missing referenced record `RecordNotFoundError`; a
 *   taken unique key or a forbidden state change `RecordConflictError`. `get…` returns
 *   `undefined` for an unknown id.
 * - JSON fields are stored as RFC 8785 canonical text and returned as fresh parses.
 * - Spec versions and bot versions are immutable (SQL stores enforce it with triggers).
 * - After `close()` every method throws `PersistenceClosedError`.
 */
export interface PersistenceAdapter extends SpecStore {
  /**
   * Creates an active bot with version 1 of its spec (hash-locked in the series
   * (`bot`, id)), in one transaction.
   *
   * @throws RecordConflictError (path `slug`) when a live bot of the project has the slug.
   */
  createBot(input: CreateBotInput): Promise<BotRecord>;
  /**
   * Sets a bot's spec. A new content snapshots a new bot version (next number) and makes
   * it current; the current content is a no-op (same version, nothing written); an
   * earlier content makes that earlier version current again.
   *
   * @throws RecordNotFoundError for an unknown bot; RecordConflictError for a deleted one.
   */
  updateBot(id: string, spec: unknown): Promise<BotRecord>;
  /**
   * A bot by id, or by slug among live bots. With `projectId`, only bots of that project
   * match. Without it, a slug used by live bots of several projects throws
   * `RecordConflictError` (path `idOrSlug`). `undefined` when nothing matches.
   */
  getBot(idOrSlug: string, projectId?: string): Promise<BotRecord | undefined>;
  /** Bots matching the filter, by creation order; deleted bots only when `status: 'deleted'`. */
  listBots(filter?: ListBotsFilter): Promise<BotRecord[]>;
  /**
   * Soft-deletes a bot: status `deleted`, `deletedAt` stamped, slug free for a new bot.
   * Its versions, deployments and runs stay (they are the audit trail). Deleting a
   * deleted bot returns it unchanged.
   *
   * @throws RecordNotFoundError for an unknown bot.
   */
  deleteBot(id: string): Promise<BotRecord>;
  /**
   * Every version of a bot by ascending version number.
   *
   * @throws RecordNotFoundError for an unknown bot.
   */
  listBotVersions(botId: string): Promise<BotVersionRecord[]>;
  /** A bot version by id, or `undefined`. */
  getBotVersion(id: string): Promise<BotVersionRecord | undefined>;

  /**
   * Opens a `running` deployment of a bot version.
   *
   * @throws RecordNotFoundError when the bot, or that version of it, does not exist;
   *   RecordConflictError when the bot is deleted.
   */
  openDeployment(input: OpenDeploymentInput): Promise<DeploymentRecord>;
  /**
   * Finishes a running deployment with its final status, result and error.
   *
   * @throws RecordNotFoundError for an unknown id; RecordConflictError when already finished.
   */
  finishDeployment(id: string, input: FinishDeploymentInput): Promise<DeploymentRecord>;
  /** A deployment by id, or `undefined`. */
  getDeployment(id: string): Promise<DeploymentRecord | undefined>;
  /** Deployments matching the filter, by opening order. */
  listDeployments(filter?: ListDeploymentsFilter): Promise<DeploymentRecord[]>;

  /**
   * Records a `running` agent run of a spec version.
   *
   * @throws RecordNotFoundError when the spec version or the deployment does not exist.
   */
  recordAgentRun(input: RecordAgentRunInput): Promise<AgentRunRecord>;
  /**
   * Changes a running agent run; a final status stamps `finishedAt` and freezes it.
   *
   * @throws RecordNotFoundError for an unknown id; RecordConflictError when already finished.
   */
  updateAgentRun(id: string, patch: UpdateAgentRunInput): Promise<AgentRunRecord>;
  /**
   * Appends a step to a running agent run (index = number of earlier steps).
   *
   * @throws RecordNotFoundError for an unknown run; RecordConflictError when it is finished.
   */
  appendAgentStep(runId: string, step: AppendAgentStepInput): Promise<AgentStepRecord>;
  /** An agent run by id, or `undefined`. */
  getAgentRun(id: string): Promise<AgentRunRecord | undefined>;
  /** Agent runs matching the filter, by recording order. */
  listAgentRuns(filter?: ListAgentRunsFilter): Promise<AgentRunRecord[]>;
  /**
   * The steps of an agent run by ascending index.
   *
   * @throws RecordNotFoundError for an unknown run.
   */
  listAgentSteps(runId: string): Promise<AgentStepRecord[]>;

  /** Appends an entry to a session journal (seq = number of earlier entries of the session). */
  appendJournal(input: AppendJournalInput): Promise<JournalEntry>;
  /** A session's journal entries by ascending seq, optionally from a time or after a seq. */
  listJournal(query: ListJournalQuery): Promise<JournalEntry[]>;
  /** Saves (inserts or overwrites) the state of a restartable session. */
  saveSessionState(sessionId: string, state: unknown): Promise<SessionStateRecord>;
  /** The state last saved for a session, or `undefined` when none was. */
  loadSessionState(sessionId: string): Promise<SessionStateRecord | undefined>;

  /** Releases the adapter's resources (connections, file handles). Idempotent. */
  close(): Promise<void>;
}

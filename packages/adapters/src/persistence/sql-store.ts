import {
  BOT_SPEC_KIND,
  PersistenceClosedError,
  RecordConflictError,
  RecordNotFoundError,
  assertSpecKey,
  botVersionIdOf,
  persistenceInput,
  prepareSpecSnapshot,
  randomIdGenerator,
  specIdOf,
  systemClock,
} from '@alphaswarm/core';
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
  EpochMs,
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
  PreparedSpecSnapshot,
  RecordAgentRunInput,
  SessionStateRecord,
  SpecVersion,
  UpdateAgentRunInput,
} from '@alphaswarm/core';
import type { SqlDriver, SqlParam, SqlSession } from './sql-driver.js';
import {
  AGENT_RUN_COLUMNS,
  BOT_SELECT,
  BOT_VERSION_SELECT,
  DEPLOYMENT_COLUMNS,
  SPEC_VERSION_COLUMNS,
  intColumn,
  toAgentRun,
  toAgentStep,
  toBot,
  toBotVersion,
  toDeployment,
  toJournalEntry,
  toSessionState,
  toSpecVersion,
} from './sql-rows.js';

/**
 * The persistence logic over SQL, shared by {@link SqlitePersistence} and
 * {@link PostgresPersistence}, which differ only in how they open their database
 * (their driver and schema). Every write is one transaction; checks that need stored
 * data run inside it, after taking the row or key lock that serialises competing writers.
 */
export class SqlStore implements PersistenceAdapter {
  private readonly clock: Clock;
  private readonly nextId: IdGenerator;
  private closed = false;

  /**
   * @param driver - the open database
   * @param options - clock and id generator
   * @internal
   */
  protected constructor(
    private readonly driver: SqlDriver,
    options: PersistenceOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.nextId = options.idGenerator ?? randomIdGenerator;
  }

  /** Hash-locks a spec as a version of `(kind, name)`: same content, same version; new content, next version (see `SpecStore.snapshotSpec`). */
  async snapshotSpec(kind: string, name: string, spec: unknown): Promise<SpecVersion> {
    this.open();
    const prepared = prepareSpecSnapshot(kind, name, spec);
    return this.driver.write((s) => this.snapshot(s, prepared, this.clock.now()));
  }

  /** The spec version with this id, or `undefined`. */
  async getSpecVersion(versionId: string): Promise<SpecVersion | undefined> {
    this.open();
    const key = persistenceInput.recordId(versionId, 'versionId');
    const rows = await this.driver.read((s) => s.all(`SELECT ${SPEC_VERSION_COLUMNS} FROM spec_versions WHERE version_id = ?`, [key]));
    return rows[0] === undefined ? undefined : toSpecVersion(rows[0]);
  }

  /** Every version of `(kind, name)` by ascending version number. */
  async listSpecVersions(kind: string, name: string): Promise<SpecVersion[]> {
    this.open();
    assertSpecKey(kind, name);
    const rows = await this.driver.read((s) =>
      s.all(`SELECT ${SPEC_VERSION_COLUMNS} FROM spec_versions WHERE spec_id = ? ORDER BY version`, [specIdOf(kind, name)]),
    );
    return rows.map(toSpecVersion);
  }

  /** Creates an active bot with version 1 of its spec; a live bot's `(projectId, slug)` taken ⇒ `RecordConflictError` (path `slug`). */
  async createBot(input: CreateBotInput): Promise<BotRecord> {
    this.open();
    const parsed = persistenceInput.createBot(input);
    const id = persistenceInput.recordId(this.nextId(), 'idGenerator()');
    const prepared = prepareSpecSnapshot(BOT_SPEC_KIND, id, parsed.spec);
    try {
      // The spec version is written first; a taken slug or id then fails the bot insert
      // on its unique index, and the rollback takes the spec version away again.
      return await this.driver.write(async (s) => {
        const now = this.clock.now();
        const spec = await this.snapshot(s, prepared, now);
        await s.run(
          `INSERT INTO bots (id, project_id, slug, name, kind, status, current_version_id, created_at, updated_at, deleted_at)
           VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, NULL)`,
          [id, parsed.projectId, parsed.slug, parsed.name, parsed.kind, botVersionIdOf(id, spec.specHash), now, now],
        );
        await this.insertBotVersion(s, id, spec, now);
        return this.readBot(s, id);
      });
    } catch (error) {
      const violation = this.driver.violation(error);
      if (violation?.kind === 'unique' && violation.detail.includes('slug')) throw slugTaken(parsed.slug, parsed.projectId, error);
      if (violation?.kind === 'unique') throw idInUse('bot', id, error);
      throw error;
    }
  }

  /** Sets a bot's spec: new content ⇒ new bot version made current; current content ⇒ no-op; earlier content ⇒ that version current again. */
  async updateBot(id: string, spec: unknown): Promise<BotRecord> {
    this.open();
    const key = persistenceInput.recordId(id, 'id');
    const prepared = prepareSpecSnapshot(BOT_SPEC_KIND, key, spec);
    return this.driver.write(async (s) => {
      const locked = await s.all(`SELECT status, current_version_id FROM bots WHERE id = ?${this.driver.forUpdate}`, [key]);
      const bot = locked[0];
      if (bot === undefined) throw new RecordNotFoundError('bot', 'id', key);
      if (bot['status'] === 'deleted') throw new RecordConflictError('bot', 'id', key, 'the bot is deleted');
      const targetId = botVersionIdOf(key, prepared.specHash);
      if (bot['current_version_id'] === targetId) return this.readBot(s, key);
      const now = this.clock.now();
      const existing = await s.all('SELECT 1 AS found FROM bot_versions WHERE id = ?', [targetId]);
      if (existing.length === 0) await this.insertBotVersion(s, key, await this.snapshot(s, prepared, now), now);
      await s.run('UPDATE bots SET current_version_id = ?, updated_at = ? WHERE id = ?', [targetId, now, key]);
      return this.readBot(s, key);
    });
  }

  /** A bot by id, or by slug among live bots (of `projectId` when given), or `undefined`. */
  async getBot(idOrSlug: string, projectId?: string): Promise<BotRecord | undefined> {
    this.open();
    const key = persistenceInput.recordId(idOrSlug, 'idOrSlug');
    const project = projectId === undefined ? undefined : persistenceInput.recordId(projectId, 'projectId');
    return this.driver.read(async (s) => {
      const projectClause = project === undefined ? '' : ' AND b.project_id = ?';
      const projectParams: SqlParam[] = project === undefined ? [] : [project];
      const byId = await s.all(`${BOT_SELECT} WHERE b.id = ?${projectClause}`, [key, ...projectParams]);
      if (byId[0] !== undefined) return toBot(byId[0]);
      const bySlug = await s.all(`${BOT_SELECT} WHERE b.slug = ? AND b.status = 'active'${projectClause} ORDER BY b.seq`, [
        key,
        ...projectParams,
      ]);
      if (bySlug.length > 1) throw ambiguousSlug(key);
      return bySlug[0] === undefined ? undefined : toBot(bySlug[0]);
    });
  }

  /** Bots matching the filter in creation order (deleted ones only with `status: 'deleted'`). */
  async listBots(filter: ListBotsFilter = {}): Promise<BotRecord[]> {
    this.open();
    const f = persistenceInput.listBots(filter);
    const where = ['b.status = ?'];
    const params: SqlParam[] = [f.status];
    if (f.projectId !== undefined) {
      where.push('b.project_id = ?');
      params.push(f.projectId);
    }
    if (f.kind !== undefined) {
      where.push('b.kind = ?');
      params.push(f.kind);
    }
    const rows = await this.driver.read((s) => s.all(`${BOT_SELECT} WHERE ${where.join(' AND ')} ORDER BY b.seq`, params));
    return rows.map(toBot);
  }

  /** Soft-deletes a bot (status `deleted`, slug freed); its versions, deployments and runs stay. */
  async deleteBot(id: string): Promise<BotRecord> {
    this.open();
    const key = persistenceInput.recordId(id, 'id');
    return this.driver.write(async (s) => {
      const locked = await s.all(`SELECT status FROM bots WHERE id = ?${this.driver.forUpdate}`, [key]);
      const bot = locked[0];
      if (bot === undefined) throw new RecordNotFoundError('bot', 'id', key);
      if (bot['status'] !== 'deleted') {
        const now = this.clock.now();
        await s.run("UPDATE bots SET status = 'deleted', deleted_at = ?, updated_at = ? WHERE id = ?", [now, now, key]);
      }
      return this.readBot(s, key);
    });
  }

  /** Every version of a bot by ascending version number. */
  async listBotVersions(botId: string): Promise<BotVersionRecord[]> {
    this.open();
    const key = persistenceInput.recordId(botId, 'botId');
    const rows = await this.driver.read(async (s) => {
      if ((await s.all('SELECT 1 AS found FROM bots WHERE id = ?', [key])).length === 0) {
        throw new RecordNotFoundError('bot', 'botId', key);
      }
      return s.all(`${BOT_VERSION_SELECT} WHERE bv.bot_id = ? ORDER BY bv.version`, [key]);
    });
    return rows.map(toBotVersion);
  }

  /** A bot version by id, or `undefined`. */
  async getBotVersion(id: string): Promise<BotVersionRecord | undefined> {
    this.open();
    const key = persistenceInput.recordId(id, 'id');
    const rows = await this.driver.read((s) => s.all(`${BOT_VERSION_SELECT} WHERE bv.id = ?`, [key]));
    return rows[0] === undefined ? undefined : toBotVersion(rows[0]);
  }

  /** Opens a `running` deployment of a version of an active bot. */
  async openDeployment(input: OpenDeploymentInput): Promise<DeploymentRecord> {
    this.open();
    const parsed = persistenceInput.openDeployment(input);
    const id = persistenceInput.recordId(this.nextId(), 'idGenerator()');
    return this.driver.write(async (s) => {
      const bots = await s.all(`SELECT status FROM bots WHERE id = ?${this.driver.forUpdate}`, [parsed.botId]);
      const bot = bots[0];
      if (bot === undefined) throw new RecordNotFoundError('bot', 'botId', parsed.botId);
      const versions = await s.all('SELECT 1 AS found FROM bot_versions WHERE id = ? AND bot_id = ?', [parsed.botVersionId, parsed.botId]);
      if (versions.length === 0) throw new RecordNotFoundError(`version of bot ${parsed.botId}`, 'botVersionId', parsed.botVersionId);
      if (bot['status'] === 'deleted') throw new RecordConflictError('bot', 'botId', parsed.botId, 'the bot is deleted');
      if ((await s.all('SELECT 1 AS found FROM deployments WHERE id = ?', [id])).length > 0) throw idInUse('deployment', id);
      await s.run(
        `INSERT INTO deployments (id, bot_id, bot_version_id, kind, status, result_json, error, opened_at, finished_at)
         VALUES (?, ?, ?, ?, 'running', NULL, NULL, ?, NULL)`,
        [id, parsed.botId, parsed.botVersionId, parsed.kind, this.clock.now()],
      );
      return this.readDeployment(s, id);
    });
  }

  /** Finishes a running deployment with its final status, result (JSON) and error. */
  async finishDeployment(id: string, input: FinishDeploymentInput): Promise<DeploymentRecord> {
    this.open();
    const key = persistenceInput.recordId(id, 'id');
    const parsed = persistenceInput.finishDeployment(input);
    return this.driver.write(async (s) => {
      const rows = await s.all(`SELECT status FROM deployments WHERE id = ?${this.driver.forUpdate}`, [key]);
      const row = rows[0];
      if (row === undefined) throw new RecordNotFoundError('deployment', 'id', key);
      if (row['status'] !== 'running') {
        throw new RecordConflictError('deployment', 'id', key, `the deployment is already ${String(row['status'])}`);
      }
      await s.run('UPDATE deployments SET status = ?, result_json = ?, error = ?, finished_at = ? WHERE id = ?', [
        parsed.status,
        parsed.resultJson,
        parsed.error,
        this.clock.now(),
        key,
      ]);
      return this.readDeployment(s, key);
    });
  }

  /** A deployment by id, or `undefined`. */
  async getDeployment(id: string): Promise<DeploymentRecord | undefined> {
    this.open();
    const key = persistenceInput.recordId(id, 'id');
    const rows = await this.driver.read((s) => s.all(`SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE id = ?`, [key]));
    return rows[0] === undefined ? undefined : toDeployment(rows[0]);
  }

  /** Deployments matching the filter, in opening order. */
  async listDeployments(filter: ListDeploymentsFilter = {}): Promise<DeploymentRecord[]> {
    this.open();
    const f = persistenceInput.listDeployments(filter);
    const where: string[] = [];
    const params: SqlParam[] = [];
    for (const [column, value] of [
      ['bot_id', f.botId],
      ['kind', f.kind],
      ['status', f.status],
    ] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    const clause = where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`;
    const rows = await this.driver.read((s) => s.all(`SELECT ${DEPLOYMENT_COLUMNS} FROM deployments${clause} ORDER BY seq`, params));
    return rows.map(toDeployment);
  }

  /** Records a `running` agent run of a spec version (optionally inside a deployment). */
  async recordAgentRun(input: RecordAgentRunInput): Promise<AgentRunRecord> {
    this.open();
    const parsed = persistenceInput.recordAgentRun(input);
    const id = persistenceInput.recordId(this.nextId(), 'idGenerator()');
    return this.driver.write(async (s) => {
      if ((await s.all('SELECT 1 AS found FROM spec_versions WHERE version_id = ?', [parsed.versionId])).length === 0) {
        throw new RecordNotFoundError('spec version', 'versionId', parsed.versionId);
      }
      if (
        parsed.deploymentId !== null &&
        (await s.all('SELECT 1 AS found FROM deployments WHERE id = ?', [parsed.deploymentId])).length === 0
      ) {
        throw new RecordNotFoundError('deployment', 'deploymentId', parsed.deploymentId);
      }
      if ((await s.all('SELECT 1 AS found FROM agent_runs WHERE id = ?', [id])).length > 0) throw idInUse('agent run', id);
      const now = this.clock.now();
      await s.run(
        `INSERT INTO agent_runs (id, version_id, deployment_id, status, input_json, output_json, error,
           prompt_tokens, completion_tokens, cost_usd, started_at, updated_at, finished_at)
         VALUES (?, ?, ?, 'running', ?, NULL, NULL, 0, 0, 0, ?, ?, NULL)`,
        [id, parsed.versionId, parsed.deploymentId, parsed.inputJson, now, now],
      );
      return this.readAgentRun(s, id);
    });
  }

  /** Changes a running agent run; a final status stamps `finishedAt` and freezes it. */
  async updateAgentRun(id: string, patch: UpdateAgentRunInput): Promise<AgentRunRecord> {
    this.open();
    const key = persistenceInput.recordId(id, 'id');
    const parsed = persistenceInput.updateAgentRun(patch);
    return this.driver.write(async (s) => {
      await this.lockRunningAgentRun(s, key, 'id');
      const now = this.clock.now();
      const sets = ['updated_at = ?'];
      const params: SqlParam[] = [now];
      const set = (column: string, value: SqlParam | undefined): void => {
        if (value === undefined) return;
        sets.push(`${column} = ?`);
        params.push(value);
      };
      set('status', parsed.status);
      set('output_json', parsed.outputJson);
      set('error', parsed.error);
      set('prompt_tokens', parsed.usage.promptTokens);
      set('completion_tokens', parsed.usage.completionTokens);
      set('cost_usd', parsed.usage.costUsd);
      if (parsed.status !== undefined && parsed.status !== 'running') set('finished_at', now);
      await s.run(`UPDATE agent_runs SET ${sets.join(', ')} WHERE id = ?`, [...params, key]);
      return this.readAgentRun(s, key);
    });
  }

  /** Appends a step to a running agent run (index = number of earlier steps). */
  async appendAgentStep(runId: string, step: AppendAgentStepInput): Promise<AgentStepRecord> {
    this.open();
    const key = persistenceInput.recordId(runId, 'runId');
    const parsed = persistenceInput.appendAgentStep(step);
    return this.driver.write(async (s) => {
      await this.lockRunningAgentRun(s, key, 'runId');
      const next = intColumn(
        (await s.all('SELECT COALESCE(MAX(step_index), -1) + 1 AS next FROM agent_steps WHERE run_id = ?', [key]))[0],
        'next',
      );
      const time = parsed.time ?? this.clock.now();
      await s.run('INSERT INTO agent_steps (run_id, step_index, kind, event_time, payload_json) VALUES (?, ?, ?, ?, ?)', [
        key,
        next,
        parsed.kind,
        time,
        parsed.payloadJson,
      ]);
      return toAgentStep({ run_id: key, step_index: next, kind: parsed.kind, event_time: time, payload_json: parsed.payloadJson });
    });
  }

  /** An agent run by id, or `undefined`. */
  async getAgentRun(id: string): Promise<AgentRunRecord | undefined> {
    this.open();
    const key = persistenceInput.recordId(id, 'id');
    const rows = await this.driver.read((s) => s.all(`SELECT ${AGENT_RUN_COLUMNS} FROM agent_runs WHERE id = ?`, [key]));
    return rows[0] === undefined ? undefined : toAgentRun(rows[0]);
  }

  /** Agent runs matching the filter, in recording order. */
  async listAgentRuns(filter: ListAgentRunsFilter = {}): Promise<AgentRunRecord[]> {
    this.open();
    const f = persistenceInput.listAgentRuns(filter);
    const where: string[] = [];
    const params: SqlParam[] = [];
    if (f.deploymentId !== undefined) {
      where.push('deployment_id = ?');
      params.push(f.deploymentId);
    }
    if (f.versionId !== undefined) {
      where.push('version_id = ?');
      params.push(f.versionId);
    }
    const clause = where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`;
    const rows = await this.driver.read((s) => s.all(`SELECT ${AGENT_RUN_COLUMNS} FROM agent_runs${clause} ORDER BY seq`, params));
    return rows.map(toAgentRun);
  }

  /** The steps of an agent run by ascending index. */
  async listAgentSteps(runId: string): Promise<AgentStepRecord[]> {
    this.open();
    const key = persistenceInput.recordId(runId, 'runId');
    const rows = await this.driver.read(async (s) => {
      if ((await s.all('SELECT 1 AS found FROM agent_runs WHERE id = ?', [key])).length === 0) {
        throw new RecordNotFoundError('agent run', 'runId', key);
      }
      return s.all('SELECT run_id, step_index, kind, event_time, payload_json FROM agent_steps WHERE run_id = ? ORDER BY step_index', [
        key,
      ]);
    });
    return rows.map(toAgentStep);
  }

  /** Appends an entry to a session journal (seq = number of earlier entries of the session). */
  async appendJournal(input: AppendJournalInput): Promise<JournalEntry> {
    this.open();
    const parsed = persistenceInput.appendJournal(input);
    return this.driver.write(async (s) => {
      await this.driver.lock(s, 'journal', parsed.sessionId);
      const next = intColumn(
        (await s.all('SELECT COALESCE(MAX(seq), -1) + 1 AS next FROM journal WHERE session_id = ?', [parsed.sessionId]))[0],
        'next',
      );
      await s.run('INSERT INTO journal (session_id, seq, event_time, kind, payload_json) VALUES (?, ?, ?, ?, ?)', [
        parsed.sessionId,
        next,
        parsed.time,
        parsed.kind,
        parsed.payloadJson,
      ]);
      return toJournalEntry({
        session_id: parsed.sessionId,
        seq: next,
        event_time: parsed.time,
        kind: parsed.kind,
        payload_json: parsed.payloadJson,
      });
    });
  }

  /** A session's journal entries by ascending seq, optionally from a time or after a seq. */
  async listJournal(query: ListJournalQuery): Promise<JournalEntry[]> {
    this.open();
    const q = persistenceInput.listJournal(query);
    const where = ['session_id = ?'];
    const params: SqlParam[] = [q.sessionId];
    if (q.since !== undefined) {
      where.push('event_time >= ?');
      params.push(q.since);
    }
    if (q.afterSeq !== undefined) {
      where.push('seq > ?');
      params.push(q.afterSeq);
    }
    const rows = await this.driver.read((s) =>
      s.all(`SELECT session_id, seq, event_time, kind, payload_json FROM journal WHERE ${where.join(' AND ')} ORDER BY seq`, params),
    );
    return rows.map(toJournalEntry);
  }

  /** Saves (inserts or overwrites) the state of a restartable session. */
  async saveSessionState(sessionId: string, state: unknown): Promise<SessionStateRecord> {
    this.open();
    const key = persistenceInput.recordId(sessionId, 'sessionId');
    const json = persistenceInput.json(state, 'state');
    return this.driver.write(async (s) => {
      const savedAt = this.clock.now();
      await s.run(
        `INSERT INTO session_state (session_id, state_json, saved_at) VALUES (?, ?, ?)
         ON CONFLICT (session_id) DO UPDATE SET state_json = excluded.state_json, saved_at = excluded.saved_at`,
        [key, json, savedAt],
      );
      return toSessionState({ session_id: key, state_json: json, saved_at: savedAt });
    });
  }

  /** The state last saved for a session, or `undefined`. */
  async loadSessionState(sessionId: string): Promise<SessionStateRecord | undefined> {
    this.open();
    const key = persistenceInput.recordId(sessionId, 'sessionId');
    const rows = await this.driver.read((s) =>
      s.all('SELECT session_id, state_json, saved_at FROM session_state WHERE session_id = ?', [key]),
    );
    return rows[0] === undefined ? undefined : toSessionState(rows[0]);
  }

  /** Closes the database file (after the calls in flight). Idempotent; later calls throw `PersistenceClosedError`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  private open(): void {
    if (this.closed) throw new PersistenceClosedError(this.driver.adapterName);
  }

  /** Inside a write: the version with the prepared content, inserted with the next number if new. */
  private async snapshot(s: SqlSession, prepared: PreparedSpecSnapshot, createdAt: EpochMs): Promise<SpecVersion> {
    await this.driver.lock(s, 'spec', prepared.specId);
    const found = await s.all(`SELECT ${SPEC_VERSION_COLUMNS} FROM spec_versions WHERE version_id = ?`, [prepared.versionId]);
    if (found[0] !== undefined) {
      const existing = toSpecVersion(found[0]);
      if (existing.specHash !== prepared.specHash) {
        throw new RecordConflictError('spec version', 'versionId', prepared.versionId, 'a different spec is stored under this id');
      }
      return existing;
    }
    const next = intColumn(
      (await s.all('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM spec_versions WHERE spec_id = ?', [prepared.specId]))[0],
      'next',
    );
    await s.run(
      `INSERT INTO spec_versions (version_id, spec_id, kind, name, version, spec_hash, spec_json, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [prepared.versionId, prepared.specId, prepared.kind, prepared.name, next, prepared.specHash, prepared.canonicalJson, createdAt],
    );
    return toSpecVersion({
      version_id: prepared.versionId,
      spec_id: prepared.specId,
      kind: prepared.kind,
      name: prepared.name,
      version: next,
      spec_hash: prepared.specHash,
      spec_json: prepared.canonicalJson,
      created_at: createdAt,
    });
  }

  private async insertBotVersion(s: SqlSession, botId: string, spec: SpecVersion, now: EpochMs): Promise<void> {
    await s.run(
      'INSERT INTO bot_versions (id, bot_id, version, spec_hash, spec_version_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [botVersionIdOf(botId, spec.specHash), botId, spec.version, spec.specHash, spec.versionId, now],
    );
  }

  private async lockRunningAgentRun(s: SqlSession, id: string, field: string): Promise<void> {
    const rows = await s.all(`SELECT status FROM agent_runs WHERE id = ?${this.driver.forUpdate}`, [id]);
    const row = rows[0];
    if (row === undefined) throw new RecordNotFoundError('agent run', field, id);
    if (row['status'] !== 'running') {
      throw new RecordConflictError('agent run', field, id, `the agent run is already ${String(row['status'])}`);
    }
  }

  private async readBot(s: SqlSession, id: string): Promise<BotRecord> {
    const rows = await s.all(`${BOT_SELECT} WHERE b.id = ?`, [id]);
    if (rows[0] === undefined) throw new RecordNotFoundError('bot', 'id', id);
    return toBot(rows[0]);
  }

  private async readDeployment(s: SqlSession, id: string): Promise<DeploymentRecord> {
    const rows = await s.all(`SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE id = ?`, [id]);
    if (rows[0] === undefined) throw new RecordNotFoundError('deployment', 'id', id);
    return toDeployment(rows[0]);
  }

  private async readAgentRun(s: SqlSession, id: string): Promise<AgentRunRecord> {
    const rows = await s.all(`SELECT ${AGENT_RUN_COLUMNS} FROM agent_runs WHERE id = ?`, [id]);
    if (rows[0] === undefined) throw new RecordNotFoundError('agent run', 'id', id);
    return toAgentRun(rows[0]);
  }
}

function idInUse(entity: string, id: string, cause?: unknown): RecordConflictError {
  return new RecordConflictError(entity, 'id', id, 'the id generator returned an id already in use', cause);
}

function slugTaken(slug: string, projectId: string, cause?: unknown): RecordConflictError {
  return new RecordConflictError(
    'bot',
    'slug',
    slug,
    `a live bot with this slug exists in project ${JSON.stringify(projectId)}`,
    cause,
  );
}

function ambiguousSlug(slug: string): RecordConflictError {
  return new RecordConflictError('bot', 'idOrSlug', slug, 'live bots of several projects have this slug; pass projectId');
}

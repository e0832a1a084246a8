import { z } from 'zod';
import { AlphaSwarmError, BOT_STATUSES, DEPLOYMENT_KINDS, RUN_STATUSES } from '@alphaswarm/core';
import type {
  AgentRunRecord,
  AgentStepRecord,
  BotRecord,
  BotVersionRecord,
  DeploymentRecord,
  JournalEntry,
  JsonValue,
  SessionStateRecord,
  SpecVersion,
} from '@alphaswarm/core';
import type { SqlRow } from './sql-driver.js';

/** An integer column: SQLite gives numbers, PostgreSQL BIGINT gives decimal strings. */
const int = z.union([z.int(), z.string().regex(/^-?\d+$/).transform(Number).pipe(z.int())]);
const text = z.string();
const nullableText = text.nullable();

const specVersionRow = z.object({
  version_id: text,
  spec_id: text,
  kind: text,
  name: text,
  version: int,
  spec_hash: text,
  spec_json: text,
  created_at: int,
});

const botVersionRow = z.object({
  id: text,
  bot_id: text,
  version: int,
  spec_hash: text,
  spec_version_id: text,
  created_at: int,
  spec_json: text,
});

const botRow = z.object({
  id: text,
  project_id: text,
  slug: text,
  name: text,
  kind: text,
  status: z.enum(BOT_STATUSES),
  created_at: int,
  updated_at: int,
  deleted_at: int.nullable(),
  v_id: text,
  v_version: int,
  v_spec_hash: text,
  v_spec_version_id: text,
  v_created_at: int,
  v_spec_json: text,
});

const deploymentRow = z.object({
  id: text,
  bot_id: text,
  bot_version_id: text,
  kind: z.enum(DEPLOYMENT_KINDS),
  status: z.enum(RUN_STATUSES),
  result_json: nullableText,
  error: nullableText,
  opened_at: int,
  finished_at: int.nullable(),
});

const agentRunRow = z.object({
  id: text,
  version_id: text,
  deployment_id: nullableText,
  status: z.enum(RUN_STATUSES),
  input_json: text,
  output_json: nullableText,
  error: nullableText,
  prompt_tokens: int,
  completion_tokens: int,
  cost_usd: z.number(),
  started_at: int,
  updated_at: int,
  finished_at: int.nullable(),
});

const agentStepRow = z.object({
  run_id: text,
  step_index: int,
  kind: text,
  event_time: int,
  payload_json: text,
});

const journalRow = z.object({
  session_id: text,
  seq: int,
  event_time: int,
  kind: text,
  payload_json: text,
});

const sessionStateRow = z.object({ session_id: text, state_json: text, saved_at: int });

/** Columns of a spec-version row, in {@link toSpecVersion}'s shape. */
export const SPEC_VERSION_COLUMNS = 'version_id, spec_id, kind, name, version, spec_hash, spec_json, created_at';

/** A `SELECT` of bot versions with their spec (alias `bv`, spec alias `sv`); append `WHERE`. */
export const BOT_VERSION_SELECT = `SELECT bv.id, bv.bot_id, bv.version, bv.spec_hash, bv.spec_version_id, bv.created_at, sv.spec_json
FROM bot_versions bv JOIN spec_versions sv ON sv.version_id = bv.spec_version_id`;

/** A `SELECT` of bots with their current version and spec (alias `b`); append `WHERE`. */
export const BOT_SELECT = `SELECT b.id, b.project_id, b.slug, b.name, b.kind, b.status, b.created_at, b.updated_at, b.deleted_at,
  bv.id AS v_id, bv.version AS v_version, bv.spec_hash AS v_spec_hash, bv.spec_version_id AS v_spec_version_id,
  bv.created_at AS v_created_at, sv.spec_json AS v_spec_json
FROM bots b
JOIN bot_versions bv ON bv.id = b.current_version_id
JOIN spec_versions sv ON sv.version_id = bv.spec_version_id`;

/** Columns of a deployment row. */
export const DEPLOYMENT_COLUMNS = 'id, bot_id, bot_version_id, kind, status, result_json, error, opened_at, finished_at';

/** Columns of an agent-run row. */
export const AGENT_RUN_COLUMNS =
  'id, version_id, deployment_id, status, input_json, output_json, error, prompt_tokens, completion_tokens, cost_usd, started_at, updated_at, finished_at';

function parseRow<T>(schema: z.ZodType<T>, row: SqlRow, table: string): T {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const column = issue === undefined ? '' : issue.path.map(String).join('.');
  throw new AlphaSwarmError('INVALID_ROW', `${table}.${column}: unexpected stored value (${issue?.message ?? 'invalid row'})`, {
    path: `${table}.${column}`,
    value: row[column],
  });
}

function json(text: string): JsonValue {
  return JSON.parse(text) as JsonValue;
}

/** Maps a `spec_versions` row. */
export function toSpecVersion(row: SqlRow): SpecVersion {
  const r = parseRow(specVersionRow, row, 'spec_versions');
  return {
    specId: r.spec_id,
    versionId: r.version_id,
    kind: r.kind,
    name: r.name,
    version: r.version,
    specHash: r.spec_hash,
    spec: json(r.spec_json),
    createdAt: r.created_at,
  };
}

/** Maps a row of {@link BOT_VERSION_SELECT}. */
export function toBotVersion(row: SqlRow): BotVersionRecord {
  const r = parseRow(botVersionRow, row, 'bot_versions');
  return {
    id: r.id,
    botId: r.bot_id,
    version: r.version,
    specHash: r.spec_hash,
    specVersionId: r.spec_version_id,
    spec: json(r.spec_json),
    createdAt: r.created_at,
  };
}

/** Maps a row of {@link BOT_SELECT}. */
export function toBot(row: SqlRow): BotRecord {
  const r = parseRow(botRow, row, 'bots');
  return {
    id: r.id,
    projectId: r.project_id,
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    status: r.status,
    currentVersion: {
      id: r.v_id,
      botId: r.id,
      version: r.v_version,
      specHash: r.v_spec_hash,
      specVersionId: r.v_spec_version_id,
      spec: json(r.v_spec_json),
      createdAt: r.v_created_at,
    },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/** Maps a `deployments` row. */
export function toDeployment(row: SqlRow): DeploymentRecord {
  const r = parseRow(deploymentRow, row, 'deployments');
  return {
    id: r.id,
    botId: r.bot_id,
    botVersionId: r.bot_version_id,
    kind: r.kind,
    status: r.status,
    result: r.result_json === null ? null : json(r.result_json),
    error: r.error,
    openedAt: r.opened_at,
    finishedAt: r.finished_at,
  };
}

/** Maps an `agent_runs` row. */
export function toAgentRun(row: SqlRow): AgentRunRecord {
  const r = parseRow(agentRunRow, row, 'agent_runs');
  return {
    id: r.id,
    versionId: r.version_id,
    deploymentId: r.deployment_id,
    status: r.status,
    input: json(r.input_json),
    output: r.output_json === null ? null : json(r.output_json),
    error: r.error,
    usage: { promptTokens: r.prompt_tokens, completionTokens: r.completion_tokens, costUsd: r.cost_usd },
    startedAt: r.started_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
  };
}

/** Maps an `agent_steps` row. */
export function toAgentStep(row: SqlRow): AgentStepRecord {
  const r = parseRow(agentStepRow, row, 'agent_steps');
  return { runId: r.run_id, index: r.step_index, kind: r.kind, time: r.event_time, payload: json(r.payload_json) };
}

/** Maps a `journal` row. */
export function toJournalEntry(row: SqlRow): JournalEntry {
  const r = parseRow(journalRow, row, 'journal');
  return { sessionId: r.session_id, seq: r.seq, time: r.event_time, kind: r.kind, payload: json(r.payload_json) };
}

/** Maps a `session_state` row. */
export function toSessionState(row: SqlRow): SessionStateRecord {
  const r = parseRow(sessionStateRow, row, 'session_state');
  return { sessionId: r.session_id, state: json(r.state_json), savedAt: r.saved_at };
}

/** Reads one integer from a row (e.g. `COALESCE(MAX(seq), -1) + 1 AS next`). */
export function intColumn(row: SqlRow | undefined, column: string): number {
  const value = row?.[column];
  const parsed = int.safeParse(value);
  if (!parsed.success) {
    throw new AlphaSwarmError('INVALID_ROW', `${column}: expected an integer, got ${String(value)}`, { path: column, value });
  }
  return parsed.data;
}

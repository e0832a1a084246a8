import { z } from 'zod';
import { InvalidArgumentError } from '../errors.js';
import { canonicalize } from '../spec/canonical-json.js';
import type { EpochMs } from '../time.js';
import type { AgentUsage } from './agent-run-records.js';
import { BOT_STATUSES } from './bot-records.js';
import type { BotStatus } from './bot-records.js';
import { DEPLOYMENT_KINDS } from './deployment-records.js';
import type { DeploymentKind } from './deployment-records.js';
import { FINISHED_RUN_STATUSES, RUN_STATUSES } from './run-status.js';
import type { FinishedRunStatus, RunStatus } from './run-status.js';

const MAX_ID_LENGTH = 256;
const RECORD_ID = 'a non-empty string of at most 256 characters';
const SLUG = 'a slug matching [a-z0-9][a-z0-9_-]* (at most 64 characters)';
const KIND = 'a lowercase identifier matching [a-z][a-z0-9_.-]* (at most 64 characters)';
const LABEL = 'a non-empty string of at most 64 characters';
const EPOCH_MS = 'an integer epoch-ms timestamp';

const recordId = z.string({ error: RECORD_ID }).min(1, { error: RECORD_ID }).max(MAX_ID_LENGTH, { error: RECORD_ID });
const slug = z.string({ error: SLUG }).regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { error: SLUG });
const kindName = z.string({ error: KIND }).regex(/^[a-z][a-z0-9_.-]{0,63}$/, { error: KIND });
const label = z.string({ error: LABEL }).min(1, { error: LABEL }).max(64, { error: LABEL });
const epochMs = z.int({ error: EPOCH_MS });
const errorText = z.string({ error: 'a string or null' }).nullable();
const runStatus = z.enum(RUN_STATUSES, { error: `one of ${RUN_STATUSES.join(', ')}` });
const finishedStatus = z.enum(FINISHED_RUN_STATUSES, { error: `one of ${FINISHED_RUN_STATUSES.join(', ')}` });
const deploymentKind = z.enum(DEPLOYMENT_KINDS, { error: `one of ${DEPLOYMENT_KINDS.join(', ')}` });
const botStatus = z.enum(BOT_STATUSES, { error: `one of ${BOT_STATUSES.join(', ')}` });
const tokens = z.int({ error: 'a non-negative integer' }).nonnegative({ error: 'a non-negative integer' });
const dollars = z.number({ error: 'a finite non-negative number' }).nonnegative({ error: 'a finite non-negative number' });

const createBotSchema = z.strictObject({
  projectId: recordId,
  slug,
  name: recordId,
  kind: kindName,
  spec: z.unknown().optional(),
});
const listBotsSchema = z.strictObject({
  projectId: recordId.optional(),
  kind: kindName.optional(),
  status: botStatus.optional(),
});
const openDeploymentSchema = z.strictObject({ botId: recordId, botVersionId: recordId, kind: deploymentKind });
const finishDeploymentSchema = z.strictObject({ status: finishedStatus, result: z.unknown().optional(), error: errorText.optional() });
const listDeploymentsSchema = z.strictObject({
  botId: recordId.optional(),
  kind: deploymentKind.optional(),
  status: runStatus.optional(),
});
const recordAgentRunSchema = z.strictObject({
  versionId: recordId,
  deploymentId: recordId.nullable().optional(),
  input: z.unknown().optional(),
});
const usageSchema = z.strictObject({
  promptTokens: tokens.optional(),
  completionTokens: tokens.optional(),
  costUsd: dollars.optional(),
});
const updateAgentRunSchema = z.strictObject({
  status: runStatus.optional(),
  output: z.unknown().optional(),
  error: errorText.optional(),
  usage: usageSchema.optional(),
});
const appendAgentStepSchema = z.strictObject({ kind: label, payload: z.unknown().optional(), time: epochMs.optional() });
const listAgentRunsSchema = z.strictObject({ deploymentId: recordId.optional(), versionId: recordId.optional() });
const appendJournalSchema = z.strictObject({ sessionId: recordId, time: epochMs, kind: label, payload: z.unknown().optional() });
const listJournalSchema = z.strictObject({
  sessionId: recordId,
  since: epochMs.optional(),
  afterSeq: z.int({ error: 'an integer' }).optional(),
});

/** Validated {@link CreateBotInput}; `spec` is checked to be JSON when it is hash-locked. */
export interface ParsedCreateBotInput {
  /** Project id. */
  readonly projectId: string;
  /** Slug. */
  readonly slug: string;
  /** Display name. */
  readonly name: string;
  /** Bot kind. */
  readonly kind: string;
  /** The spec, not yet canonicalised. */
  readonly spec: unknown;
}

/** Validated {@link ListBotsFilter}. */
export interface ParsedListBotsFilter {
  /** Project filter. */
  readonly projectId: string | undefined;
  /** Kind filter. */
  readonly kind: string | undefined;
  /** Status filter; `active` when the caller gave none. */
  readonly status: BotStatus;
}

/** Validated {@link OpenDeploymentInput}. */
export interface ParsedOpenDeploymentInput {
  /** Bot id. */
  readonly botId: string;
  /** Bot version id. */
  readonly botVersionId: string;
  /** Deployment kind. */
  readonly kind: DeploymentKind;
}

/** Validated {@link FinishDeploymentInput}, with the result encoded. */
export interface ParsedFinishDeploymentInput {
  /** Final status. */
  readonly status: FinishedRunStatus;
  /** Canonical JSON text of the result. */
  readonly resultJson: string;
  /** Error message or `null`. */
  readonly error: string | null;
}

/** Validated {@link ListDeploymentsFilter}. */
export interface ParsedListDeploymentsFilter {
  /** Bot filter. */
  readonly botId: string | undefined;
  /** Kind filter. */
  readonly kind: DeploymentKind | undefined;
  /** Status filter. */
  readonly status: RunStatus | undefined;
}

/** Validated {@link RecordAgentRunInput}, with the input encoded. */
export interface ParsedRecordAgentRunInput {
  /** Spec version id. */
  readonly versionId: string;
  /** Deployment id or `null`. */
  readonly deploymentId: string | null;
  /** Canonical JSON text of the input (`null` when none was given). */
  readonly inputJson: string;
}

/** Validated {@link UpdateAgentRunInput}; `undefined` fields are left unchanged. */
export interface ParsedUpdateAgentRunInput {
  /** New status. */
  readonly status: RunStatus | undefined;
  /** Canonical JSON text of the new output. */
  readonly outputJson: string | undefined;
  /** New error (`null` clears it). */
  readonly error: string | null | undefined;
  /** New usage totals, per counter. */
  readonly usage: Partial<AgentUsage>;
}

/** Validated {@link AppendAgentStepInput}, with the payload encoded. */
export interface ParsedAppendAgentStepInput {
  /** Step kind. */
  readonly kind: string;
  /** Canonical JSON text of the payload. */
  readonly payloadJson: string;
  /** Step time, or `undefined` for the adapter's clock. */
  readonly time: EpochMs | undefined;
}

/** Validated {@link ListAgentRunsFilter}. */
export interface ParsedListAgentRunsFilter {
  /** Deployment filter. */
  readonly deploymentId: string | undefined;
  /** Spec version filter. */
  readonly versionId: string | undefined;
}

/** Validated {@link AppendJournalInput}, with the payload encoded. */
export interface ParsedAppendJournalInput {
  /** Session id. */
  readonly sessionId: string;
  /** Event time. */
  readonly time: EpochMs;
  /** Entry kind. */
  readonly kind: string;
  /** Canonical JSON text of the payload. */
  readonly payloadJson: string;
}

/** Validated {@link ListJournalQuery}. */
export interface ParsedListJournalQuery {
  /** Session id. */
  readonly sessionId: string;
  /** Inclusive lower bound on time, if any. */
  readonly since: EpochMs | undefined;
  /** Exclusive lower bound on seq, if any. */
  readonly afterSeq: number | undefined;
}

/**
 * The input checks every {@link PersistenceAdapter} applies, so that all of them reject
 * the same inputs with the same errors. Each function throws
 * {@link InvalidArgumentError} naming the field (e.g. `slug`, `usage.costUsd`) and the
 * value, or {@link NonJsonValueError} naming the path inside a JSON field
 * (e.g. `result.fills[2]`). JSON fields are returned as RFC 8785 canonical text.
 */
export const persistenceInput = {
  /** Checks an id argument (`field` names it in errors): a non-empty string of at most 256 characters. */
  recordId(value: unknown, field: string): string {
    return parse(recordId, value, field);
  },
  /** Checks the input of `createBot`. */
  createBot(input: unknown): ParsedCreateBotInput {
    const f = parse(createBotSchema, input, 'input');
    return { projectId: f.projectId, slug: f.slug, name: f.name, kind: f.kind, spec: f.spec };
  },
  /** Checks the filter of `listBots` (omitted status means `active`). */
  listBots(filter: unknown): ParsedListBotsFilter {
    const f = parse(listBotsSchema, filter ?? {}, 'filter');
    return { projectId: f.projectId, kind: f.kind, status: f.status ?? 'active' };
  },
  /** Checks the input of `openDeployment`. */
  openDeployment(input: unknown): ParsedOpenDeploymentInput {
    const f = parse(openDeploymentSchema, input, 'input');
    return { botId: f.botId, botVersionId: f.botVersionId, kind: f.kind };
  },
  /** Checks the input of `finishDeployment` and encodes the result. */
  finishDeployment(input: unknown): ParsedFinishDeploymentInput {
    const f = parse(finishDeploymentSchema, input, 'input');
    return { status: f.status, resultJson: canonicalize(f.result, 'result'), error: f.error ?? null };
  },
  /** Checks the filter of `listDeployments`. */
  listDeployments(filter: unknown): ParsedListDeploymentsFilter {
    const f = parse(listDeploymentsSchema, filter ?? {}, 'filter');
    return { botId: f.botId, kind: f.kind, status: f.status };
  },
  /** Checks the input of `recordAgentRun` and encodes the agent's input (`null` when omitted). */
  recordAgentRun(input: unknown): ParsedRecordAgentRunInput {
    const f = parse(recordAgentRunSchema, input, 'input');
    return {
      versionId: f.versionId,
      deploymentId: f.deploymentId ?? null,
      inputJson: canonicalize(f.input === undefined ? null : f.input, 'input'),
    };
  },
  /** Checks the changes of `updateAgentRun` and encodes the output. */
  updateAgentRun(patch: unknown): ParsedUpdateAgentRunInput {
    const f = parse(updateAgentRunSchema, patch, 'patch');
    const usage: { -readonly [K in keyof AgentUsage]?: number } = {};
    if (f.usage?.promptTokens !== undefined) usage.promptTokens = f.usage.promptTokens;
    if (f.usage?.completionTokens !== undefined) usage.completionTokens = f.usage.completionTokens;
    if (f.usage?.costUsd !== undefined) usage.costUsd = f.usage.costUsd;
    return {
      status: f.status,
      outputJson: f.output === undefined ? undefined : canonicalize(f.output, 'output'),
      error: f.error,
      usage,
    };
  },
  /** Checks a step of `appendAgentStep` and encodes its payload (`null` when omitted). */
  appendAgentStep(step: unknown): ParsedAppendAgentStepInput {
    const f = parse(appendAgentStepSchema, step, 'step');
    return { kind: f.kind, payloadJson: canonicalize(f.payload === undefined ? null : f.payload, 'payload'), time: f.time };
  },
  /** Checks the filter of `listAgentRuns`. */
  listAgentRuns(filter: unknown): ParsedListAgentRunsFilter {
    const f = parse(listAgentRunsSchema, filter ?? {}, 'filter');
    return { deploymentId: f.deploymentId, versionId: f.versionId };
  },
  /** Checks an entry of `appendJournal` and encodes its payload. */
  appendJournal(input: unknown): ParsedAppendJournalInput {
    const f = parse(appendJournalSchema, input, 'input');
    return { sessionId: f.sessionId, time: f.time, kind: f.kind, payloadJson: canonicalize(f.payload, 'payload') };
  },
  /** Checks the query of `listJournal`. */
  listJournal(query: unknown): ParsedListJournalQuery {
    const f = parse(listJournalSchema, query, 'query');
    return { sessionId: f.sessionId, since: f.since, afterSeq: f.afterSeq };
  },
  /** Encodes a JSON argument (`field` names it in errors) as canonical text. */
  json(value: unknown, field: string): string {
    return canonicalize(value, field);
  },
} as const;

function parse<T>(schema: z.ZodType<T>, input: unknown, root: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new InvalidArgumentError(root, input, 'a valid value');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const path = joinPath([...issue.path, key]);
    return fail(path, valueAt(input, [...issue.path, key]), 'no such field');
  }
  const path = issue.path.length === 0 ? root : joinPath(issue.path);
  return fail(path, valueAt(input, issue.path), issue.message);
}

function fail(path: string, value: unknown, expected: string): never {
  throw new InvalidArgumentError(path, value, expected);
}

function joinPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

import type { JsonValue } from '../spec/json-value.js';
import type { EpochMs } from '../time.js';
import type { RunStatus } from './run-status.js';

/** What an agent run consumed, as totals (not increments). */
export interface AgentUsage {
  /** Prompt (input) tokens, summed over all model calls. */
  readonly promptTokens: number;
  /** Completion (output) tokens, summed over all model calls. */
  readonly completionTokens: number;
  /** Cost in US dollars, summed over all model calls. */
  readonly costUsd: number;
}

/** One run of one agent spec version, optionally inside a deployment. */
export interface AgentRunRecord {
  /** Id from the adapter's id generator. */
  readonly id: string;
  /** The spec version (usually kind `agent`) of the AgentSpec that ran. */
  readonly versionId: string;
  /** The deployment the run belongs to, or `null` for a standalone run. */
  readonly deploymentId: string | null;
  /** `running` until a final status is set by {@link PersistenceAdapter.updateAgentRun}. */
  readonly status: RunStatus;
  /** What the agent was given (JSON; `null` when nothing). */
  readonly input: JsonValue;
  /** What the agent produced (JSON), or `null` until set. */
  readonly output: JsonValue | null;
  /** An error message, or `null`. */
  readonly error: string | null;
  /** Totals of tokens and cost; zeros until set. */
  readonly usage: AgentUsage;
  /** When the run was recorded (epoch ms, UTC). */
  readonly startedAt: EpochMs;
  /** When the run row last changed (epoch ms, UTC). */
  readonly updatedAt: EpochMs;
  /** When a final status was set, or `null` while running. */
  readonly finishedAt: EpochMs | null;
}

/** One step of an agent run (a model call, a tool call, a retry, …); append-only. */
export interface AgentStepRecord {
  /** The run. */
  readonly runId: string;
  /** Position within the run: 0, 1, 2, … in append order. */
  readonly index: number;
  /** What the step is, a free non-empty label such as `model_call` or `tool_call`. */
  readonly kind: string;
  /** When the step happened (epoch ms, UTC): given, or the adapter's clock. */
  readonly time: EpochMs;
  /** Details of the step (JSON). */
  readonly payload: JsonValue;
}

/** Input of {@link PersistenceAdapter.recordAgentRun}. */
export interface RecordAgentRunInput {
  /** The spec version of the agent's spec; must exist. */
  readonly versionId: string;
  /** The deployment the run belongs to; must exist when given. */
  readonly deploymentId?: string | null;
  /** What the agent is given (JSON); default `null`. */
  readonly input?: unknown;
}

/** Changes applied by {@link PersistenceAdapter.updateAgentRun}; omitted fields stay. */
export interface UpdateAgentRunInput {
  /** New status; a final one stamps `finishedAt` and freezes the run. */
  readonly status?: RunStatus;
  /** The output (JSON). */
  readonly output?: unknown;
  /** An error message, or `null` to clear it. */
  readonly error?: string | null;
  /** New totals (each given counter replaces the stored one); tokens are non-negative integers, cost a non-negative number. */
  readonly usage?: Partial<AgentUsage>;
}

/** Input of {@link PersistenceAdapter.appendAgentStep}. */
export interface AppendAgentStepInput {
  /** What the step is: non-empty, at most 64 characters, e.g. `tool_call`. */
  readonly kind: string;
  /** Details (JSON); default `null`. */
  readonly payload?: unknown;
  /** When it happened (integer epoch ms); default the adapter's clock. */
  readonly time?: EpochMs;
}

/** Filter of {@link PersistenceAdapter.listAgentRuns}; every given field must match. */
export interface ListAgentRunsFilter {
  /** Only runs of this deployment. */
  readonly deploymentId?: string;
  /** Only runs of this spec version. */
  readonly versionId?: string;
}

/**
 * How an agent run ended:
 * - `completed`: a final answer that satisfies the output contract;
 * - `hold`: the runtime stopped safely (cost cap, max steps, malformed output after the retries);
 * - `halted`: the kill switch stopped it;
 * - `failed`: an error (the model server unreachable after retries, a provider failure).
 *
 * Persisted run statuses: `completed` → `succeeded`; `hold` → `failed` with the reason
 * as error; `halted` → `halted`; `failed` → `failed`.
 */
export type AgentRunStatus = 'completed' | 'hold' | 'halted' | 'failed';

/** The safe output of a run that did not complete: do nothing, and why. */
export interface HoldOutput {
  /** Always `HOLD`. */
  readonly action: 'HOLD';
  /** Why the run holds (which cap, which validation errors, the halt reason, the error). */
  readonly reason: string;
}

/** Token totals of a run, summed over its model calls. */
export interface AgentTokens {
  /** Prompt (input) tokens. */
  readonly prompt: number;
  /** Completion (output) tokens. */
  readonly completion: number;
  /** `prompt + completion`. */
  readonly total: number;
}

/** The outcome of {@link AgentRuntime.run}. */
export interface AgentRunResult {
  /** The persisted agent run id. */
  readonly runId: string;
  /** The spec version (kind `agent`) that ran. */
  readonly versionId: string;
  /** How the run ended. */
  readonly status: AgentRunStatus;
  /**
   * `completed`: the parsed JSON value (with an output schema) or the text. Otherwise a
   * {@link HoldOutput}.
   */
  readonly output: unknown;
  /** Model calls made. */
  readonly steps: number;
  /** Tool calls executed (failed ones included). */
  readonly toolCalls: number;
  /** Token totals. */
  readonly tokens: AgentTokens;
  /** Cost in US dollars by the runtime's price table. */
  readonly costUsd: number;
  /** Why the run did not complete; absent when `completed`. */
  readonly reason?: string;
}

/** What an agent is asked: a prompt, or a prompt with JSON context given to the model after it. */
export type AgentInput = string | { readonly prompt: string; readonly context?: unknown };

/** Per-run options of {@link AgentRuntime.run}. */
export interface AgentRunOptions {
  /** The deployment the run belongs to (it must exist in the persistence). */
  readonly deploymentId?: string;
}

/** Makes the safe HOLD output. */
export function holdOutput(reason: string): HoldOutput {
  return { action: 'HOLD', reason };
}

/** True when `value` is a {@link HoldOutput}. */
export function isHoldOutput(value: unknown): value is HoldOutput {
  return typeof value === 'object' && value !== null && (value as { action?: unknown }).action === 'HOLD' && typeof (value as { reason?: unknown }).reason === 'string';
}

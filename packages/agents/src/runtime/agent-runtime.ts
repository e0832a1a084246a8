import type { Clock, KillSwitch, LlmAdapter, PersistenceAdapter, ProgressEmitter } from '@alphaswarm/core';
import { InvalidArgumentError, assertJsonValue } from '@alphaswarm/core';
import type { ModelPrice, PriceTable } from '../cost/price-table.js';
import { UnknownModelPriceError, priceOf } from '../cost/price-table.js';
import type { AgentSpec, AgentSpecInput } from '../spec/agent-spec.js';
import { AGENT_SPEC_KIND, parseAgentSpec } from '../spec/agent-spec.js';
import type { ToolProvider } from '../tools/tool-provider.js';
import { ToolSet } from '../tools/tool-set.js';
import type { AgentInput, AgentRunOptions, AgentRunResult } from './agent-run-result.js';
import { AgentRunLoop } from './agent-run-loop.js';

/** Options of an {@link AgentRuntime}. */
export interface AgentRuntimeOptions {
  /** The model adapter, or a factory choosing one per spec (e.g. by `spec.model.base_url`). */
  readonly llm: LlmAdapter | ((spec: AgentSpec) => LlmAdapter);
  /** Where spec versions, runs and steps are recorded. */
  readonly persistence: PersistenceAdapter;
  /** Tool sources; a spec's tool name is served by the first provider that lists it. */
  readonly tools?: readonly ToolProvider[];
  /** Checked before every model call and every tool call; halting also aborts the call in flight. */
  readonly killSwitch?: KillSwitch;
  /** Receives `agent.started`, `agent.step`, `agent.tool`, `agent.completed` and `agent.halted` frames (task id = run id). */
  readonly progress?: ProgressEmitter;
  /** Stamps step times; default the persistence's clock. */
  readonly clock?: Clock;
  /**
   * Model prices (USD per 1M tokens) by the spec's `model.name`. A model without a price
   * is refused (its cost cap could not be enforced), except `scripted` models, which cost 0.
   */
  readonly priceTable?: PriceTable;
}

const FREE: ModelPrice = { inputPerMillionUsd: 0, outputPerMillionUsd: 0 };

/**
 * The only path from the SDK to a language model. `run` validates the spec, resolves
 * its tools and price, hash-locks the spec (`snapshotSpec('agent', name, spec)`: the
 * same content reuses the same version) before any model call, records the run, then
 * drives the loop:
 *
 * - before every model call: the kill switch (→ `halted`), `max_steps` (→ `hold`) and
 *   the cost caps, projected (→ `hold`); usage and cost are added after the call;
 * - tool calls are answered from the spec's tools only; tool failures are fed back to
 *   the model as tool messages, never thrown;
 * - a final reply must satisfy the output contract (JSON matching `output_schema`, or
 *   non-blank text): otherwise up to `max_output_retries` retries with the errors fed
 *   back, then one strict final attempt, then a `hold`;
 * - every model call, tool call, invalid reply and the outcome is a persisted step;
 *   progress frames go to the one emitter.
 *
 * A run that does not complete returns the safe output `{ action: 'HOLD', reason }`.
 * `run` rejects only for bad input (spec, tools, price, input) or when persistence fails.
 */
export class AgentRuntime {
  private readonly options: AgentRuntimeOptions;
  private readonly providers: readonly ToolProvider[];

  /**
   * @param options - model, persistence and optional tools, kill switch, progress, clock, prices
   * @throws {@link @alphaswarm/core!InvalidArgumentError} when `llm` or `persistence` is missing
   */
  constructor(options: AgentRuntimeOptions) {
    const llm: unknown = options.llm;
    if (typeof llm !== 'function' && (typeof llm !== 'object' || llm === null || typeof (llm as { complete?: unknown }).complete !== 'function')) {
      throw new InvalidArgumentError('llm', llm, 'an LlmAdapter or a function (spec) => LlmAdapter');
    }
    if (typeof options.persistence !== 'object' || options.persistence === null) {
      throw new InvalidArgumentError('persistence', options.persistence, 'a PersistenceAdapter');
    }
    this.options = options;
    this.providers = [...(options.tools ?? [])];
  }

  /**
   * Runs an agent once on an input.
   *
   * @param spec - a validated spec or a spec object (validated here)
   * @param input - the prompt, or `{ prompt, context }` with JSON context
   * @param options - the deployment the run belongs to
   * @throws {@link @alphaswarm/core!SpecValidationError} for a bad spec or a tool no provider offers (path `tools[i]`);
   *   {@link UnknownModelPriceError}; {@link @alphaswarm/core!InvalidArgumentError} / `NonJsonValueError` for bad input;
   *   persistence errors (e.g. an unknown deployment)
   */
  async run(spec: AgentSpec | AgentSpecInput, input: AgentInput, options: AgentRunOptions = {}): Promise<AgentRunResult> {
    const parsed = parseAgentSpec(spec);
    const { prompt, context } = normalizeInput(input);
    const deploymentId = options.deploymentId;
    if (deploymentId !== undefined && (typeof deploymentId !== 'string' || deploymentId === '')) {
      throw new InvalidArgumentError('options.deploymentId', deploymentId, 'a deployment id');
    }
    const price = this.priceFor(parsed);
    const tools = await ToolSet.resolve(this.providers, parsed.tools);
    const llm = this.adapterFor(parsed);
    const { persistence } = this.options;
    const version = await persistence.snapshotSpec(AGENT_SPEC_KIND, parsed.name, parsed);
    const record = await persistence.recordAgentRun({
      versionId: version.versionId,
      deploymentId: deploymentId ?? null,
      input: context === undefined ? { prompt } : { prompt, context },
    });
    const loop = new AgentRunLoop({
      spec: parsed,
      versionId: version.versionId,
      runId: record.id,
      llm,
      tools,
      price,
      persistence,
      progress: this.options.progress,
      killSwitch: this.options.killSwitch,
      clock: this.options.clock,
      prompt,
      context,
    });
    return loop.execute();
  }

  private priceFor(spec: AgentSpec): ModelPrice {
    const price = priceOf(spec.model.name, this.options.priceTable ?? {});
    if (price !== undefined) return price;
    if (spec.model.provider === 'scripted') return FREE;
    throw new UnknownModelPriceError(spec.model.name);
  }

  private adapterFor(spec: AgentSpec): LlmAdapter {
    const llm = this.options.llm;
    if (typeof llm !== 'function') return llm;
    const adapter: unknown = llm(spec);
    if (typeof adapter !== 'object' || adapter === null || typeof (adapter as { complete?: unknown }).complete !== 'function') {
      throw new InvalidArgumentError('llm(spec)', adapter, `an LlmAdapter for model ${JSON.stringify(spec.model.name)}`);
    }
    return adapter as LlmAdapter;
  }
}

function normalizeInput(input: AgentInput): { prompt: string; context: unknown } {
  if (typeof input === 'string') {
    if (input.trim() === '') throw new InvalidArgumentError('input', input, 'a non-empty prompt');
    return { prompt: input, context: undefined };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new InvalidArgumentError('input', input, 'a prompt string or { prompt, context }');
  const prompt: unknown = input.prompt;
  if (typeof prompt !== 'string' || prompt.trim() === '') throw new InvalidArgumentError('input.prompt', prompt, 'a non-empty prompt');
  if (input.context !== undefined) assertJsonValue(input.context, 'input.context');
  return { prompt, context: input.context };
}

import type { Clock, KillSwitch, LlmAdapter, LlmMessage, LlmRequest, LlmResponse, PersistenceAdapter, ProgressEmitter, RunStatus } from '@alphaswarm/core';
import type { ModelPrice } from '../cost/price-table.js';
import { costWithPrice } from '../cost/price-table.js';
import { checkAgentOutput } from '../output/agent-output.js';
import type { OutputCheck } from '../output/agent-output.js';
import { isStrictCompatibleSchema } from '../output/json-schema-validator.js';
import type { AgentSpec } from '../spec/agent-spec.js';
import type { ToolSet } from '../tools/tool-set.js';
import type { AgentRunResult, AgentRunStatus } from './agent-run-result.js';
import { holdOutput } from './agent-run-result.js';
import { checkCaps } from './cost-guard.js';

/** Everything one run needs; assembled by `AgentRuntime.run`. */
export interface AgentRunContext {
  /** The validated spec. */
  readonly spec: AgentSpec;
  /** Its spec version id. */
  readonly versionId: string;
  /** The persisted run id. */
  readonly runId: string;
  /** The model. */
  readonly llm: LlmAdapter;
  /** The spec's tools. */
  readonly tools: ToolSet;
  /** The model's price. */
  readonly price: ModelPrice;
  /** Where the run and its steps are recorded. */
  readonly persistence: PersistenceAdapter;
  /** Receives progress frames. */
  readonly progress: ProgressEmitter | undefined;
  /** Checked before every step. */
  readonly killSwitch: KillSwitch | undefined;
  /** Stamps step times; the persistence's clock when absent. */
  readonly clock: Clock | undefined;
  /** The prompt. */
  readonly prompt: string;
  /** JSON context given after the prompt, if any. */
  readonly context: unknown;
}

type Phase = 'normal' | 'retry' | 'strict_final';

const PERSISTED: Readonly<Record<AgentRunStatus, RunStatus>> = { completed: 'succeeded', hold: 'failed', halted: 'halted', failed: 'failed' };
const FINAL_STEP_KIND: Readonly<Record<AgentRunStatus, string>> = { completed: 'completed', hold: 'hold', halted: 'halted', failed: 'error' };

/**
 * One agent run: the loop of model calls and tool calls with caps, kill switch,
 * output validation, retries and the safe HOLD. Internal to `AgentRuntime`.
 */
export class AgentRunLoop {
  private readonly messages: LlmMessage[] = [];
  private recordedMessages = 0;
  private steps = 0;
  private toolCalls = 0;
  private promptTokens = 0;
  private completionTokens = 0;
  private costUsd = 0;
  private outputRetries = 0;
  private invalidReplies = 0;
  private phase: Phase = 'normal';

  /** @param ctx - the run's spec, services and input */
  constructor(private readonly ctx: AgentRunContext) {
    const schema = ctx.spec.output_schema;
    const system =
      schema === undefined
        ? ctx.spec.system_prompt
        : `${ctx.spec.system_prompt}\n\nReply with only a JSON value that matches this JSON Schema, with no other text:\n${JSON.stringify(schema)}`;
    const user = ctx.context === undefined ? ctx.prompt : `${ctx.prompt}\n\nContext (JSON):\n${JSON.stringify(ctx.context, null, 2)}`;
    this.messages.push({ role: 'system', content: system }, { role: 'user', content: user });
  }

  /** Runs to the end and records the outcome; rejects only when the outcome cannot be recorded. */
  async execute(): Promise<AgentRunResult> {
    const { killSwitch } = this.ctx;
    const abort = new AbortController();
    const onHalt = (): void => abort.abort();
    killSwitch?.on('halted', onHalt);
    try {
      this.report('agent.started', `agent ${this.ctx.spec.name} started`, { role: this.ctx.spec.role, versionId: this.ctx.versionId, model: this.ctx.spec.model.name });
      try {
        return await this.loop(abort.signal);
      } catch (error) {
        if (halted(killSwitch)) return await this.finish('halted', haltReason(killSwitch));
        return await this.finish('failed', error instanceof Error ? error.message : String(error));
      }
    } finally {
      killSwitch?.off('halted', onHalt);
    }
  }

  private async loop(signal: AbortSignal): Promise<AgentRunResult> {
    const { spec, killSwitch } = this.ctx;
    for (;;) {
      if (halted(killSwitch)) return this.finish('halted', haltReason(killSwitch));
      if (this.steps >= spec.cost_caps.max_steps) {
        return this.finish('hold', `max_steps: ${spec.cost_caps.max_steps} model call${spec.cost_caps.max_steps === 1 ? '' : 's'} made without a valid final answer`);
      }
      const request = this.buildRequest();
      const caps = checkCaps(spec.cost_caps, this.ctx.price, this.costUsd, request);
      if (!caps.ok) return this.finish('hold', caps.reason);
      const newMessages = this.messages.slice(this.recordedMessages);
      this.recordedMessages = this.messages.length;
      let response: LlmResponse;
      try {
        response = await this.ctx.llm.complete(request, { signal });
      } catch (error) {
        if (halted(killSwitch)) return this.finish('halted', haltReason(killSwitch));
        throw error;
      }
      await this.recordModelCall(request, newMessages, response, caps.projectedTokens);
      if (response.toolCalls.length > 0 && this.phase !== 'strict_final') {
        this.messages.push({ role: 'assistant', content: response.content, toolCalls: response.toolCalls });
        for (const call of response.toolCalls) {
          if (halted(killSwitch)) return this.finish('halted', haltReason(killSwitch));
          await this.callTool(call.id, call.name, call.arguments);
        }
        continue;
      }
      const check: OutputCheck =
        response.toolCalls.length > 0
          ? { ok: false, errors: ['tool calls are not allowed in the final attempt; reply with the answer only'] }
          : checkAgentOutput(response.content, spec.output_schema);
      if (check.ok) return this.finish('completed', undefined, check.value);
      this.invalidReplies++;
      await this.appendStep('output_invalid', { step: this.steps, phase: this.phase, errors: [...check.errors] });
      this.messages.push({ role: 'assistant', content: response.content ?? '' });
      const errors = check.errors.join('; ');
      if (this.phase !== 'strict_final' && this.outputRetries < spec.retry_policy.max_output_retries) {
        this.outputRetries++;
        this.phase = 'retry';
        this.messages.push({ role: 'user', content: this.retryInstruction(errors) });
        continue;
      }
      if (this.phase !== 'strict_final' && spec.retry_policy.strict_final_attempt) {
        this.phase = 'strict_final';
        this.messages.push({ role: 'user', content: this.strictInstruction(errors) });
        continue;
      }
      return this.finish('hold', `malformed output after ${this.invalidReplies} attempt${this.invalidReplies === 1 ? '' : 's'}: ${errors}`);
    }
  }

  private buildRequest(): LlmRequest {
    const { spec, tools } = this.ctx;
    const strict = this.phase === 'strict_final';
    const definitions = tools.definitions;
    const schema = spec.output_schema;
    return {
      model: spec.model.name,
      messages: [...this.messages],
      ...(strict || definitions.length === 0 ? {} : { tools: definitions }),
      temperature: strict ? 0 : spec.model.temperature,
      maxTokens: spec.model.max_tokens,
      ...(schema === undefined || !spec.model.structured_output
        ? {}
        : { responseFormat: { type: 'json_schema' as const, name: formatName(spec.name), schema, strict: strict && isStrictCompatibleSchema(schema) } }),
    };
  }

  private retryInstruction(errors: string): string {
    if (this.ctx.spec.output_schema === undefined) return `Your previous reply was not usable: ${errors}. Reply again with your final answer as text.`;
    return `Your previous reply was not valid: ${errors}. Reply again with only a JSON value that matches the JSON Schema given in the instructions, with no other text.`;
  }

  private strictInstruction(errors: string): string {
    const schema = this.ctx.spec.output_schema;
    if (schema === undefined) return `FINAL ATTEMPT. Your previous replies were not usable: ${errors}. Reply now with your final answer as plain text. Do not call tools.`;
    return `FINAL ATTEMPT. Your previous replies were not valid: ${errors}. Reply now with ONLY a JSON value that matches exactly this JSON Schema. No prose, no code fences, no tool calls.\n${JSON.stringify(schema)}`;
  }

  private async recordModelCall(request: LlmRequest, newMessages: readonly LlmMessage[], response: LlmResponse, projectedTokens: number): Promise<void> {
    this.steps++;
    const stepCost = costWithPrice(response.usage, this.ctx.price);
    this.promptTokens += response.usage.promptTokens;
    this.completionTokens += response.usage.completionTokens;
    this.costUsd += stepCost;
    await this.appendStep('model_call', {
      step: this.steps,
      phase: this.phase,
      request: {
        model: request.model,
        temperature: request.temperature ?? null,
        maxTokens: request.maxTokens ?? null,
        tools: (request.tools ?? []).map((t) => t.name),
        responseFormat: request.responseFormat === undefined ? null : { name: request.responseFormat.name, strict: request.responseFormat.strict ?? false },
        messageCount: request.messages.length,
        newMessages: newMessages.map(messageJson),
        projectedTokens,
      },
      response: {
        content: response.content,
        toolCalls: response.toolCalls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments })),
        finishReason: response.finishReason,
        model: response.model,
        usage: { promptTokens: response.usage.promptTokens, completionTokens: response.usage.completionTokens },
      },
      costUsd: stepCost,
    });
    await this.ctx.persistence.updateAgentRun(this.ctx.runId, { usage: this.usage() });
    this.report('agent.step', `step ${this.steps}: model call (${response.finishReason})`, {
      step: this.steps,
      phase: this.phase,
      finishReason: response.finishReason,
      toolCalls: response.toolCalls.length,
      promptTokens: response.usage.promptTokens,
      completionTokens: response.usage.completionTokens,
      costUsd: this.costUsd,
    });
  }

  private async callTool(id: string, name: string, rawArguments: string): Promise<void> {
    const result = await this.ctx.tools.call(name, rawArguments);
    this.toolCalls++;
    this.messages.push({ role: 'tool', toolCallId: id, content: result.isError ? `Error: ${result.content}` : result.content });
    await this.appendStep('tool_call', { step: this.steps, id, name, arguments: rawArguments, content: result.content, isError: result.isError });
    this.report('agent.tool', `tool ${name}${result.isError ? ' failed' : ''}`, { step: this.steps, tool: name, isError: result.isError });
  }

  private async finish(status: AgentRunStatus, reason: string | undefined, value?: unknown): Promise<AgentRunResult> {
    const why = reason ?? '';
    const output = status === 'completed' ? value : holdOutput(why);
    await this.appendStep(FINAL_STEP_KIND[status], status === 'completed' ? { steps: this.steps } : { reason: why });
    await this.ctx.persistence.updateAgentRun(this.ctx.runId, {
      status: PERSISTED[status],
      output,
      error: status === 'completed' ? null : why,
      usage: this.usage(),
    });
    const result: AgentRunResult = {
      runId: this.ctx.runId,
      versionId: this.ctx.versionId,
      status,
      output,
      steps: this.steps,
      toolCalls: this.toolCalls,
      tokens: { prompt: this.promptTokens, completion: this.completionTokens, total: this.promptTokens + this.completionTokens },
      costUsd: this.costUsd,
      ...(status === 'completed' ? {} : { reason: why }),
    };
    const extras = { status, steps: this.steps, toolCalls: this.toolCalls, totalTokens: result.tokens.total, costUsd: this.costUsd, ...(status === 'completed' ? {} : { reason: why }) };
    if (status === 'halted') this.report('agent.halted', `agent ${this.ctx.spec.name} halted: ${why}`, extras);
    else this.report('agent.completed', `agent ${this.ctx.spec.name} ${status === 'completed' ? 'completed' : `ended with ${status}: ${why}`}`, extras);
    return result;
  }

  private usage(): { promptTokens: number; completionTokens: number; costUsd: number } {
    return { promptTokens: this.promptTokens, completionTokens: this.completionTokens, costUsd: this.costUsd };
  }

  private async appendStep(kind: string, payload: unknown): Promise<void> {
    const clock = this.ctx.clock;
    await this.ctx.persistence.appendAgentStep(this.ctx.runId, clock === undefined ? { kind, payload } : { kind, payload, time: clock.now() });
  }

  private report(stage: string, message: string, extras: Readonly<Record<string, unknown>>): void {
    this.ctx.progress?.report(this.ctx.runId, stage, message, { agent: this.ctx.spec.name, runId: this.ctx.runId, ...extras });
  }
}

/** Reads the latch afresh (a call, so that control-flow narrowing never caches it across awaits). */
function halted(killSwitch: KillSwitch | undefined): boolean {
  return killSwitch?.isHalted === true;
}

function haltReason(killSwitch: KillSwitch | undefined): string {
  return `kill switch: ${killSwitch?.reason ?? 'halted'}`;
}

function formatName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  return cleaned === '' ? 'output' : cleaned;
}

function messageJson(message: LlmMessage): Record<string, unknown> {
  switch (message.role) {
    case 'assistant':
      return { role: 'assistant', content: message.content, toolCalls: (message.toolCalls ?? []).map((c) => ({ id: c.id, name: c.name, arguments: c.arguments })) };
    case 'tool':
      return { role: 'tool', toolCallId: message.toolCallId, content: message.content };
    default:
      return { role: message.role, content: message.content };
  }
}

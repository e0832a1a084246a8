import { InMemoryPersistence, KillSwitch, LlmRequestError, ManualClock, ProgressEmitter, ScriptedLlmAdapter, sequentialIdGenerator } from '@alphaswarm/core';
import type { LlmAdapter, LlmRequest, LlmResponse, ProgressFrame, ScriptedLlmReply } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AgentRuntime } from '../../src/runtime/agent-runtime.js';
import type { AgentRuntimeOptions } from '../../src/runtime/agent-runtime.js';
import type { AgentSpecInput } from '../../src/spec/agent-spec.js';
import { LocalToolProvider, defineTool } from '../../src/tools/local-tool-provider.js';

const decisionSchema = {
  type: 'object',
  properties: { action: { type: 'string', enum: ['BUY', 'SELL', 'HOLD'] }, confidence: { type: 'number', minimum: 0, maximum: 1 } },
  required: ['action', 'confidence'],
  additionalProperties: false,
};

function spec(overrides: Partial<AgentSpecInput> = {}): AgentSpecInput {
  return {
    name: 'decider',
    role: 'trade decider',
    model: { provider: 'scripted', name: 'script-1', max_tokens: 100 },
    system_prompt: 'Decide.',
    tools: ['quote'],
    output_schema: decisionSchema,
    cost_caps: { per_run_max_usd: 1, per_step_max_tokens: 10_000, max_steps: 8 },
    ...overrides,
  };
}

const call = (id: string, args = '{"symbol":"AAPL"}'): ScriptedLlmReply => ({ toolCalls: [{ id, name: 'quote', arguments: args }] });
const answer = (content: string, usage?: { promptTokens: number; completionTokens: number }): ScriptedLlmReply => ({ content, ...(usage === undefined ? {} : { usage }) });

function setup(llm: LlmAdapter, extra: Partial<AgentRuntimeOptions> = {}) {
  const persistence = new InMemoryPersistence({ idGenerator: sequentialIdGenerator('run'), clock: new ManualClock(1_000) });
  const progress = new ProgressEmitter(new ManualClock(5_000));
  const frames: ProgressFrame[] = [];
  progress.on('progress', (f) => frames.push(f));
  const quotes: string[] = [];
  const tools = new LocalToolProvider([
    defineTool({
      name: 'quote',
      description: 'Last price',
      input: z.object({ symbol: z.string() }),
      handler: ({ symbol }) => {
        quotes.push(symbol);
        return { symbol, price: 190 };
      },
    }),
  ]);
  const runtime = new AgentRuntime({ llm, persistence, tools: [tools], progress, ...extra });
  return { runtime, persistence, frames, quotes };
}

describe('the agent loop', () => {
  it('calls tools, feeds results back and returns the validated JSON output', async () => {
    const llm = new ScriptedLlmAdapter([
      { ...call('c1'), usage: { promptTokens: 40, completionTokens: 10 } },
      answer('{"action":"BUY","confidence":0.7}', { promptTokens: 60, completionTokens: 12 }),
    ]);
    const { runtime, quotes } = setup(llm, { priceTable: { 'script-1': { inputPerMillionUsd: 2_000, outputPerMillionUsd: 4_000 } } });
    const result = await runtime.run(spec(), 'Buy AAPL?');
    expect(result.status).toBe('completed');
    expect(result.output).toEqual({ action: 'BUY', confidence: 0.7 });
    expect(result.reason).toBeUndefined();
    expect(result.steps).toBe(2);
    expect(result.toolCalls).toBe(1);
    expect(result.tokens).toEqual({ prompt: 100, completion: 22, total: 122 });
    // 100 × 2000 / 1e6 + 22 × 4000 / 1e6 = 0.2 + 0.088
    expect(result.costUsd).toBeCloseTo(0.288, 12);
    expect(quotes).toEqual(['AAPL']);
    const second = llm.requests[1];
    expect(second?.messages.slice(-2)).toEqual([
      { role: 'assistant', content: null, toolCalls: [{ id: 'c1', name: 'quote', arguments: '{"symbol":"AAPL"}' }] },
      { role: 'tool', toolCallId: 'c1', content: '{"symbol":"AAPL","price":190}' },
    ]);
    expect(second?.tools?.map((t) => t.name)).toEqual(['quote']);
    expect(second?.responseFormat).toEqual({ type: 'json_schema', name: 'decider', schema: decisionSchema, strict: false });
  });

  it('puts the schema in the system prompt and the JSON context after the prompt', async () => {
    const llm = new ScriptedLlmAdapter([answer('{"action":"HOLD","confidence":0.5}')]);
    const { runtime } = setup(llm);
    await runtime.run(spec(), { prompt: 'Decide on AAPL.', context: { price: 190 } });
    const [system, user] = llm.requests[0]?.messages ?? [];
    expect(system?.content).toBe(`Decide.\n\nReply with only a JSON value that matches this JSON Schema, with no other text:\n${JSON.stringify(decisionSchema)}`);
    expect(user).toEqual({ role: 'user', content: 'Decide on AAPL.\n\nContext (JSON):\n{\n  "price": 190\n}' });
  });

  it('returns free text when the spec has no output schema, and sends no response format', async () => {
    const llm = new ScriptedLlmAdapter([answer('Rates will rise.')]);
    const { runtime } = setup(llm);
    const result = await runtime.run(spec({ output_schema: undefined, tools: [] }), 'Outlook?');
    expect(result).toMatchObject({ status: 'completed', output: 'Rates will rise.' });
    expect(llm.requests[0]?.responseFormat).toBeUndefined();
    expect(llm.requests[0]?.tools).toBeUndefined();
  });

  it('feeds tool errors and unknown tools back to the model instead of throwing', async () => {
    const llm = new ScriptedLlmAdapter([
      { toolCalls: [{ id: 'a', name: 'quote', arguments: '{"symbol": 42}' }, { id: 'b', name: 'rm_rf', arguments: '{}' }] },
      answer('{"action":"HOLD","confidence":0.1}'),
    ]);
    const { runtime } = setup(llm);
    const result = await runtime.run(spec(), 'Go');
    expect(result.status).toBe('completed');
    expect(result.toolCalls).toBe(2);
    const tail = llm.requests[1]?.messages.slice(-2) ?? [];
    expect(tail[0]).toMatchObject({ role: 'tool', toolCallId: 'a' });
    expect(tail[0]?.content).toMatch(/^Error: invalid arguments for quote: symbol/);
    expect(tail[1]).toEqual({ role: 'tool', toolCallId: 'b', content: 'Error: unknown tool "rm_rf"; available: quote' });
  });

  it('retries malformed JSON with the errors fed back and accepts a valid retry', async () => {
    const llm = new ScriptedLlmAdapter([answer('{"action": BUY}'), answer('{"action":"BUY","confidence":0.9}')]);
    const { runtime, persistence } = setup(llm);
    const result = await runtime.run(spec(), 'Go');
    expect(result).toMatchObject({ status: 'completed', output: { action: 'BUY', confidence: 0.9 }, steps: 2 });
    const retry = llm.requests[1]?.messages ?? [];
    expect(retry.at(-2)).toEqual({ role: 'assistant', content: '{"action": BUY}' });
    expect(retry.at(-1)?.content).toMatch(/^Your previous reply was not valid: the reply is not valid JSON/);
    const steps = await persistence.listAgentSteps(result.runId);
    expect(steps.map((s) => s.kind)).toEqual(['model_call', 'output_invalid', 'model_call', 'completed']);
  });

  it('ends malformed output in a safe HOLD after the retries and a strict final attempt', async () => {
    const llm = new ScriptedLlmAdapter(Array.from({ length: 4 }, () => answer('{"action":"MAYBE","confidence":0.5}')));
    const { runtime } = setup(llm);
    const result = await runtime.run(spec({ retry_policy: { max_output_retries: 2 } }), 'Go');
    // 1 first reply + 2 retries + 1 strict final attempt
    expect(llm.callCount).toBe(4);
    expect(result.status).toBe('hold');
    const reason = 'malformed output after 4 attempts: $.action: expected one of "BUY", "SELL", "HOLD", got "MAYBE"';
    expect(result.reason).toBe(reason);
    expect(result.output).toEqual({ action: 'HOLD', reason });
    const strict = llm.requests[3];
    expect(strict?.temperature).toBe(0);
    expect(strict?.tools).toBeUndefined();
    expect(strict?.responseFormat?.strict).toBe(true);
    expect(strict?.messages.at(-1)?.content).toMatch(/^FINAL ATTEMPT\./);
    expect(llm.requests[1]?.responseFormat?.strict).toBe(false);
  });

  it('does not ask for strict output when the schema would not be accepted by strict mode', async () => {
    const loose = { type: 'object', properties: { action: { type: 'string' } }, required: [] };
    const llm = new ScriptedLlmAdapter([answer('nope'), answer('nope')]);
    const { runtime } = setup(llm);
    const result = await runtime.run(spec({ output_schema: loose, retry_policy: { max_output_retries: 0 } }), 'Go');
    expect(result.status).toBe('hold');
    expect(llm.requests[1]?.responseFormat?.strict).toBe(false);
  });

  it('holds after the first malformed reply when retries and the strict attempt are off', async () => {
    const llm = new ScriptedLlmAdapter([answer('not json')]);
    const { runtime } = setup(llm);
    const result = await runtime.run(spec({ retry_policy: { max_output_retries: 0, strict_final_attempt: false } }), 'Go');
    expect(llm.callCount).toBe(1);
    expect(result.status).toBe('hold');
    expect(result.reason).toMatch(/^malformed output after 1 attempt: the reply is not valid JSON/);
  });

  it('stops at max_steps with a safe HOLD when the model keeps calling tools', async () => {
    const llm = new ScriptedLlmAdapter((_, i) => call(`c${i}`));
    const { runtime } = setup(llm);
    const result = await runtime.run(spec({ cost_caps: { per_run_max_usd: 1, per_step_max_tokens: 10_000, max_steps: 3 } }), 'Go');
    expect(result.status).toBe('hold');
    expect(result.reason).toBe('max_steps: 3 model calls made without a valid final answer');
    expect(result.output).toEqual({ action: 'HOLD', reason: result.reason });
    expect(result.steps).toBe(3);
    expect(result.toolCalls).toBe(3);
    expect(llm.callCount).toBe(3);
  });

  it('refuses a step whose max_tokens could exceed per_step_max_tokens before calling the model', async () => {
    const llm = new ScriptedLlmAdapter([answer('{"action":"BUY","confidence":1}')]);
    const { runtime } = setup(llm);
    const result = await runtime.run(spec({ model: { provider: 'scripted', name: 'script-1', max_tokens: 500 }, cost_caps: { per_run_max_usd: 1, per_step_max_tokens: 400, max_steps: 3 } }), 'Go');
    expect(llm.callCount).toBe(0);
    expect(result.status).toBe('hold');
    expect(result.reason).toMatch(/^cost cap: the next model call could use up to \d+ tokens \(about \d+ prompt \+ 500 max_tokens\), over per_step_max_tokens 400$/);
    expect(result.steps).toBe(0);
  });

  it('stops when the spend reaches per_run_max_usd, counting usage after each call', async () => {
    // step 1 costs 1000 × 10 / 1e6 = $0.01, exactly the cap
    const llm = new ScriptedLlmAdapter([{ ...call('c1'), usage: { promptTokens: 1_000, completionTokens: 0 } }, answer('{"action":"BUY","confidence":1}')]);
    const { runtime, persistence } = setup(llm, { priceTable: { 'script-1': { inputPerMillionUsd: 10, outputPerMillionUsd: 0 } } });
    const result = await runtime.run(spec({ cost_caps: { per_run_max_usd: 0.01, per_step_max_tokens: 10_000, max_steps: 5 } }), 'Go');
    expect(llm.callCount).toBe(1);
    expect(result.status).toBe('hold');
    expect(result.reason).toBe('cost cap: spent $0.01, which reaches per_run_max_usd $0.01');
    expect(result.costUsd).toBeCloseTo(0.01, 12);
    const run = await persistence.getAgentRun(result.runId);
    expect(run?.usage).toEqual({ promptTokens: 1_000, completionTokens: 0, costUsd: result.costUsd });
  });

  it('refuses a step whose worst-case cost would push the run over per_run_max_usd', async () => {
    // step 1: 600 × 10 / 1e6 + 100 × 30 / 1e6 = 0.006 + 0.003 = $0.009; step 2 could cost ≥ 100 × 30 / 1e6 = $0.003 → over $0.01
    const llm = new ScriptedLlmAdapter([{ ...call('c1'), usage: { promptTokens: 600, completionTokens: 100 } }, answer('{"action":"BUY","confidence":1}')]);
    const { runtime } = setup(llm, { priceTable: { 'script-1': { inputPerMillionUsd: 10, outputPerMillionUsd: 30 } } });
    const result = await runtime.run(spec({ cost_caps: { per_run_max_usd: 0.01, per_step_max_tokens: 10_000, max_steps: 5 } }), 'Go');
    expect(llm.callCount).toBe(1);
    expect(result.status).toBe('hold');
    expect(result.reason).toMatch(/^cost cap: the next model call could cost up to \$[\d.]+, which with \$0\.009 spent would exceed per_run_max_usd \$0\.01$/);
  });

  it('is halted, with a HOLD output, when the kill switch is already halted', async () => {
    const llm = new ScriptedLlmAdapter([answer('{"action":"BUY","confidence":1}')]);
    const killSwitch = new KillSwitch();
    killSwitch.halt('operator stop');
    const { runtime, persistence, frames } = setup(llm, { killSwitch });
    const result = await runtime.run(spec(), 'Go');
    expect(llm.callCount).toBe(0);
    expect(result).toMatchObject({ status: 'halted', steps: 0, reason: 'kill switch: operator stop', output: { action: 'HOLD', reason: 'kill switch: operator stop' } });
    expect((await persistence.getAgentRun(result.runId))?.status).toBe('halted');
    expect(frames.map((f) => f.stage)).toEqual(['agent.started', 'agent.halted']);
  });

  it('checks the kill switch before every step: a halt during a tool call stops the next model call', async () => {
    const killSwitch = new KillSwitch();
    const llm = new ScriptedLlmAdapter([call('c1'), answer('{"action":"BUY","confidence":1}')]);
    const persistence = new InMemoryPersistence();
    const tools = new LocalToolProvider([
      {
        name: 'quote',
        description: 'halts the switch as a side effect',
        input: z.object({ symbol: z.string() }),
        handler: () => {
          killSwitch.halt('drawdown limit');
          return 'ok';
        },
      },
    ]);
    const runtime = new AgentRuntime({ llm, persistence, tools: [tools], killSwitch });
    const result = await runtime.run(spec(), 'Go');
    expect(llm.callCount).toBe(1);
    expect(result.status).toBe('halted');
    expect(result.toolCalls).toBe(1);
    expect(result.reason).toBe('kill switch: drawdown limit');
  });

  it('aborts the model call in flight when the kill switch halts', async () => {
    const killSwitch = new KillSwitch();
    let started = false;
    const hanging: LlmAdapter = {
      complete: (_request: LlmRequest, options?: { readonly signal?: AbortSignal }): Promise<LlmResponse> =>
        new Promise((_, reject) => {
          started = true;
          options?.signal?.addEventListener('abort', () => reject(new LlmRequestError('aborted', { aborted: true })));
        }),
    };
    const { runtime } = setup(hanging, { killSwitch });
    const pending = runtime.run(spec(), 'Go');
    while (!started) await new Promise((r) => setTimeout(r, 1));
    killSwitch.halt('market closed');
    const result = await pending;
    expect(result.status).toBe('halted');
    expect(result.reason).toBe('kill switch: market closed');
    expect(killSwitch.listenerCount('halted')).toBe(0);
  });

  it('fails with a HOLD output when the model cannot be reached', async () => {
    const llm = new ScriptedLlmAdapter([new LlmRequestError('chat completion at http://x/v1 failed with HTTP 503 (3 attempts): overloaded', { status: 503 })]);
    const { runtime, persistence, frames } = setup(llm);
    const result = await runtime.run(spec(), 'Go');
    expect(result.status).toBe('failed');
    expect(result.output).toEqual({ action: 'HOLD', reason: result.reason });
    expect(result.reason).toMatch(/HTTP 503/);
    const run = await persistence.getAgentRun(result.runId);
    expect(run).toMatchObject({ status: 'failed', error: result.reason });
    expect((await persistence.listAgentSteps(result.runId)).map((s) => s.kind)).toEqual(['error']);
    expect(frames.at(-1)).toMatchObject({ stage: 'agent.completed', status: 'failed' });
  });

  it('persists the run and every step, and reports progress frames in order', async () => {
    const llm = new ScriptedLlmAdapter([{ ...call('c1'), usage: { promptTokens: 10, completionTokens: 5 } }, answer('{"action":"SELL","confidence":0.6}', { promptTokens: 20, completionTokens: 7 })]);
    const clock = new ManualClock(42_000);
    const { runtime, persistence, frames } = setup(llm, { clock });
    const result = await runtime.run(spec(), { prompt: 'Sell?', context: { held: 10 } });

    const run = await persistence.getAgentRun(result.runId);
    expect(run).toMatchObject({
      id: result.runId,
      versionId: result.versionId,
      deploymentId: null,
      status: 'succeeded',
      input: { prompt: 'Sell?', context: { held: 10 } },
      output: { action: 'SELL', confidence: 0.6 },
      error: null,
      usage: { promptTokens: 30, completionTokens: 12, costUsd: 0 },
    });
    const steps = await persistence.listAgentSteps(result.runId);
    expect(steps.map((s) => [s.index, s.kind, s.time])).toEqual([
      [0, 'model_call', 42_000],
      [1, 'tool_call', 42_000],
      [2, 'model_call', 42_000],
      [3, 'completed', 42_000],
    ]);
    expect(steps[0]?.payload).toMatchObject({
      step: 1,
      phase: 'normal',
      request: { model: 'script-1', temperature: 0, maxTokens: 100, tools: ['quote'], messageCount: 2, responseFormat: { name: 'decider', strict: false } },
      response: { content: null, toolCalls: [{ id: 'c1', name: 'quote', arguments: '{"symbol":"AAPL"}' }], finishReason: 'tool_calls', usage: { promptTokens: 10, completionTokens: 5 } },
    });
    // the second call records only the messages added since the first
    expect((steps[2]?.payload as { request: { newMessages: { role: string }[] } }).request.newMessages.map((m) => m.role)).toEqual(['assistant', 'tool']);
    expect(steps[1]?.payload).toEqual({ step: 1, id: 'c1', name: 'quote', arguments: '{"symbol":"AAPL"}', content: '{"symbol":"AAPL","price":190}', isError: false });

    expect(frames.map((f) => f.stage)).toEqual(['agent.started', 'agent.step', 'agent.tool', 'agent.step', 'agent.completed']);
    expect(new Set(frames.map((f) => f.task_id))).toEqual(new Set([result.runId]));
    expect(frames.at(-1)).toMatchObject({ agent: 'decider', status: 'completed', steps: 2, toolCalls: 1, totalTokens: 42 });
  });

  it('persists a HOLD as a failed run with the reason as error', async () => {
    const llm = new ScriptedLlmAdapter([answer('x')]);
    const { runtime, persistence } = setup(llm);
    const result = await runtime.run(spec({ retry_policy: { max_output_retries: 0, strict_final_attempt: false } }), 'Go');
    const run = await persistence.getAgentRun(result.runId);
    expect(run).toMatchObject({ status: 'failed', error: result.reason, output: { action: 'HOLD', reason: result.reason } });
    const steps = await persistence.listAgentSteps(result.runId);
    expect(steps.map((s) => s.kind)).toEqual(['model_call', 'output_invalid', 'hold']);
    expect(steps.at(-1)?.payload).toEqual({ reason: result.reason });
  });
});

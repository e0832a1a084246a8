import { InMemoryPersistence, InvalidArgumentError, RecordNotFoundError, ScriptedLlmAdapter, SpecValidationError, sequentialIdGenerator } from '@alphaswarm/core';
import type { LlmAdapter } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UnknownModelPriceError } from '../../src/cost/price-table.js';
import { AgentRuntime } from '../../src/runtime/agent-runtime.js';
import type { AgentSpec, AgentSpecInput } from '../../src/spec/agent-spec.js';
import { LocalToolProvider } from '../../src/tools/local-tool-provider.js';

const base: AgentSpecInput = {
  name: 'analyst',
  role: 'analyst',
  model: { provider: 'scripted', name: 'script-1', max_tokens: 50 },
  system_prompt: 'Answer briefly.',
  cost_caps: { per_run_max_usd: 1, per_step_max_tokens: 2_000, max_steps: 3 },
};

const text = (content: string) => ({ content });

function persistence(): InMemoryPersistence {
  return new InMemoryPersistence({ idGenerator: sequentialIdGenerator('id') });
}

describe('AgentRuntime.run', () => {
  it('hash-locks the spec before the first model call', async () => {
    const store = persistence();
    const versionsAtCall: number[] = [];
    const llm = new ScriptedLlmAdapter([text('ok')]);
    const spy: LlmAdapter = {
      complete: async (request, options) => {
        versionsAtCall.push((await store.listSpecVersions('agent', 'analyst')).length);
        return llm.complete(request, options);
      },
    };
    const result = await new AgentRuntime({ llm: spy, persistence: store }).run(base, 'Hi');
    expect(versionsAtCall).toEqual([1]);
    const version = await store.getSpecVersion(result.versionId);
    expect(version).toMatchObject({ kind: 'agent', name: 'analyst', version: 1 });
    expect(version?.spec).toMatchObject({ name: 'analyst', retry_policy: { max_output_retries: 2, strict_final_attempt: true } });
  });

  it('reuses the same version for the same spec content, defaults written out or not', async () => {
    const store = persistence();
    const runtime = new AgentRuntime({ llm: new ScriptedLlmAdapter(() => text('ok')), persistence: store });
    const first = await runtime.run(base, 'Hi');
    const second = await runtime.run({ ...base, tools: [], retry_policy: { max_output_retries: 2, strict_final_attempt: true }, output_schema: undefined }, 'Hi again');
    expect(second.versionId).toBe(first.versionId);
    expect(second.runId).not.toBe(first.runId);
    const changed = await runtime.run({ ...base, system_prompt: 'Answer at length.' }, 'Hi');
    expect(changed.versionId).not.toBe(first.versionId);
    expect((await store.listSpecVersions('agent', 'analyst')).map((v) => v.version)).toEqual([1, 2]);
    expect((await store.listAgentRuns({ versionId: first.versionId })).map((r) => r.id)).toEqual([first.runId, second.runId]);
  });

  it('refuses a spec tool that no provider offers, before recording or calling anything', async () => {
    const store = persistence();
    const llm = new ScriptedLlmAdapter([text('ok')]);
    const tools = new LocalToolProvider([{ name: 'quote', description: 'q', input: z.object({}), handler: () => 1 }]);
    const error = await new AgentRuntime({ llm, persistence: store, tools: [tools] }).run({ ...base, tools: ['quote', 'news'] }, 'Hi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecValidationError);
    expect((error as SpecValidationError).path).toBe('tools[1]');
    expect(llm.callCount).toBe(0);
    expect(await store.listAgentRuns()).toEqual([]);
    expect(await store.listSpecVersions('agent', 'analyst')).toEqual([]);
  });

  it('validates the spec and names the bad path', async () => {
    const runtime = new AgentRuntime({ llm: new ScriptedLlmAdapter([]), persistence: persistence() });
    const error = await runtime.run({ ...base, cost_caps: { ...base.cost_caps, max_steps: -1 } }, 'Hi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecValidationError);
    expect((error as SpecValidationError).path).toBe('cost_caps.max_steps');
  });

  it('refuses a priced provider whose model is missing from the price table', async () => {
    const spec = { ...base, model: { provider: 'openai_compatible' as const, name: 'gpt-x', max_tokens: 50 } };
    const runtime = new AgentRuntime({ llm: new ScriptedLlmAdapter([text('ok')]), persistence: persistence(), priceTable: { 'gpt-y': { inputPerMillionUsd: 1, outputPerMillionUsd: 1 } } });
    await expect(runtime.run(spec, 'Hi')).rejects.toThrow(UnknownModelPriceError);
  });

  it('asks the adapter factory for an adapter for the spec', async () => {
    const seen: AgentSpec[] = [];
    const runtime = new AgentRuntime({
      llm: (spec) => {
        seen.push(spec);
        return new ScriptedLlmAdapter([text(`served by ${spec.model.base_url ?? 'none'}`)]);
      },
      persistence: persistence(),
    });
    const result = await runtime.run({ ...base, model: { ...base.model, base_url: 'http://localhost:11434/v1' } }, 'Hi');
    expect(result.output).toBe('served by http://localhost:11434/v1');
    expect(seen.map((s) => s.model.base_url)).toEqual(['http://localhost:11434/v1']);
  });

  it('records the deployment of the run and refuses an unknown one', async () => {
    const store = persistence();
    const bot = await store.createBot({ projectId: 'p', slug: 'b', name: 'B', kind: 'research', spec: { any: 'thing' } });
    const deployment = await store.openDeployment({ botId: bot.id, botVersionId: bot.currentVersion.id, kind: 'chat' });
    const runtime = new AgentRuntime({ llm: new ScriptedLlmAdapter(() => text('ok')), persistence: store });
    const result = await runtime.run(base, 'Hi', { deploymentId: deployment.id });
    expect((await store.listAgentRuns({ deploymentId: deployment.id })).map((r) => r.id)).toEqual([result.runId]);
    await expect(runtime.run(base, 'Hi', { deploymentId: 'nope' })).rejects.toThrow(RecordNotFoundError);
  });

  it('refuses empty prompts and non-JSON context', async () => {
    const runtime = new AgentRuntime({ llm: new ScriptedLlmAdapter([]), persistence: persistence() });
    await expect(runtime.run(base, '  ')).rejects.toThrow(InvalidArgumentError);
    await expect(runtime.run(base, { prompt: '' })).rejects.toThrow(/input.prompt/);
    await expect(runtime.run(base, { prompt: 'x', context: { f: () => 1 } })).rejects.toThrow(/input.context.f/);
  });

  it('refuses construction without a model or persistence', () => {
    expect(() => new AgentRuntime({ llm: {} as LlmAdapter, persistence: persistence() })).toThrow(/llm/);
    expect(() => new AgentRuntime({ llm: new ScriptedLlmAdapter([]), persistence: undefined as never })).toThrow(/persistence/);
  });
});

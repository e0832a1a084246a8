import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryPersistence, ModelRegistry, ScriptedLlmAdapter, SpecValidationError, createBot, parseBotSpec, sequentialIdGenerator } from '@alphaswarm/core';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentBotConsultant } from '../src/consultant.js';
import { AgentRuntime } from '../src/runtime/agent-runtime.js';

const dir = mkdtempSync(join(tmpdir(), 'consultant-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, 'risk.yaml'),
  `name: risk-officer
role: risk officer
model: { provider: scripted, name: script-1, max_tokens: 50 }
system_prompt: Assess the risk.
output_schema:
  type: object
  properties: { risk: { enum: [low, high] } }
  required: [risk]
cost_caps: { per_run_max_usd: 1, per_step_max_tokens: 4000, max_steps: 2 }
`,
);

const inlineSpec = {
  name: 'macro',
  role: 'macro analyst',
  model: { provider: 'scripted', name: 'script-1', max_tokens: 50 },
  system_prompt: 'Comment on macro.',
  cost_caps: { per_run_max_usd: 1, per_step_max_tokens: 4000, max_steps: 2 },
};

function botWith(agents: unknown[]) {
  const spec = parseBotSpec({
    name: 'Research bot',
    slug: 'research-bot',
    kind: 'research',
    universe: { symbols: ['AAPL.NASDAQ', 'MSFT.NASDAQ'] },
    data_pipeline: { source: 'synthetic', seed: 1, bars: 10 },
    agents,
  });
  return createBot(spec, { registry: new ModelRegistry() });
}

describe('AgentBotConsultant', () => {
  it('runs every agent of the bot (inline and YAML path) on the question, in spec order', async () => {
    const llm = new ScriptedLlmAdapter((request) => ((request.messages[0]?.content ?? '').startsWith('Assess') ? { content: '{"risk":"low"}' } : { content: 'Soft landing.' }));
    const persistence = new InMemoryPersistence({ idGenerator: sequentialIdGenerator('run') });
    const consultant = new AgentBotConsultant({ runtime: new AgentRuntime({ llm, persistence }), baseDir: dir });
    const bot = botWith([
      { name: 'macro', spec: inlineSpec },
      { name: 'risk', spec: 'risk.yaml' },
    ]);
    const consultation = await consultant.consult(bot, 'Should we add tech exposure?');
    expect(consultation.answers).toEqual([
      { agent: 'macro', runId: expect.any(String), status: 'completed', output: 'Soft landing.' },
      { agent: 'risk', runId: expect.any(String), status: 'completed', output: { risk: 'low' } },
    ]);
    const runs = await persistence.listAgentRuns();
    expect(runs.map((r) => r.id)).toEqual(consultation.answers.map((a) => a.runId));
    expect(runs[0]?.input).toEqual({
      prompt: 'Should we add tech exposure?',
      context: { bot: { name: 'Research bot', slug: 'research-bot', kind: 'research', symbols: ['AAPL.NASDAQ', 'MSFT.NASDAQ'] } },
    });
  });

  it('passes the deployment id of the consultation to every run', async () => {
    const persistence = new InMemoryPersistence();
    const record = await persistence.createBot({ projectId: 'p', slug: 'research-bot', name: 'R', kind: 'research', spec: {} });
    const deployment = await persistence.openDeployment({ botId: record.id, botVersionId: record.currentVersion.id, kind: 'chat' });
    const consultant = new AgentBotConsultant({ runtime: new AgentRuntime({ llm: new ScriptedLlmAdapter(() => ({ content: 'ok' })), persistence }) });
    const bot = botWith([
      { name: 'a', spec: inlineSpec },
      { name: 'b', spec: { ...inlineSpec, name: 'macro-2' } },
    ]);
    await consultant.consult(bot, 'Question?', { deploymentId: deployment.id });
    expect(await persistence.listAgentRuns({ deploymentId: deployment.id })).toHaveLength(2);
  });

  it('reports a HOLD answer without throwing', async () => {
    const consultant = new AgentBotConsultant({ runtime: new AgentRuntime({ llm: new ScriptedLlmAdapter(() => ({ content: 'not json' })), persistence: new InMemoryPersistence() }), baseDir: dir });
    const consultation = await consultant.consult(botWith([{ name: 'risk', spec: 'risk.yaml' }]), 'Risk?');
    expect(consultation.answers[0]).toMatchObject({ agent: 'risk', status: 'hold', output: { action: 'HOLD' } });
  });

  it('loads every spec before running any agent, naming the bad inline path', async () => {
    const llm = new ScriptedLlmAdapter(() => ({ content: 'ok' }));
    const consultant = new AgentBotConsultant({ runtime: new AgentRuntime({ llm, persistence: new InMemoryPersistence() }), baseDir: dir });
    const bot = botWith([
      { name: 'good', spec: inlineSpec },
      { name: 'bad', spec: { ...inlineSpec, model: { ...inlineSpec.model, max_tokens: 0 } } },
    ]);
    const error = await consultant.consult(bot, 'Q?').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecValidationError);
    expect((error as SpecValidationError).path).toBe('agents[1].spec.model.max_tokens');
    expect(llm.callCount).toBe(0);
  });

  it('serves as the bot dependency that answers chat()', async () => {
    const runtime = new AgentRuntime({ llm: new ScriptedLlmAdapter(() => ({ content: 'Hello.' })), persistence: new InMemoryPersistence() });
    const spec = parseBotSpec({
      name: 'Chat bot',
      slug: 'chat-bot',
      kind: 'research',
      universe: { symbols: ['AAPL.NASDAQ'] },
      data_pipeline: { source: 'synthetic', seed: 1, bars: 10 },
      agents: [{ name: 'macro', spec: inlineSpec }],
    });
    const bot = createBot(spec, { registry: new ModelRegistry(), agents: new AgentBotConsultant({ runtime }) });
    expect(await bot.chat('Hi?')).toMatchObject({ answers: [{ agent: 'macro', status: 'completed', output: 'Hello.' }] });
  });
});

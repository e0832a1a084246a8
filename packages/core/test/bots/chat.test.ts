import { describe, expect, it } from 'vitest';
import type { AgentConsultant, Bot, ConsultContext } from '../../src/index.js';
import { BotRuntime, InMemoryPersistence } from '../../src/index.js';
import { DUAL_MA_YAML, fixtureRegistry } from './registry-fixture.js';

const RESEARCH_YAML = DUAL_MA_YAML.replace('slug: dual-ma', 'slug: analyst')
  .replace('kind: trading', 'kind: research')
  .replace(/strategy:[\s\S]*?backtest:/, 'backtest:')
  .concat('agents: [ { name: analyst, spec: { name: analyst } } ]\n');

describe('BotRuntime.chat', () => {
  it('records a chat deployment whose id reaches the agents, with the answer on the row', async () => {
    const seen: { bot: string; question: string; context: ConsultContext | undefined }[] = [];
    const agents: AgentConsultant = {
      consult: async (bot: Bot, question: string, context?: ConsultContext) => {
        seen.push({ bot: bot.spec.slug, question, context });
        return { answers: [{ agent: 'analyst', output: 'HOLD' }] };
      },
    };
    const persistence = new InMemoryPersistence();
    const runtime = new BotRuntime({ persistence, registry: fixtureRegistry(), agents });
    await runtime.create(RESEARCH_YAML);
    const { deployment, answer } = await runtime.chat('analyst', 'Is the trend up?');
    expect(deployment.kind).toBe('chat');
    expect(deployment.status).toBe('succeeded');
    expect(seen).toEqual([{ bot: 'analyst', question: 'Is the trend up?', context: { deploymentId: deployment.id } }]);
    expect(answer).toEqual({ answers: [{ agent: 'analyst', output: 'HOLD' }] });
    expect(deployment.result).toEqual({ question: 'Is the trend up?', answer });
  });

  it('marks the chat deployment failed when no agent runtime is available', async () => {
    const persistence = new InMemoryPersistence();
    const runtime = new BotRuntime({ persistence, registry: fixtureRegistry() });
    await runtime.create(RESEARCH_YAML);
    await expect(runtime.chat('analyst', 'hello')).rejects.toThrow(/agents is not available/);
    const [row] = await runtime.deployments('analyst');
    expect(row?.status).toBe('failed');
    expect(row?.error).toMatch(/not available/);
  });
});

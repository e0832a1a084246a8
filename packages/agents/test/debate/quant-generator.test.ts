import { InvalidArgumentError } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { quantGeneratorSpec, quantProposalJsonSchema } from '../../src/debate/debate-specs.js';
import { MarketMonitor } from '../../src/debate/market-monitor.js';
import { QuantGenerator, assessmentContext, describeProposal } from '../../src/debate/quant-generator.js';
import type { GeneratorRequest } from '../../src/debate/quant-generator.js';
import { AgentRuntime } from '../../src/runtime/agent-runtime.js';
import { FixedBookAlpha, SCRIPTED_MODEL, fixtureMarket, fixturePersistence, fixtureRegistry, proposal, requestText, scriptedJson } from './fixtures/debate-fixtures.js';

const frame = fixtureMarket();
const assessment = new MarketMonitor().assess(frame);
const request = (round = 1, feedback: GeneratorRequest['feedback'] = []): GeneratorRequest => ({ decisionTime: assessment.time, assessment, round, maxRounds: 3, feedback });

function generator(replies: readonly unknown[], permissive = false) {
  const registry = fixtureRegistry();
  const llm = scriptedJson(replies);
  const persistence = fixturePersistence();
  const spec = quantGeneratorSpec(SCRIPTED_MODEL, registry);
  const g = new QuantGenerator({
    runtime: new AgentRuntime({ llm, persistence }),
    spec: permissive ? { ...spec, output_schema: quantProposalJsonSchema() } : spec,
    registry,
  });
  return { g, llm, persistence };
}

describe('QuantGenerator', () => {
  it('builds the proposed alpha through the registry', async () => {
    const { g, persistence } = generator([proposal('FixedBookAlpha', { book: [{ symbol: 'CALM', direction: 'up' }] }, 0.5, 'calm drifts up')]);
    const turn = await g.propose(request());
    expect(turn.error).toBeNull();
    expect(turn.agentStatus).toBe('completed');
    expect(turn.proposal).toEqual({ class: 'FixedBookAlpha', kwargs: { book: [{ symbol: 'CALM', direction: 'up' }] }, grossExposure: 0.5, rationale: 'calm drifts up' });
    expect(turn.model).toBeInstanceOf(FixedBookAlpha);
    expect(await persistence.getAgentRun(turn.runId)).toMatchObject({ status: 'succeeded' });
  });

  it('tells the model the decision time, the market tests and the registered alpha classes', async () => {
    const { g, llm } = generator([proposal('TrendFollowAlpha', { lookback: 5 }, 1)]);
    await g.propose(request());
    const text = requestText(llm.requests[0]);
    expect(text).toContain(assessment.timeIso);
    expect(text).toContain('"regime": "volatility_up"');
    expect(text).toContain('Follows the sign of the lookback return.');
    expect(text).not.toContain('PassThroughRisk');
  });

  it('passes the feedback of earlier rounds to the model', async () => {
    const { g, llm } = generator([proposal('TrendFollowAlpha', { lookback: 5 }, 1)]);
    await g.propose(
      request(2, [{ round: 1, outcome: 'rejected', proposal: { class: 'FixedBookAlpha', kwargs: {}, gross_exposure: 3 }, reasons: ['TVaR95 of the 21-bar loss 0.71 > limit 0.1'], metrics: { tvar: 0.71 }, limits: { maxTvar: 0.1 } }]),
    );
    const text = requestText(llm.requests[0]);
    expect(text).toContain('Round 2 of 3');
    expect(text).toContain('TVaR95 of the 21-bar loss 0.71 > limit 0.1');
  });

  it('refuses what the registry refuses: unknown class, bad kwargs, a model of another stage', async () => {
    const unknown = await generator([proposal('MomentumAlfa', {}, 1)], true).g.propose(request());
    expect(unknown.proposal).toBeNull();
    expect(unknown.error).toMatch(/unknown model class "MomentumAlfa"/);
    const badKwargs = await generator([proposal('TrendFollowAlpha', { lookback: 'ten' }, 1)], true).g.propose(request());
    expect(badKwargs.error).toMatch(/proposal\.kwargs\.lookback/);
    const extraKwarg = await generator([proposal('TrendFollowAlpha', { lookback: 3, leverage: 9 }, 1)], true).g.propose(request());
    expect(extraKwarg.error).toMatch(/leverage/);
    const risk = await generator([proposal('PassThroughRisk', {}, 1)], true).g.propose(request());
    expect(risk.error).toMatch(/registered risk model, not an alpha model/);
    expect(risk.model).toBeNull();
  });

  it('turns an agent that cannot answer into a refused turn (HOLD), not an exception', async () => {
    // Every reply breaks the schema (class not offered): two retries and the strict attempt, then HOLD.
    const bad = proposal('PassThroughRisk', {}, 1);
    const { g, llm } = generator([bad, bad, bad, bad]);
    const turn = await g.propose(request());
    expect(turn.agentStatus).toBe('hold');
    expect(turn.proposal).toBeNull();
    expect(turn.error).toMatch(/^agent hold: malformed output/);
    expect(llm.callCount).toBe(4);
  });

  it('refuses a malformed output from a host spec that does not constrain it', async () => {
    const registry = fixtureRegistry();
    const g = new QuantGenerator({
      runtime: new AgentRuntime({ llm: scriptedJson([{ class: 'TrendFollowAlpha', kwargs: { lookback: 3 }, gross_exposure: -1, rationale: '' }]), persistence: fixturePersistence() }),
      spec: { ...quantGeneratorSpec(SCRIPTED_MODEL, registry), output_schema: { type: 'object' } },
      registry,
    });
    expect((await g.propose(request())).error).toMatch(/malformed proposal at gross_exposure/);
  });

  it('refuses missing collaborators', () => {
    expect(() => new QuantGenerator({ runtime: {} as AgentRuntime, spec: {} as never, registry: fixtureRegistry() })).toThrow(InvalidArgumentError);
  });
});

describe('assessmentContext and describeProposal', () => {
  it('gives JSON with nulls for missing figures', () => {
    const short = new MarketMonitor().assess(frame, frame.timestamps()[5]);
    const context = assessmentContext(short);
    expect(JSON.parse(JSON.stringify(context))).toEqual(context);
    expect((context.symbols as { variance_ratio: unknown }[])[0]?.variance_ratio).toBeNull();
  });

  it('keeps what the model wrote, or null', () => {
    expect(describeProposal({ class: 'X', kwargs: { a: 1 }, gross_exposure: 2 })).toEqual({ class: 'X', kwargs: { a: 1 }, gross_exposure: 2 });
    expect(describeProposal({ action: 'HOLD', reason: 'r' })).toBeNull();
    expect(describeProposal('text')).toBeNull();
  });
});

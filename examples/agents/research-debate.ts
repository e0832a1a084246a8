/**
 * The research debate, offline: a scripted "LLM" plays the Quant Generator (and an
 * over-eager Risk Analyst), the Monte Carlo Risk Simulator has the last word.
 *
 * Run from the repository root:
 *
 *   npx tsx examples/agents/research-debate.ts
 *
 * What it shows:
 * 1. one debate at the last bar: the generator first proposes an alpha with kwargs the
 *    registry refuses, then an aggressive one the Monte Carlo stress rejects, then
 *    revises its gross exposure with the simulator's numbers until it passes (or runs
 *    out of rounds); the analyst always says "approve" and is ignored;
 * 2. the debate as an AlphaModel: `ResearchDebateAlpha.prepare` runs debates at the
 *    monitor's decision points over the history, and a backtest trades what was approved.
 *
 * Everything is deterministic (seeded data, scripted model, seeded Monte Carlo).
 */
import { EventDrivenBacktester, FrameworkAlgorithm, ScriptedLlmAdapter } from '@alphaswarm/core';
import type { LlmRequest, ScriptedLlmReply } from '@alphaswarm/core';
import { AgentRuntime, MarketMonitor, QuantGenerator, ResearchDebate, ResearchDebateAlpha, RiskSimulator, quantGeneratorSpec, riskAnalystSpec } from '@alphaswarm/agents';
import { NoOpRiskModel } from '@alphaswarm/risk';
import { ImmediateExecutionModel, InsightWeightingPortfolio, StaticUniverse } from '@alphaswarm/strategies';
import { LIMITS, exampleMarket, examplePersistence, exampleRegistry, printDebate, stressTester } from './debate-setup.js';

/** The JSON context the runtime appends to the user message. */
function contextOf(request: LlmRequest): { round: number; feedback: { outcome: string; proposal: { class: string; gross_exposure: unknown } | null; reasons: string[] }[] } {
  const user = request.messages.find((m) => m.role === 'user');
  const text = typeof user?.content === 'string' ? user.content : '';
  const at = text.indexOf('Context (JSON):\n');
  return JSON.parse(at < 0 ? '{"round":1,"feedback":[]}' : text.slice(at + 'Context (JSON):\n'.length)) as ReturnType<typeof contextOf>;
}

/**
 * The scripted generator's policy: round 1 proposes momentum with a malformed kwarg;
 * then a dual moving-average crossover at 3× gross; after each rejection it halves
 * the gross exposure of its last stressed proposal.
 */
function generatorPolicy(request: LlmRequest): ScriptedLlmReply {
  const { round, feedback } = contextOf(request);
  const reply = (value: unknown): ScriptedLlmReply => ({ content: JSON.stringify(value), usage: { promptTokens: 900, completionTokens: 60 } });
  if (round === 1) {
    return reply({ class: 'MomentumAlpha', kwargs: { lookback: 'twenty', k: 1 }, gross_exposure: 1, rationale: 'Rank by momentum.' });
  }
  const lastStressed = [...feedback].reverse().find((f) => f.outcome === 'rejected');
  const gross = lastStressed === undefined ? 3 : Number(lastStressed.proposal?.gross_exposure ?? 3) / 2;
  const why = lastStressed === undefined ? 'Trend regime: follow the crossover.' : `Rejected: ${lastStressed.reasons.join('; ')}. Halving the gross exposure.`;
  return reply({ class: 'DualMACrossoverAlpha', kwargs: { fast: 10, slow: 40 }, gross_exposure: gross, rationale: why });
}

const analystPolicy = (): ScriptedLlmReply => ({ content: JSON.stringify({ verdict: 'approve', reason: 'Looks fine to me.' }) });

async function main(): Promise<void> {
  const frame = exampleMarket();
  const registry = exampleRegistry();
  const persistence = examplePersistence();
  const model = { provider: 'scripted' as const, name: 'scripted-quant', max_tokens: 800 };
  const debate = new ResearchDebate({
    monitor: new MarketMonitor(),
    generator: new QuantGenerator({
      runtime: new AgentRuntime({ llm: new ScriptedLlmAdapter(generatorPolicy), persistence }),
      spec: quantGeneratorSpec(model, registry),
      registry,
    }),
    simulator: new RiskSimulator({ stress: stressTester, limits: LIMITS, horizon: 21, paths: 5000, seed: 1 }),
    analyst: { runtime: new AgentRuntime({ llm: new ScriptedLlmAdapter(analystPolicy), persistence }), spec: riskAnalystSpec({ ...model, name: 'scripted-analyst' }) },
    persistence,
    maxRounds: 5,
  });

  // 1. One debate on the data up to the last bar.
  const outcome = await debate.run(frame);
  printDebate(outcome);
  const journal = await persistence.listJournal({ sessionId: outcome.debateId });
  console.log(`  journal: ${journal.length} entries in session ${outcome.debateId}; agent runs recorded: ${(await persistence.listAgentRuns()).length}`);

  // 2. The debate as an alpha model in a backtest (decisions prepared ahead, no look-ahead).
  const alpha = new ResearchDebateAlpha({ debate, maxDebates: 6 });
  const decisions = await alpha.prepare(frame);
  console.log(`\n=== ResearchDebateAlpha: ${decisions.length} decision(s) ===`);
  for (const d of decisions) {
    const emitted = d.emitted.map((i) => `${i.symbol.value}:${i.direction}${i.weight === undefined ? '' : `@${i.weight.toFixed(3)}`}`).join(' ');
    console.log(`  ${new Date(d.time).toISOString().slice(0, 10)} approved=${String(d.outcome.approved)} rounds=${d.outcome.rounds} emitted=[${emitted}]`);
  }
  const algorithm = new FrameworkAlgorithm({
    universe: new StaticUniverse({ symbols: frame.symbols }),
    alpha,
    portfolio: new InsightWeightingPortfolio(),
    risk: new NoOpRiskModel(),
    execution: new ImmediateExecutionModel(),
  });
  const result = new EventDrivenBacktester({ initialCash: 100_000 }).run(algorithm, frame);
  console.log(`  backtest: ${result.fills.length} fills, final equity ${result.finalEquity.toFixed(2)}`);
}

await main();

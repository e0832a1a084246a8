/**
 * The research debate against a real model on any OpenAI-compatible endpoint
 * (OpenAI, vLLM, Ollama, LM Studio, …). The Quant Generator may call the AlphaSwarm
 * MCP tools (volatility, Monte Carlo impact) through an in-process MCP connection;
 * the Risk Simulator's Monte Carlo check still has the last word.
 *
 * Configure with environment variables, then run from the repository root:
 *
 *   OPENAI_BASE_URL=https://api.openai.com/v1 OPENAI_API_KEY=sk-… ALPHASWARM_MODEL=gpt-4o-mini \
 *   ALPHASWARM_PRICE_INPUT=0.15 ALPHASWARM_PRICE_OUTPUT=0.6 \
 *     npx tsx examples/agents/research-debate-live.ts
 *
 *   # a local Ollama (no key needed on loopback; prices default to 0):
 *   OPENAI_BASE_URL=http://localhost:11434/v1 ALPHASWARM_MODEL=llama3.1:8b npx tsx examples/agents/research-debate-live.ts
 *
 * Variables:
 * - OPENAI_BASE_URL (required): base URL of the OpenAI-compatible API, ending in /v1.
 * - ALPHASWARM_MODEL (required): the model id the server knows.
 * - OPENAI_API_KEY: required unless the base URL is on localhost / 127.0.0.1.
 * - ALPHASWARM_PRICE_INPUT / ALPHASWARM_PRICE_OUTPUT: USD per 1M prompt / completion
 *   tokens, for the per-run dollar cap (default 0 = only the token and step caps bind).
 * - ALPHASWARM_STRUCTURED_OUTPUT=false: for servers without JSON-schema output.
 */
import { OpenAiCompatibleLlmAdapter } from '@alphaswarm/adapters';
import { Portfolio } from '@alphaswarm/core';
import {
  AgentRuntime,
  McpToolProvider,
  QuantGenerator,
  ResearchDebate,
  RiskSimulator,
  connectInProcess,
  createAlphaSwarmMcpServer,
  quantGeneratorSpec,
  riskAnalystSpec,
} from '@alphaswarm/agents';
import { LIMITS, exampleMarket, examplePersistence, exampleRegistry, printDebate, stressTester } from './debate-setup.js';

function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function price(name: string): number {
  const text = env(name);
  const value = text === undefined ? 0 : Number(text);
  if (!(Number.isFinite(value) && value >= 0)) {
    console.error(`${name} must be a number ≥ 0 (USD per 1M tokens), got ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const baseUrl = env('OPENAI_BASE_URL');
  const modelName = env('ALPHASWARM_MODEL');
  const apiKey = env('OPENAI_API_KEY');
  const missing = [baseUrl === undefined ? 'OPENAI_BASE_URL' : '', modelName === undefined ? 'ALPHASWARM_MODEL' : ''].filter((m) => m !== '');
  if (baseUrl === undefined || modelName === undefined) {
    console.error(
      `Missing environment variable(s): ${missing.join(', ')}.\n` +
        'Set OPENAI_BASE_URL (e.g. https://api.openai.com/v1 or http://localhost:11434/v1), ALPHASWARM_MODEL (e.g. gpt-4o-mini)\n' +
        'and, for a remote server, OPENAI_API_KEY. See the comment at the top of examples/agents/research-debate-live.ts.\n' +
        'For an offline run use: npx tsx examples/agents/research-debate.ts',
    );
    process.exit(2);
  }
  const loopback = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/i.test(baseUrl);
  if (apiKey === undefined && !loopback) {
    console.error(`OPENAI_API_KEY is not set and ${baseUrl} is not a local server. Set OPENAI_API_KEY.`);
    process.exit(2);
  }
  const inputPrice = price('ALPHASWARM_PRICE_INPUT');
  const outputPrice = price('ALPHASWARM_PRICE_OUTPUT');
  if (inputPrice === 0 && outputPrice === 0 && !loopback) {
    console.warn('Note: no ALPHASWARM_PRICE_INPUT/OUTPUT given; the dollar cap is not enforced (token and step caps still are).');
  }

  const frame = exampleMarket();
  const registry = exampleRegistry();
  const persistence = examplePersistence();
  // Local servers accept any key; the adapter wants one spelled out.
  const llm = new OpenAiCompatibleLlmAdapter({ baseUrl, apiKey: apiKey ?? 'not-needed' });

  // The generator may use the AlphaSwarm MCP tools (read-only) through a real MCP client.
  const mcpClient = await connectInProcess(createAlphaSwarmMcpServer({ data: frame, portfolio: new Portfolio({ initialCash: 100_000 }), stress: stressTester }));
  const runtime = new AgentRuntime({
    llm,
    persistence,
    tools: [new McpToolProvider(mcpClient)],
    priceTable: { [modelName]: { inputPerMillionUsd: inputPrice, outputPerMillionUsd: outputPrice } },
  });
  const model = {
    provider: 'openai_compatible' as const,
    name: modelName,
    max_tokens: 1200,
    temperature: 0.2,
    structured_output: env('ALPHASWARM_STRUCTURED_OUTPUT') !== 'false',
  };
  const caps = { per_run_max_usd: 0.25, per_step_max_tokens: 16_000, max_steps: 8 };
  const debate = new ResearchDebate({
    generator: new QuantGenerator({
      runtime,
      spec: quantGeneratorSpec(model, registry, { tools: ['get_historical_volatility', 'simulate_insight_impact'], costCaps: caps }),
      registry,
    }),
    simulator: new RiskSimulator({ stress: stressTester, limits: LIMITS, horizon: 21, paths: 5000, seed: 1 }),
    analyst: { runtime, spec: riskAnalystSpec(model, { costCaps: caps }) },
    persistence,
    maxRounds: 3,
  });
  try {
    const outcome = await debate.run(frame);
    printDebate(outcome);
    const runs = await persistence.listAgentRuns();
    const cost = runs.reduce((sum, r) => sum + r.usage.costUsd, 0);
    const tokens = runs.reduce((sum, r) => sum + r.usage.promptTokens + r.usage.completionTokens, 0);
    console.log(`  agent runs: ${runs.length}, tokens: ${tokens}, cost: $${cost.toFixed(4)}`);
  } finally {
    await mcpClient.close();
  }
}

await main();

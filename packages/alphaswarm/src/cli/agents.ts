import { readFileSync } from 'node:fs';
import { NotAvailableError, type LlmAdapter, type PersistenceAdapter, type ProgressEmitter, type KillSwitch } from '@alphaswarm/core';
import { OpenAiCompatibleLlmAdapter } from '@alphaswarm/adapters';
import { AgentBotConsultant, AgentRuntime, parsePriceTable, type AgentSpec, type PriceTable } from '@alphaswarm/agents';

/** Where the CLI's agents get their model and prices. */
export interface CliAgentOptions {
  /** JSON file of model prices (USD per 1M input/output tokens); default `$ALPHASWARM_PRICES`. */
  readonly pricesFile?: string;
  /** Folder that agent spec paths are relative to. */
  readonly baseDir?: string;
}

/**
 * The LLM for an agent spec: an OpenAI-compatible server at the spec's `base_url`,
 * or `$OPENAI_BASE_URL`, or OpenAI itself; the key comes from `$OPENAI_API_KEY`.
 * Scripted models exist for tests and examples and have no script on the command line.
 */
export function llmFor(spec: AgentSpec): LlmAdapter {
  if (spec.model.provider !== 'openai_compatible') {
    throw new NotAvailableError(`model provider ${JSON.stringify(spec.model.provider)}`, 'the command line runs openai_compatible models only');
  }
  const baseUrl = spec.model.base_url ?? process.env['OPENAI_BASE_URL'] ?? 'https://api.openai.com/v1';
  return new OpenAiCompatibleLlmAdapter({ baseUrl });
}

/** Reads the price table, or an empty one (then only scripted models may run). */
export function loadPriceTable(file = process.env['ALPHASWARM_PRICES']): PriceTable {
  if (file === undefined || file === '') return {};
  return parsePriceTable(JSON.parse(readFileSync(file, 'utf8')) as unknown);
}

/** The agent consultant the CLI's bots use. */
export function cliAgentConsultant(persistence: PersistenceAdapter, progress: ProgressEmitter, killSwitch: KillSwitch, options: CliAgentOptions = {}): AgentBotConsultant {
  const runtime = new AgentRuntime({ llm: llmFor, persistence, progress, killSwitch, priceTable: loadPriceTable(options.pricesFile) });
  return new AgentBotConsultant({ runtime, ...(options.baseDir === undefined ? {} : { baseDir: options.baseDir }) });
}

/**
 * The agent specs of the research debate's LLM participants: the Quant Generator
 * (proposes an alpha) and the optional, advisory Risk Analyst.
 *
 * @module
 */
import type { ModelRegistry } from '@alphaswarm/core';
import type { AgentSpecInput } from '../spec/agent-spec.js';

/** The model section of an agent spec as written (provider, name, max_tokens, …). */
export type DebateAgentModel = AgentSpecInput['model'];

/** Optional changes to a debate agent spec built by {@link quantGeneratorSpec} or {@link riskAnalystSpec}. */
export interface DebateAgentSpecOverrides {
  /** Spec name (the spec-store series). */
  readonly name?: string;
  /** Replaces the system prompt. */
  readonly systemPrompt?: string;
  /** Tools the agent may call (served by the runtime's providers, e.g. an `McpToolProvider`). Default none. */
  readonly tools?: readonly string[];
  /** Cost caps (default 0.50 USD per run, 8000 tokens per step, 8 steps). */
  readonly costCaps?: AgentSpecInput['cost_caps'];
}

const DEFAULT_CAPS: AgentSpecInput['cost_caps'] = { per_run_max_usd: 0.5, per_step_max_tokens: 8000, max_steps: 8 };

/**
 * JSON Schema of the Quant Generator's answer: a registered alpha class, its kwargs,
 * the gross exposure (sum of absolute weights, as a fraction of equity, in (0, 10])
 * and a rationale. `class` is restricted to `alphaClasses` when given (the registry's
 * `create` remains the authoritative check).
 */
export function quantProposalJsonSchema(alphaClasses?: readonly string[]): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['class', 'kwargs', 'gross_exposure', 'rationale'],
    properties: {
      class: alphaClasses === undefined || alphaClasses.length === 0 ? { type: 'string', minLength: 1 } : { type: 'string', enum: [...alphaClasses] },
      kwargs: { type: 'object', description: 'Keyword arguments of the class, as its registry schema defines them.' },
      gross_exposure: { type: 'number', exclusiveMinimum: 0, maximum: 10, description: 'Sum of absolute position weights as a fraction of equity.' },
      rationale: { type: 'string', description: 'Why this alpha fits the regime, and what was changed after a rejection.' },
    },
  };
}

/** JSON Schema of the advisory Risk Analyst's answer: `{verdict: approve|reject, reason}`. */
export const RISK_ANALYST_JSON_SCHEMA: Readonly<Record<string, unknown>> = Object.freeze({
  type: 'object',
  additionalProperties: false,
  required: ['verdict', 'reason'],
  properties: {
    verdict: { type: 'string', enum: ['approve', 'reject'] },
    reason: { type: 'string' },
  },
});

const GENERATOR_PROMPT = [
  'You are the Quant Generator of a research debate in an algorithmic-trading SDK.',
  'Given a market assessment (volatility and trend tests per symbol) and the registered alpha model classes with their descriptions,',
  'propose ONE alpha model as {class, kwargs} plus a gross exposure. Use only listed classes and valid kwargs.',
  'A Risk Simulator then runs a Monte Carlo stress test of the positions your alpha holds and approves or rejects against fixed limits',
  '(maximum TVaR and maximum probability of breaching a drawdown limit). If an earlier round was rejected, its numbers are in the context:',
  'revise (for example lower the gross exposure, or choose another class) so that the limits are met. Your opinion of the risk does not count; only the simulation does.',
].join(' ');

const ANALYST_PROMPT = [
  'You are the Risk Analyst of a research debate. You read the Monte Carlo stress results of a proposed alpha against the limits',
  'and give an advisory verdict with a short reason. Your verdict is recorded but the numeric check decides.',
].join(' ');

/**
 * An agent spec for the Quant Generator: the given model, a system prompt explaining
 * the debate, the {@link quantProposalJsonSchema} restricted to the registry's
 * `alpha` classes, no tools unless given, and modest cost caps.
 */
export function quantGeneratorSpec(model: DebateAgentModel, registry: ModelRegistry, overrides: DebateAgentSpecOverrides = {}): AgentSpecInput {
  return {
    name: overrides.name ?? 'quant-generator',
    role: 'quant generator',
    description: 'Proposes a registered alpha model and its parameters for the current regime.',
    model,
    system_prompt: overrides.systemPrompt ?? GENERATOR_PROMPT,
    tools: [...(overrides.tools ?? [])],
    output_schema: quantProposalJsonSchema(registry.names('alpha')),
    cost_caps: overrides.costCaps ?? DEFAULT_CAPS,
  };
}

/** An agent spec for the advisory Risk Analyst (output {@link RISK_ANALYST_JSON_SCHEMA}). */
export function riskAnalystSpec(model: DebateAgentModel, overrides: DebateAgentSpecOverrides = {}): AgentSpecInput {
  return {
    name: overrides.name ?? 'risk-analyst',
    role: 'risk analyst (advisory)',
    description: 'Comments on the Monte Carlo stress of a proposal; advisory only.',
    model,
    system_prompt: overrides.systemPrompt ?? ANALYST_PROMPT,
    tools: [...(overrides.tools ?? [])],
    output_schema: { ...RISK_ANALYST_JSON_SCHEMA },
    cost_caps: overrides.costCaps ?? DEFAULT_CAPS,
  };
}

import { readFileSync } from 'node:fs';
import { AlphaSwarmError, SpecValidationError, parseYaml, specErrorFromZod } from '@alphaswarm/core';
import { z } from 'zod';
import { assertSupportedJsonSchema } from '../output/json-schema-validator.js';

/** Spec kind under which agent specs are hash-locked in the spec store. */
export const AGENT_SPEC_KIND = 'agent';

/** Which kind of adapter serves the model: an OpenAI-compatible server, or a scripted adapter (tests, offline). */
export const AGENT_MODEL_PROVIDERS = ['openai_compatible', 'scripted'] as const;

/** The model an agent calls and its sampling settings (snake_case as in YAML). */
const agentModelSchema = z.strictObject({
  /** `openai_compatible` (OpenAI, vLLM, Ollama, … by base URL) or `scripted`. */
  provider: z.enum(AGENT_MODEL_PROVIDERS),
  /** Model id as the server knows it, e.g. `gpt-4o-mini`, `llama3.1:8b`. */
  name: z.string().min(1),
  /** Sampling temperature in [0, 2]; default 0. */
  temperature: z.number().min(0).max(2).default(0),
  /** Upper bound on completion tokens of one model call. */
  max_tokens: z.int().positive(),
  /** Base URL of the server (e.g. `http://localhost:11434/v1`); the host's adapter factory may use it. */
  base_url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  /**
   * Ask the server to enforce `output_schema` (JSON-schema structured output); default
   * true. Set false for servers without it: the schema is then only in the prompt and
   * checked by the runtime.
   */
  structured_output: z.boolean().default(true),
});

/** Limits of one agent run; every model call is checked against them before it is made. */
const agentCostCapsSchema = z.strictObject({
  /** Most US dollars one run may spend (priced by the runtime's price table); > 0. */
  per_run_max_usd: z.number().positive(),
  /** Most tokens (prompt + completion) one model call may use, projected before the call. */
  per_step_max_tokens: z.int().positive(),
  /** Most model calls in one run (tool rounds and output retries included). */
  max_steps: z.int().positive(),
});

/** How the runtime treats malformed final output. */
const agentRetryPolicySchema = z.strictObject({
  /** Retries, with the validation errors fed back, after a malformed final reply; default 2. */
  max_output_retries: z.int().min(0).default(2),
  /**
   * After the retries, one last attempt with temperature 0, no tools, the schema spelled
   * out and strict structured output where the schema allows it; default true.
   */
  strict_final_attempt: z.boolean().default(true),
});

/**
 * The schema of an agent spec (YAML or object, snake_case keys): name, role, model,
 * system prompt, tool names, optional output JSON Schema, cost caps and retry policy.
 * Unknown keys are errors.
 */
const agentSpecSchema = z.strictObject({
  /** Agent name: the spec-store series name (non-empty, no control characters, ≤ 256). */
  name: z
    .string()
    .min(1)
    .max(256)
    .refine((name) => !hasControlCharacter(name), 'expected no control characters'),
  /** What the agent is for, one line (e.g. `macro analyst`). */
  role: z.string().min(1),
  /** Optional longer description. */
  description: z.string().optional(),
  /** The model and its settings. */
  model: agentModelSchema,
  /** The system prompt. */
  system_prompt: z.string().min(1),
  /** Names of the tools the agent may call (looked up in the runtime's tool providers). */
  tools: z.array(z.string().min(1)).default([]),
  /** JSON Schema of the output (the subset the runtime validates); omitted for free text. */
  output_schema: z.record(z.string(), z.unknown()).optional(),
  /** Spending and step limits. */
  cost_caps: agentCostCapsSchema,
  /** Malformed-output handling. */
  retry_policy: agentRetryPolicySchema.default({ max_output_retries: 2, strict_final_attempt: true }),
});

/** A validated agent spec (defaults filled in): what is hash-locked and run. */
export type AgentSpec = z.output<typeof agentSpecSchema>;
/** An agent spec as written (before defaults). */
export type AgentSpecInput = z.input<typeof agentSpecSchema>;
/** The model section of an {@link AgentSpec}. */
export type AgentModel = AgentSpec['model'];
/** The cost caps of an {@link AgentSpec}. */
export type AgentCostCaps = AgentSpec['cost_caps'];
/** The retry policy of an {@link AgentSpec}. */
export type AgentRetryPolicy = AgentSpec['retry_policy'];

/** Validates an agent spec: the single source of the {@link AgentSpec} type (use `parseAgentSpec` for path-naming errors). */
export const AgentSpecSchema: z.ZodType<AgentSpec, AgentSpecInput> = agentSpecSchema;
/** Validates an agent's model settings. */
export const AgentModelSchema: z.ZodType<AgentModel, z.input<typeof agentModelSchema>> = agentModelSchema;
/** Validates an agent's cost caps. */
export const AgentCostCapsSchema: z.ZodType<AgentCostCaps, z.input<typeof agentCostCapsSchema>> = agentCostCapsSchema;
/** Validates an agent's retry policy. */
export const AgentRetryPolicySchema: z.ZodType<AgentRetryPolicy, z.input<typeof agentRetryPolicySchema>> = agentRetryPolicySchema;

/**
 * Validates an agent spec object (a parsed spec is accepted too: parsing is
 * idempotent). Errors name the path: `model.max_tokens: expected number, got "lots"`,
 * `output_schema.properties.side.$ref: unsupported JSON Schema keyword "$ref" …`,
 * `tools[1]: duplicate tool "quote"`.
 *
 * @param input - the spec object
 * @param prefix - dotted path of the spec inside a larger document, for errors (e.g. `agents[0].spec`)
 * @throws {@link @alphaswarm/core!SpecValidationError}
 */
export function parseAgentSpec(input: unknown, prefix = ''): AgentSpec {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new SpecValidationError(prefix, `an agent spec must be a mapping of fields, got ${Array.isArray(input) ? 'a list' : String(input)}`, input);
  }
  const parsed = agentSpecSchema.safeParse(input);
  if (!parsed.success) throw specErrorFromZod(parsed.error, input, prefix);
  const spec = withoutUndefined(parsed.data);
  const at = (path: string): string => (prefix === '' ? path : `${prefix}.${path}`);
  const seen = new Set<string>();
  spec.tools.forEach((tool, i) => {
    if (seen.has(tool)) throw new SpecValidationError(at(`tools[${i}]`), `duplicate tool ${JSON.stringify(tool)}`, tool);
    seen.add(tool);
  });
  if (spec.output_schema !== undefined) assertSupportedJsonSchema(spec.output_schema, at('output_schema'));
  return spec;
}

/**
 * Parses and validates an agent spec from YAML text. A syntax error names the source,
 * line and column.
 *
 * @param text - the YAML
 * @param source - a name for the text in error messages (a file path)
 * @throws {@link @alphaswarm/core!SpecValidationError}
 */
export function loadAgentSpecYaml(text: string, source = 'agent spec'): AgentSpec {
  const parsed = parseYaml(text, source);
  try {
    return parseAgentSpec(parsed);
  } catch (error) {
    if (error instanceof SpecValidationError) {
      const path = error.path ?? '';
      const message = path !== '' && error.message.startsWith(`${path}: `) ? error.message.slice(path.length + 2) : error.message;
      throw new SpecValidationError(path, `${message} (in ${source})`, error.value);
    }
    throw error;
  }
}

/**
 * Reads and validates an agent spec YAML file.
 *
 * @throws {@link @alphaswarm/core!AlphaSwarmError} code `SPEC_NOT_FOUND` when the file cannot be read;
 *   {@link @alphaswarm/core!SpecValidationError} when it does not validate (the message names the file).
 */
export function loadAgentSpecFile(path: string): AgentSpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AlphaSwarmError('SPEC_NOT_FOUND', `cannot read agent spec ${path}`, { path, cause });
  }
  return loadAgentSpecYaml(text, path);
}

/**
 * Drops optional fields given as `undefined` (`{ output_schema: undefined }`), so that the
 * spec is JSON for the hash-lock and hashes like the same spec without those keys.
 */
function withoutUndefined(spec: AgentSpec): AgentSpec {
  const { description, output_schema, model, ...rest } = spec;
  const { base_url, ...modelRest } = model;
  return {
    ...rest,
    ...(description === undefined ? {} : { description }),
    model: { ...modelRest, ...(base_url === undefined ? {} : { base_url }) },
    ...(output_schema === undefined ? {} : { output_schema }),
  };
}

/** True when the text holds a control character (C0, DEL or C1), refused in spec names. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

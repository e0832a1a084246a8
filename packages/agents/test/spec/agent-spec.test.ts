import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlphaSwarmError, SpecValidationError } from '@alphaswarm/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAgentSpecFile, loadAgentSpecYaml, parseAgentSpec } from '../../src/spec/agent-spec.js';

const minimal = {
  name: 'macro',
  role: 'macro analyst',
  model: { provider: 'openai_compatible', name: 'gpt-4o-mini', max_tokens: 512 },
  system_prompt: 'You analyse macro data.',
  cost_caps: { per_run_max_usd: 0.5, per_step_max_tokens: 8000, max_steps: 6 },
};

function specError(fn: () => unknown): SpecValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SpecValidationError) return error;
    throw error;
  }
  throw new Error('expected a SpecValidationError');
}

const YAML = `
name: sentiment
role: news sentiment scorer
model:
  provider: openai_compatible
  name: llama3.1:8b
  temperature: 0.3
  max_tokens: 300
  base_url: http://localhost:11434/v1
system_prompt: |
  Score the sentiment of the headline.
tools: [headlines]
output_schema:
  type: object
  properties:
    score: { type: number, minimum: -1, maximum: 1 }
  required: [score]
cost_caps:
  per_run_max_usd: 0.01
  per_step_max_tokens: 2000
  max_steps: 4
retry_policy:
  max_output_retries: 1
`;

describe('parseAgentSpec', () => {
  it('fills the defaults of a minimal spec', () => {
    const spec = parseAgentSpec(minimal);
    expect(spec.model.temperature).toBe(0);
    expect(spec.model.structured_output).toBe(true);
    expect(spec.tools).toEqual([]);
    expect(spec.output_schema).toBeUndefined();
    expect(spec.retry_policy).toEqual({ max_output_retries: 2, strict_final_attempt: true });
  });

  it('is idempotent: a parsed spec parses to itself', () => {
    const once = parseAgentSpec(minimal);
    expect(parseAgentSpec(once)).toEqual(once);
  });

  it.each([
    [{ ...minimal, model: { ...minimal.model, max_tokens: 'lots' } }, 'model.max_tokens', /expected number, got "lots"/],
    [{ ...minimal, model: { ...minimal.model, provider: 'anthropic' } }, 'model.provider', /anthropic/],
    [{ ...minimal, model: { ...minimal.model, base_url: 'file:///etc' } }, 'model.base_url', /http/],
    [{ ...minimal, cost_caps: { ...minimal.cost_caps, max_steps: 0 } }, 'cost_caps.max_steps', /got 0/],
    [{ ...minimal, cost_caps: { per_run_max_usd: 1, max_steps: 2 } }, 'cost_caps.per_step_max_tokens', /missing/],
    [{ ...minimal, retry_policy: { max_output_retries: -1 } }, 'retry_policy.max_output_retries', /got -1/],
    [{ ...minimal, temperature: 0.2 }, '', /unknown key "temperature"/],
    [{ ...minimal, tools: ['quote', 'news', 'quote'] }, 'tools[2]', /duplicate tool "quote"/],
    [{ ...minimal, name: 'bad\u0007name' }, 'name', /control characters/],
    [{ ...minimal, output_schema: { type: 'object', properties: { side: { $ref: '#/$defs/side' } } } }, 'output_schema.properties.side.$ref', /unsupported JSON Schema keyword "\$ref"/],
    [{ ...minimal, output_schema: { type: 'strng' } }, 'output_schema.type', /strng/],
  ])('names the path of a bad field (%#)', (input, path, message) => {
    const error = specError(() => parseAgentSpec(input));
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    if (path !== '') expect(error.message.startsWith(`${path}: `)).toBe(true);
  });

  it('prefixes paths inside a larger document', () => {
    const error = specError(() => parseAgentSpec({ ...minimal, cost_caps: { ...minimal.cost_caps, max_steps: 'x' } }, 'agents[1].spec'));
    expect(error.path).toBe('agents[1].spec.cost_caps.max_steps');
  });

  it('refuses a spec that is not a mapping', () => {
    expect(specError(() => parseAgentSpec(['a'])).message).toMatch(/a list/);
    expect(specError(() => parseAgentSpec(null)).message).toMatch(/mapping/);
  });
});

describe('loadAgentSpecYaml / loadAgentSpecFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agent-spec-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a YAML spec with every section', () => {
    const spec = loadAgentSpecYaml(YAML);
    expect(spec.name).toBe('sentiment');
    expect(spec.model).toEqual({ provider: 'openai_compatible', name: 'llama3.1:8b', temperature: 0.3, max_tokens: 300, base_url: 'http://localhost:11434/v1', structured_output: true });
    expect(spec.tools).toEqual(['headlines']);
    expect(spec.output_schema).toEqual({ type: 'object', properties: { score: { type: 'number', minimum: -1, maximum: 1 } }, required: ['score'] });
    expect(spec.retry_policy).toEqual({ max_output_retries: 1, strict_final_attempt: true });
  });

  it('names the source and line of a YAML syntax error', () => {
    const error = specError(() => loadAgentSpecYaml('name: [unclosed\n', 'agents/x.yaml'));
    expect(error.path).toMatch(/^line \d+, column \d+$/);
    expect(error.message).toContain('agents/x.yaml');
  });

  it('names the file and the path of a validation error', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, YAML.replace('max_steps: 4', 'max_steps: four'));
    const error = specError(() => loadAgentSpecFile(file));
    expect(error.path).toBe('cost_caps.max_steps');
    expect(error.message).toBe(`cost_caps.max_steps: expected number, got "four" (in ${file})`);
  });

  it('reads a file', () => {
    const file = join(dir, 'good.yaml');
    writeFileSync(file, YAML);
    expect(loadAgentSpecFile(file)).toEqual(loadAgentSpecYaml(YAML));
  });

  it('reports a missing file with code SPEC_NOT_FOUND', () => {
    const error = (() => {
      try {
        loadAgentSpecFile(join(dir, 'missing.yaml'));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AlphaSwarmError);
    expect((error as AlphaSwarmError).code).toBe('SPEC_NOT_FOUND');
  });
});

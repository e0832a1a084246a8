import { describe, expect, it } from 'vitest';
import { RISK_ANALYST_JSON_SCHEMA, quantGeneratorSpec, quantProposalJsonSchema, riskAnalystSpec } from '../../src/debate/debate-specs.js';
import { assertSupportedJsonSchema, validateJsonSchema } from '../../src/output/json-schema-validator.js';
import { parseAgentSpec } from '../../src/spec/agent-spec.js';
import { SCRIPTED_MODEL, fixtureRegistry } from './fixtures/debate-fixtures.js';

describe('debate agent specs', () => {
  it('builds a valid generator spec whose output schema offers only the registry\'s alpha classes', () => {
    const spec = parseAgentSpec(quantGeneratorSpec(SCRIPTED_MODEL, fixtureRegistry()));
    expect(spec.name).toBe('quant-generator');
    expect(spec.tools).toEqual([]);
    const classSchema = (spec.output_schema?.properties as Record<string, { enum?: string[] }>).class;
    expect(classSchema?.enum).toEqual(['BrokenAlpha', 'FixedBookAlpha', 'TrendFollowAlpha']);
  });

  it('accepts a well-formed proposal and refuses a non-positive exposure or a missing field', () => {
    const schema = quantProposalJsonSchema(['A']);
    assertSupportedJsonSchema(schema, 'output_schema');
    expect(validateJsonSchema({ class: 'A', kwargs: {}, gross_exposure: 0.5, rationale: 'r' }, schema)).toEqual([]);
    expect(validateJsonSchema({ class: 'A', kwargs: {}, gross_exposure: 0, rationale: 'r' }, schema).length).toBeGreaterThan(0);
    expect(validateJsonSchema({ class: 'B', kwargs: {}, gross_exposure: 1, rationale: 'r' }, schema).length).toBeGreaterThan(0);
    expect(validateJsonSchema({ class: 'B', kwargs: {}, gross_exposure: 1, rationale: 'r' }, quantProposalJsonSchema())).toEqual([]);
    expect(validateJsonSchema({ class: 'A', kwargs: {}, gross_exposure: 1 }, schema).length).toBeGreaterThan(0);
  });

  it('builds the advisory analyst spec and applies overrides', () => {
    const spec = parseAgentSpec(riskAnalystSpec(SCRIPTED_MODEL, { name: 'desk-analyst', tools: ['simulate_insight_impact'], costCaps: { per_run_max_usd: 0.1, per_step_max_tokens: 100, max_steps: 2 } }));
    expect(spec).toMatchObject({ name: 'desk-analyst', tools: ['simulate_insight_impact'], cost_caps: { max_steps: 2 } });
    expect(spec.output_schema).toEqual(RISK_ANALYST_JSON_SCHEMA);
    expect(validateJsonSchema({ verdict: 'maybe', reason: '' }, RISK_ANALYST_JSON_SCHEMA).length).toBeGreaterThan(0);
  });
});

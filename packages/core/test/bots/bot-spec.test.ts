import { describe, expect, it } from 'vitest';
import { BotRuntime, InMemoryPersistence, SpecValidationError, UnknownModelError, loadBotSpecYaml, parseYaml } from '../../src/index.js';
import { DUAL_MA_YAML, fixtureRegistry } from './registry-fixture.js';

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('BotSpec', () => {
  it('reads the documented YAML and fills defaults', () => {
    const spec = loadBotSpecYaml(DUAL_MA_YAML);
    expect(spec.slug).toBe('dual-ma');
    expect(spec.data_pipeline).toMatchObject({ source: 'synthetic', seed: 42, bars: 400, start: '2015-01-02', interval: '1d' });
    expect(spec.metrics).toHaveLength(2);
    expect(spec.risk).toEqual({});
    expect(spec.strategy?.kwargs?.['execution_model']).toEqual({ class: 'ImmediateExecutionModel', module_path: 'old.module.path' });
  });

  const runtime = new BotRuntime({ persistence: new InMemoryPersistence(), registry: fixtureRegistry() });

  it('names the path of a wrong kwarg type', () => {
    const bad = DUAL_MA_YAML.replace('fast: 10', 'fast: ten');
    const error = errorOf(() => runtime.validate(bad));
    expect(error).toBeInstanceOf(SpecValidationError);
    expect(error.message).toBe('strategy.kwargs.alpha_model.kwargs.fast: expected number, got "ten"');
  });

  it('names an unknown class and suggests the closest registered names', () => {
    const error = errorOf(() => runtime.validate(DUAL_MA_YAML.replace('class: DualMACrossoverAlpha', 'class: DualMACrossAlpha')));
    expect(error).toBeInstanceOf(UnknownModelError);
    expect(error.message).toMatch(/^strategy\.kwargs\.alpha_model\.class: unknown model class "DualMACrossAlpha"; did you mean "DualMACrossoverAlpha"/);
  });

  it('names a missing slug', () => {
    const error = errorOf(() => runtime.validate(DUAL_MA_YAML.replace('slug: dual-ma\n', '')));
    expect(error).toBeInstanceOf(SpecValidationError);
    expect(error.message).toBe('slug: required string is missing');
  });

  it('names the line and column of a YAML syntax error', () => {
    const error = errorOf(() => parseYaml('name: x\nuniverse: { symbols: [A, B }\n', 'bad.yaml'));
    expect(error).toBeInstanceOf(SpecValidationError);
    expect((error as SpecValidationError).path).toMatch(/^line 2, column \d+$/);
    expect(error.message).toMatch(/bad\.yaml: YAML syntax error/);
  });

  it('rejects unknown top-level keys by name', () => {
    const error = errorOf(() => runtime.validate(`${DUAL_MA_YAML}colour: blue\n`));
    expect(error.message).toBe('unknown key "colour"');
  });
});

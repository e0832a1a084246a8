import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecValidationError, scanBotTemplates } from '../../src/index.js';
import { DUAL_MA_YAML } from './registry-fixture.js';

describe('scanBotTemplates', () => {
  it('reads every YAML spec of a folder in name order, keeping the error of a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alphaswarm-templates-'));
    writeFileSync(join(dir, 'b-dual-ma.yaml'), DUAL_MA_YAML);
    writeFileSync(join(dir, 'a-broken.yml'), DUAL_MA_YAML.replace('bars: 400', 'bars: many'));
    writeFileSync(join(dir, 'notes.txt'), 'not a spec');
    const found = scanBotTemplates(dir);
    expect(found.map((t) => t.path)).toEqual([join(dir, 'a-broken.yml'), join(dir, 'b-dual-ma.yaml')]);
    expect(found[0]!.spec).toBeUndefined();
    expect(found[0]!.error).toBeInstanceOf(SpecValidationError);
    expect(found[0]!.error!.message).toBe('data_pipeline.bars: expected number, got "many"');
    expect(found[1]!.spec?.slug).toBe('dual-ma');
    expect(found[1]!.error).toBeUndefined();
  });
});

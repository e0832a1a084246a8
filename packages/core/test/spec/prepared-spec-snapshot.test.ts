import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NonJsonValueError, prepareSpecSnapshot } from '../../src/index.js';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('prepareSpecSnapshot', () => {
  it('derives canonical text, hash and ids from kind, name and content', () => {
    const prepared = prepareSpecSnapshot('bot', 'b1', { slow: 50, fast: 10 });
    const canonicalJson = '{"fast":10,"slow":50}';
    const specHash = sha256(canonicalJson);
    expect(prepared).toEqual({
      kind: 'bot',
      name: 'b1',
      specId: `spec_${sha256('["alphaswarm.spec","bot","b1"]').slice(0, 32)}`,
      versionId: `specv_${sha256(`["alphaswarm.spec-version","bot","b1","${specHash}"]`).slice(0, 32)}`,
      specHash,
      canonicalJson,
    });
  });

  it('validates the key before the spec, and names the spec path with a `spec` prefix', () => {
    expect(() => prepareSpecSnapshot('Bad', 'b', undefined)).toThrow(InvalidArgumentError);
    try {
      prepareSpecSnapshot('bot', 'b', { a: [undefined] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NonJsonValueError);
      expect((error as NonJsonValueError).path).toBe('spec.a[0]');
    }
  });
});

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NonJsonValueError, hashSpec, sha256Hex } from '../../src/index.js';

const sha256 = (text: string): string => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

describe('hashSpec', () => {
  it('is the SHA-256 of the UTF-8 bytes of the canonical text', () => {
    // Canonical text by hand: keys sorted, 4.50 → 4.5, no whitespace.
    const canonical = '{"kwargs":{"fast":10,"slow":4.5},"name":"é€"}';
    expect(hashSpec({ name: 'é€', kwargs: { slow: 4.5, fast: 10 } })).toBe(sha256(canonical));
  });

  it('matches the published SHA-256 of the empty string and of "abc"', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('is 64 lowercase hex digits', () => {
    expect(hashSpec({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never changes when keys are reordered, and changes when a value changes (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(hashSpec(reversed)).toBe(hashSpec(record));
        const [firstKey] = Object.keys(record);
        if (firstKey === undefined) return;
        const changed = { ...record, [firstKey]: { changed: record[firstKey] ?? null } };
        expect(hashSpec(changed)).not.toBe(hashSpec(record));
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on number spelling or -0', () => {
    expect(hashSpec(JSON.parse('{"x":4.50,"y":1E2,"z":-0}'))).toBe(sha256('{"x":4.5,"y":100,"z":0}'));
  });

  it('rejects a non-JSON spec with the path', () => {
    expect(() => hashSpec({ kwargs: { fast: undefined } })).toThrow(NonJsonValueError);
    expect(() => hashSpec({ kwargs: { fast: undefined } })).toThrow(/kwargs\.fast/);
  });
});

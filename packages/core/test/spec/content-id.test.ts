import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentId, specIdOf, specVersionIdOf } from '../../src/index.js';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('content-derived ids', () => {
  it('prefixes the first 32 hex digits of the SHA-256 of the canonical parts array', () => {
    expect(contentId('x', ['a', 'b'])).toBe(`x_${sha256('["a","b"]').slice(0, 32)}`);
  });

  it('derives the series id from kind and name', () => {
    expect(specIdOf('bot', 'b1')).toBe(`spec_${sha256('["alphaswarm.spec","bot","b1"]').slice(0, 32)}`);
  });

  it('derives the version id from kind, name and spec hash', () => {
    const hash = 'ab'.repeat(32);
    expect(specVersionIdOf('agent', 'a', hash)).toBe(`specv_${sha256(`["alphaswarm.spec-version","agent","a","${hash}"]`).slice(0, 32)}`);
  });

  it('keeps part boundaries: ["ab","c"] and ["a","bc"] differ', () => {
    expect(contentId('x', ['ab', 'c'])).not.toBe(contentId('x', ['a', 'bc']));
    expect(specIdOf('bot', 'a/b')).not.toBe(specIdOf('bot/a', 'b'));
  });
});

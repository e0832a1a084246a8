import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, randomIdGenerator, sequentialIdGenerator } from '../../src/index.js';

describe('id generators', () => {
  it('counts from 1 with the prefix, one counter per generator', () => {
    const a = sequentialIdGenerator('bot');
    const b = sequentialIdGenerator();
    expect([a(), a(), b(), a()]).toEqual(['bot-1', 'bot-2', 'id-1', 'bot-3']);
  });

  it('rejects an empty prefix', () => {
    expect(() => sequentialIdGenerator('')).toThrow(InvalidArgumentError);
  });

  it('makes distinct RFC 4122 version-4 UUIDs by default', () => {
    const ids = Array.from({ length: 100 }, () => randomIdGenerator());
    expect(new Set(ids).size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

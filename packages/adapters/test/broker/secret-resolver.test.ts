import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EnvSecretResolver, StaticSecretResolver } from '../../src/index.js';

describe('secret resolvers', () => {
  it('read the environment, treating empty values as missing', async () => {
    const env = new EnvSecretResolver({ A: 'x', B: '' });
    expect(await env.resolve('A')).toBe('x');
    expect(await env.resolve('B')).toBeUndefined();
    expect(await env.resolve('C')).toBeUndefined();
  });

  it('hand over host secrets without ever showing them', async () => {
    const s = new StaticSecretResolver({ KEY: 'very-secret' });
    expect(await s.resolve('KEY')).toBe('very-secret');
    for (const shown of [JSON.stringify(s), inspect(s), JSON.stringify(new EnvSecretResolver({ K: 'very-secret' })), inspect(new EnvSecretResolver({ K: 'very-secret' }))]) {
      expect(shown).not.toContain('very-secret');
    }
  });
});

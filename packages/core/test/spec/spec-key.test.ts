import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, assertSpecKey } from '../../src/index.js';

function pathOf(kind: unknown, name: unknown): string | undefined {
  try {
    assertSpecKey(kind as string, name as string);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return (error as InvalidArgumentError).path;
  }
}

describe('assertSpecKey', () => {
  it('accepts lowercase kinds and any printable name', () => {
    expect(pathOf('bot', 'id-1')).toBeUndefined();
    expect(pathOf('agent.v2', 'Research Analyst (EU) — é')).toBeUndefined();
    expect(pathOf('a', 'x'.repeat(256))).toBeUndefined();
  });

  it('rejects bad kinds naming `kind`', () => {
    for (const kind of ['', 'Bot', '1bot', 'bot spec', 'b'.repeat(65), 7]) expect(pathOf(kind, 'n'), String(kind)).toBe('kind');
  });

  it('rejects empty, overlong, control-character and non-string names naming `name`', () => {
    for (const name of ['', 'x'.repeat(257), 'a\nb', 'tab\t', 'c1\u0085', null]) expect(pathOf('bot', name), String(name)).toBe('name');
  });
});

import { InvalidArgumentError } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { errorResult, guarded, structuredResult } from '../../src/mcp/tool-result.js';

describe('tool results', () => {
  it('gives structured content and the same object as JSON text', () => {
    const result = structuredResult({ a: 1, b: [true, null] });
    expect(result.structuredContent).toEqual({ a: 1, b: [true, null] });
    expect(result.content).toEqual([{ type: 'text', text: '{"a":1,"b":[true,null]}' }]);
    expect(result.isError).toBeUndefined();
  });

  it('turns an error into a tool error naming its class, field and value', () => {
    const result = errorResult(new InvalidArgumentError('lookback', 0, 'an integer ≥ 2'));
    expect(result.isError).toBe(true);
    expect(result.content[0]).toMatchObject({ type: 'text' });
    expect(JSON.stringify(result.content)).toMatch(/InvalidArgumentError: lookback/);
    expect(errorResult('plain').content).toEqual([{ type: 'text', text: 'plain' }]);
  });

  it('never lets a throwing body escape', async () => {
    await expect(guarded(() => ({ ok: true }))).resolves.toMatchObject({ structuredContent: { ok: true } });
    await expect(
      guarded(async () => {
        throw new Error('boom');
      }),
    ).resolves.toMatchObject({ isError: true });
  });
});

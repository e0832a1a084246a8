import type { LlmToolDefinition } from '@alphaswarm/core';
import { SpecValidationError } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LocalToolProvider, defineTool } from '../../src/tools/local-tool-provider.js';
import type { ToolCallResult, ToolProvider } from '../../src/tools/tool-provider.js';
import { ToolSet } from '../../src/tools/tool-set.js';

const first = new LocalToolProvider([
  defineTool({ name: 'quote', description: 'first quote', input: z.object({ symbol: z.string() }), handler: ({ symbol }) => `first ${symbol}` }),
  { name: 'news', description: 'news', input: z.object({}), handler: () => 'no news' },
]);
const second = new LocalToolProvider([{ name: 'quote', description: 'second quote', input: z.object({ symbol: z.string() }), handler: () => 'second' }]);

class ThrowingProvider implements ToolProvider {
  listTools(): Promise<readonly LlmToolDefinition[]> {
    return Promise.resolve([{ name: 'flaky', description: 'breaks its contract', parameters: { type: 'object' } }]);
  }
  callTool(): Promise<ToolCallResult> {
    return Promise.reject(new Error('socket closed'));
  }
}

describe('ToolSet', () => {
  it('offers only the named tools, in spec order, the first provider winning', async () => {
    const set = await ToolSet.resolve([first, second], ['quote']);
    expect(set.names).toEqual(['quote']);
    expect(set.definitions.map((d) => d.description)).toEqual(['first quote']);
    expect(await set.call('quote', '{"symbol":"AAPL"}')).toEqual({ content: 'first AAPL', isError: false });
  });

  it('throws a spec error naming the index of an unknown tool', async () => {
    const error = await ToolSet.resolve([first], ['news', 'weather']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecValidationError);
    expect((error as SpecValidationError).path).toBe('tools[1]');
    expect((error as Error).message).toMatch(/unknown tool "weather"; the runtime's providers offer quote, news/);
  });

  it('feeds back malformed arguments, tools outside the set and provider failures as errors', async () => {
    const set = await ToolSet.resolve([first, new ThrowingProvider()], ['quote', 'flaky']);
    expect((await set.call('quote', '{symbol: AAPL}')).content).toMatch(/^arguments of quote are not valid JSON/);
    expect(await set.call('news', '{}')).toEqual({ content: 'unknown tool "news"; available: quote, flaky', isError: true });
    expect(await set.call('flaky', '{}')).toEqual({ content: 'flaky failed: socket closed', isError: true });
  });

  it('reads empty arguments as an empty object', async () => {
    const set = await ToolSet.resolve([first], ['news']);
    expect(await set.call('news', '')).toEqual({ content: 'no news', isError: false });
  });

  it('needs no provider when the spec names no tools', async () => {
    expect((await ToolSet.resolve([], [])).definitions).toEqual([]);
  });
});

import { InvalidArgumentError } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LocalToolProvider, defineTool } from '../../src/tools/local-tool-provider.js';

const quote = {
  name: 'quote',
  description: 'Last price of a symbol',
  input: z.object({ symbol: z.string().min(1), venue: z.enum(['NASDAQ', 'NYSE']).default('NASDAQ') }),
  handler: ({ symbol, venue }: { symbol: string; venue: string }) => ({ symbol, venue, price: 190.5 }),
};

describe('LocalToolProvider', () => {
  it('lists tools with their input JSON Schema', async () => {
    const provider = new LocalToolProvider([quote]);
    expect(await provider.listTools()).toEqual([
      {
        name: 'quote',
        description: 'Last price of a symbol',
        parameters: {
          type: 'object',
          properties: { symbol: { type: 'string', minLength: 1 }, venue: { type: 'string', enum: ['NASDAQ', 'NYSE'], default: 'NASDAQ' } },
          required: ['symbol'],
        },
      },
    ]);
  });

  it('calls a tool with validated arguments and returns JSON text and the structured result', async () => {
    const provider = new LocalToolProvider([quote]);
    expect(await provider.callTool('quote', { symbol: 'AAPL' })).toEqual({
      content: '{"symbol":"AAPL","venue":"NASDAQ","price":190.5}',
      isError: false,
      structured: { symbol: 'AAPL', venue: 'NASDAQ', price: 190.5 },
    });
  });

  it('passes a string result through as is', async () => {
    const provider = new LocalToolProvider().register({ name: 'echo', description: 'Echo', input: z.object({ text: z.string() }), handler: ({ text }) => text.toUpperCase() });
    expect(await provider.callTool('echo', { text: 'hi' })).toEqual({ content: 'HI', isError: false });
  });

  it('turns invalid arguments into an error result naming the field', async () => {
    const result = await new LocalToolProvider([quote]).callTool('quote', { symbol: 42 });
    expect(result.isError).toBe(true);
    expect(result.content).toMatch(/^invalid arguments for quote: symbol: /);
  });

  it('turns a throwing or rejecting handler into an error result', async () => {
    const provider = new LocalToolProvider([
      { name: 'boom', description: 'Throws', input: z.object({}), handler: () => { throw new Error('feed down'); } },
      { name: 'late', description: 'Rejects', input: z.object({}), handler: () => Promise.reject(new Error('timeout')) },
    ]);
    expect(await provider.callTool('boom', {})).toEqual({ content: 'boom failed: feed down', isError: true });
    expect(await provider.callTool('late', {})).toEqual({ content: 'late failed: timeout', isError: true });
  });

  it('answers an unknown tool with an error result', async () => {
    expect(await new LocalToolProvider([quote]).callTool('news', {})).toEqual({ content: 'unknown tool "news"; available: quote', isError: true });
  });

  it('refuses bad names, taken names and non-object input schemas', () => {
    const provider = new LocalToolProvider([quote]);
    expect(() => provider.register({ ...quote })).toThrow(InvalidArgumentError);
    expect(() => provider.register({ ...quote, name: 'has space' })).toThrow(/tool.name/);
    expect(() => provider.register({ name: 'n', description: 'd', input: z.string(), handler: () => 1 })).toThrow(/object schema/);
  });

  it('registers tools typed with defineTool, handler arguments parsed with defaults', async () => {
    const seen: { n: number; unit: string }[] = [];
    const provider = new LocalToolProvider([
      defineTool({
        name: 'lookback',
        description: 'Bars of history',
        input: z.object({ n: z.int().positive(), unit: z.enum(['d', 'h']).default('d') }),
        handler: (args) => {
          seen.push(args);
          return null;
        },
      }),
    ]);
    expect(await provider.callTool('lookback', { n: 5 })).toEqual({ content: 'null', isError: false, structured: null });
    expect(seen).toEqual([{ n: 5, unit: 'd' }]);
  });
});

import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseOptions, symbolInputSchema } from '../../src/data/parse-options.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { SymbolId } from '../../src/symbol-id.js';

describe('parseOptions', () => {
  const schema = z.object({ window: z.object({ size: z.number().int().positive() }), symbols: z.array(symbolInputSchema) });

  it('returns the parsed options', () => {
    const input = { window: { size: 3 }, symbols: ['A', SymbolId.parse('B')] };
    expect(parseOptions(schema, input, 'options')).toEqual(input);
  });

  it('names the dotted path and the offending value', () => {
    try {
      parseOptions(schema, { window: { size: -2 }, symbols: [] }, 'options');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      const e = error as InvalidArgumentError;
      expect([e.path, e.value]).toEqual(['options.window.size', -2]);
      expect(e.message).toMatch(/^options\.window\.size: expected .*, got -2$/);
    }
  });

  it('rejects a symbol that is neither text nor a SymbolId', () => {
    expect(() => parseOptions(schema, { window: { size: 1 }, symbols: [{ value: 'A' }] }, 'o')).toThrow(/o\.symbols\.0/);
  });
});

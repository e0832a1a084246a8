import { SpecValidationError } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertSupportedJsonSchema, isStrictCompatibleSchema, validateJsonSchema } from '../../src/output/json-schema-validator.js';

const decision = {
  type: 'object',
  properties: {
    action: { type: 'string', enum: ['BUY', 'SELL', 'HOLD'] },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    symbols: { type: 'array', items: { type: 'string', pattern: '^[A-Z]+$' }, minItems: 1, uniqueItems: true },
    note: { type: ['string', 'null'], maxLength: 5 },
  },
  required: ['action', 'confidence'],
  additionalProperties: false,
};

const paths = (value: unknown, schema: unknown): string[] => validateJsonSchema(value, schema).map((i) => i.path);

describe('validateJsonSchema', () => {
  it('accepts a valid value', () => {
    expect(validateJsonSchema({ action: 'BUY', confidence: 0.8, symbols: ['AAPL', 'MSFT'], note: null }, decision)).toEqual([]);
  });

  it('reports every issue with its path', () => {
    const issues = validateJsonSchema({ action: 'MAYBE', confidence: 1.5, symbols: ['AAPL', 'aapl', 'AAPL'], note: 'too long', extra: 1 }, decision);
    expect(issues).toEqual([
      { path: '$.action', message: 'expected one of "BUY", "SELL", "HOLD", got "MAYBE"' },
      { path: '$.confidence', message: 'expected a number ≤ 1, got 1.5' },
      { path: '$.symbols[2]', message: 'expected unique items, but it equals item 0' },
      { path: '$.symbols[1]', message: 'expected a string matching /^[A-Z]+$/, got "aapl"' },
      { path: '$.note', message: 'expected at most 5 characters, got 8' },
      { path: '$.extra', message: 'unknown property (additionalProperties is false)' },
    ]);
  });

  it('reports missing required properties and wrong types', () => {
    expect(validateJsonSchema({ confidence: '0.5' }, decision)).toEqual([
      { path: '$.action', message: 'required property is missing' },
      { path: '$.confidence', message: 'expected number, got string "0.5"' },
    ]);
    expect(paths([1], decision)).toEqual(['$']);
  });

  it('tells integers from numbers and refuses non-finite numbers', () => {
    expect(validateJsonSchema(3, { type: 'integer' })).toEqual([]);
    expect(paths(3.5, { type: 'integer' })).toEqual(['$']);
    expect(paths(Number.NaN, { type: 'number' })).toEqual(['$']);
  });

  it('checks const, exclusive bounds, multipleOf and string length in code points', () => {
    expect(paths('x', { const: 'y' })).toEqual(['$']);
    expect(paths(0, { exclusiveMinimum: 0 })).toEqual(['$']);
    expect(paths(1, { exclusiveMaximum: 1 })).toEqual(['$']);
    expect(paths(0.3, { multipleOf: 0.1 })).toEqual([]);
    expect(paths(0.35, { multipleOf: 0.1 })).toEqual(['$']);
    // '😀😀' is 2 code points (4 UTF-16 units)
    expect(paths('😀😀', { maxLength: 2 })).toEqual([]);
  });

  it('handles anyOf, oneOf, allOf, not and boolean schemas', () => {
    const anyOf = { anyOf: [{ type: 'string' }, { type: 'integer' }] };
    expect(paths('a', anyOf)).toEqual([]);
    expect(paths(true, anyOf)).toEqual(['$']);
    const oneOf = { oneOf: [{ type: 'number' }, { type: 'integer' }] };
    expect(paths(1.5, oneOf)).toEqual([]);
    expect(paths(2, oneOf)).toEqual(['$']); // matches both
    expect(paths(5, { allOf: [{ minimum: 0 }, { maximum: 3 }] })).toEqual(['$']);
    expect(paths('x', { not: { type: 'string' } })).toEqual(['$']);
    expect(paths({ a: 1 }, { properties: { a: false } })).toEqual(['$.a']);
    expect(paths({ a: 1 }, { additionalProperties: { type: 'string' } })).toEqual(['$.a']);
  });

  it('compares enum values by deep JSON equality, ignoring key order', () => {
    expect(paths({ b: 1, a: [1, 2] }, { enum: [{ a: [1, 2], b: 1 }] })).toEqual([]);
    expect(paths({ a: [2, 1], b: 1 }, { enum: [{ a: [1, 2], b: 1 }] })).toEqual(['$']);
  });

  it('accepts every value that a generated schema describes (property)', () => {
    // value generator paired with a schema it satisfies by construction
    const leaf = fc.oneof(
      fc.integer().map((v) => ({ value: v as unknown, schema: { type: 'integer', minimum: v, maximum: v } as Record<string, unknown> })),
      fc.string().map((v) => ({ value: v as unknown, schema: { type: 'string', maxLength: [...v].length } as Record<string, unknown> })),
      fc.boolean().map((v) => ({ value: v as unknown, schema: { enum: [v] } as Record<string, unknown> })),
    );
    const object = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), leaf, { maxKeys: 5 }).map((entries) => ({
      value: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, v.value])) as unknown,
      schema: {
        type: 'object',
        properties: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, v.schema])),
        required: Object.keys(entries),
        additionalProperties: false,
      } as Record<string, unknown>,
    }));
    fc.assert(
      fc.property(object, ({ value, schema }) => {
        assertSupportedJsonSchema(schema, 'schema');
        expect(validateJsonSchema(value, schema)).toEqual([]);
      }),
    );
  });

  it('refuses any value of the wrong type (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer())), (value) => {
        expect(validateJsonSchema(value, { type: 'number' })).toHaveLength(1);
      }),
    );
  });
});

describe('assertSupportedJsonSchema', () => {
  it.each([
    [{ $ref: '#/x' }, 'schema.$ref'],
    [{ properties: { a: { patternProperties: {} } } }, 'schema.properties.a.patternProperties'],
    [{ type: 'object', required: 'a' }, 'schema.required'],
    [{ anyOf: [] }, 'schema.anyOf'],
    [{ items: { minItems: -1 } }, 'schema.items.minItems'],
    [{ pattern: '(' }, 'schema.pattern'],
    [{ multipleOf: 0 }, 'schema.multipleOf'],
    ['object', 'schema'],
  ])('names the unsupported or malformed keyword (%#)', (schema, path) => {
    let error: unknown;
    try {
      assertSupportedJsonSchema(schema, 'schema');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecValidationError);
    expect((error as SpecValidationError).path).toBe(path);
  });

  it('accepts annotations such as title, description and format', () => {
    expect(() => assertSupportedJsonSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 't', description: 'd', type: 'string', format: 'date' }, 's')).not.toThrow();
  });
});

describe('isStrictCompatibleSchema', () => {
  it('requires every object to list all properties as required and forbid others', () => {
    expect(isStrictCompatibleSchema({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false })).toBe(true);
    expect(isStrictCompatibleSchema({ type: 'object', properties: { a: { type: 'string' } }, required: [], additionalProperties: false })).toBe(false);
    expect(isStrictCompatibleSchema({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] })).toBe(false);
    expect(
      isStrictCompatibleSchema({
        type: 'object',
        properties: { a: { type: 'array', items: { type: 'object', properties: { b: { type: 'number' } }, required: [] , additionalProperties: false } } },
        required: ['a'],
        additionalProperties: false,
      }),
    ).toBe(false);
  });
});

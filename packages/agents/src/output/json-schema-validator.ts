import { SpecValidationError, describeValue } from '@alphaswarm/core';

/** One way a value fails a JSON Schema: where (`$`, `$.signal`, `$.legs[2].qty`) and why. */
export interface JsonSchemaIssue {
  /** JSONPath-like location of the offending value; `$` is the root. */
  readonly path: string;
  /** What was expected and what was found. */
  readonly message: string;
}

/** The JSON Schema keywords that {@link validateJsonSchema} checks. */
export const CHECKED_JSON_SCHEMA_KEYWORDS = [
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'minProperties',
  'maxProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
] as const;

/** Annotation keywords accepted and ignored (they never make a value invalid); `format` is not checked. */
export const ANNOTATION_JSON_SCHEMA_KEYWORDS = [
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'format',
] as const;

const CHECKED = new Set<string>(CHECKED_JSON_SCHEMA_KEYWORDS);
const ANNOTATIONS = new Set<string>(ANNOTATION_JSON_SCHEMA_KEYWORDS);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf']);
const COUNTS = new Set(['minProperties', 'maxProperties', 'minItems', 'maxItems', 'minLength', 'maxLength']);
const NUMBERS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);

type Schema = boolean | Readonly<Record<string, unknown>>;

/**
 * Checks that `schema` is a JSON Schema (draft 2020-12 subset) that
 * {@link validateJsonSchema} fully understands: only the keywords of
 * {@link CHECKED_JSON_SCHEMA_KEYWORDS} and {@link ANNOTATION_JSON_SCHEMA_KEYWORDS},
 * each with a well-formed value (no `$ref`, `$defs`, `patternProperties`, `if`/`then`,
 * …, which would otherwise be silently ignored). Sub-schemas may be `true`/`false`.
 *
 * @param schema - the schema
 * @param path - dotted path of the schema inside its spec, for errors (e.g. `output_schema`)
 * @throws {@link @alphaswarm/core!SpecValidationError} naming the keyword's path and value
 */
export function assertSupportedJsonSchema(schema: unknown, path: string): void {
  if (typeof schema === 'boolean') return;
  if (!isPlainObject(schema)) throw new SpecValidationError(path, `expected a JSON Schema object or boolean, got ${describeValue(schema)}`, schema);
  for (const [key, value] of Object.entries(schema)) {
    const at = `${path}.${key}`;
    if (ANNOTATIONS.has(key)) continue;
    if (!CHECKED.has(key)) {
      throw new SpecValidationError(at, `unsupported JSON Schema keyword "${key}" (supported: ${[...CHECKED_JSON_SCHEMA_KEYWORDS].join(', ')})`, value);
    }
    if (key === 'type') {
      const names = Array.isArray(value) ? value : [value];
      if (names.length === 0 || names.some((n) => typeof n !== 'string' || !TYPES.has(n))) {
        throw new SpecValidationError(at, `expected a type name or list of them (${[...TYPES].join(', ')}), got ${describeValue(value)}`, value);
      }
    } else if (key === 'enum') {
      if (!Array.isArray(value) || value.length === 0) throw new SpecValidationError(at, `expected a non-empty list, got ${describeValue(value)}`, value);
    } else if (key === 'properties') {
      if (!isPlainObject(value)) throw new SpecValidationError(at, `expected a mapping of property schemas, got ${describeValue(value)}`, value);
      for (const [name, sub] of Object.entries(value)) assertSupportedJsonSchema(sub, `${at}.${name}`);
    } else if (key === 'required') {
      if (!Array.isArray(value) || value.some((n) => typeof n !== 'string')) throw new SpecValidationError(at, `expected a list of property names, got ${describeValue(value)}`, value);
    } else if (key === 'additionalProperties' || key === 'items' || key === 'not') {
      assertSupportedJsonSchema(value, at);
    } else if (SCHEMA_LISTS.has(key)) {
      if (!Array.isArray(value) || value.length === 0) throw new SpecValidationError(at, `expected a non-empty list of schemas, got ${describeValue(value)}`, value);
      value.forEach((sub, i) => assertSupportedJsonSchema(sub, `${at}[${i}]`));
    } else if (COUNTS.has(key)) {
      if (!Number.isInteger(value) || (value as number) < 0) throw new SpecValidationError(at, `expected a non-negative integer, got ${describeValue(value)}`, value);
    } else if (NUMBERS.has(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new SpecValidationError(at, `expected a number, got ${describeValue(value)}`, value);
    } else if (key === 'multipleOf') {
      if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) throw new SpecValidationError(at, `expected a positive number, got ${describeValue(value)}`, value);
    } else if (key === 'uniqueItems') {
      if (typeof value !== 'boolean') throw new SpecValidationError(at, `expected true or false, got ${describeValue(value)}`, value);
    } else if (key === 'pattern') {
      if (typeof value !== 'string' || !compiles(value)) throw new SpecValidationError(at, `expected a regular expression, got ${describeValue(value)}`, value);
    }
  }
}

/**
 * Validates a JSON value against a JSON Schema (the subset of
 * {@link CHECKED_JSON_SCHEMA_KEYWORDS}; check the schema first with
 * {@link assertSupportedJsonSchema}). Returns every issue found, empty when valid.
 *
 * Conventions (JSON Schema 2020-12): `integer` is a number with no fraction; `number`
 * excludes NaN and ±Infinity; `object` is a non-array object; string lengths count
 * Unicode code points; `pattern` is an unanchored ECMAScript regex; `enum`, `const` and
 * `uniqueItems` compare by deep JSON equality.
 */
export function validateJsonSchema(value: unknown, schema: unknown, path = '$'): JsonSchemaIssue[] {
  const issues: JsonSchemaIssue[] = [];
  check(value, schema as Schema, path, issues);
  return issues;
}

/**
 * True when OpenAI's strict structured output accepts the schema as it is: every
 * object schema lists all its properties in `required` and sets
 * `additionalProperties: false` (recursively, through items and combinators).
 */
export function isStrictCompatibleSchema(schema: unknown): boolean {
  if (typeof schema === 'boolean') return true;
  if (!isPlainObject(schema)) return false;
  const props = schema['properties'];
  const isObject = schema['type'] === 'object' || (Array.isArray(schema['type']) && schema['type'].includes('object')) || props !== undefined;
  if (isObject) {
    if (schema['additionalProperties'] !== false) return false;
    const names = isPlainObject(props) ? Object.keys(props) : [];
    const required = Array.isArray(schema['required']) ? schema['required'] : [];
    if (names.some((n) => !required.includes(n))) return false;
    if (isPlainObject(props) && !Object.values(props).every(isStrictCompatibleSchema)) return false;
  }
  if (schema['items'] !== undefined && !isStrictCompatibleSchema(schema['items'])) return false;
  for (const key of SCHEMA_LISTS) {
    const list = schema[key];
    if (Array.isArray(list) && !list.every(isStrictCompatibleSchema)) return false;
  }
  return true;
}

function check(value: unknown, schema: Schema, path: string, issues: JsonSchemaIssue[]): void {
  if (schema === true) return;
  if (schema === false) {
    issues.push({ path, message: 'no value is allowed here' });
    return;
  }
  const type = schema['type'];
  if (type !== undefined) {
    const names = (Array.isArray(type) ? type : [type]) as string[];
    if (!names.some((name) => hasType(value, name))) {
      issues.push({ path, message: `expected ${names.join(' or ')}, got ${typeName(value)} ${describeShort(value)}` });
      return;
    }
  }
  if (schema['enum'] !== undefined && !(schema['enum'] as unknown[]).some((option) => jsonEqual(option, value))) {
    issues.push({ path, message: `expected one of ${(schema['enum'] as unknown[]).map(describeValue).join(', ')}, got ${describeShort(value)}` });
  }
  if ('const' in schema && !jsonEqual(schema['const'], value)) {
    issues.push({ path, message: `expected ${describeValue(schema['const'])}, got ${describeShort(value)}` });
  }
  if (typeof value === 'number') checkNumber(value, schema, path, issues);
  else if (typeof value === 'string') checkString(value, schema, path, issues);
  else if (Array.isArray(value)) checkArray(value, schema, path, issues);
  else if (isPlainObject(value)) checkObject(value, schema, path, issues);
  checkCombinators(value, schema, path, issues);
}

function checkNumber(value: number, schema: Readonly<Record<string, unknown>>, path: string, issues: JsonSchemaIssue[]): void {
  const min = schema['minimum'];
  const max = schema['maximum'];
  const xmin = schema['exclusiveMinimum'];
  const xmax = schema['exclusiveMaximum'];
  const step = schema['multipleOf'];
  if (typeof min === 'number' && value < min) issues.push({ path, message: `expected a number ≥ ${min}, got ${value}` });
  if (typeof max === 'number' && value > max) issues.push({ path, message: `expected a number ≤ ${max}, got ${value}` });
  if (typeof xmin === 'number' && value <= xmin) issues.push({ path, message: `expected a number > ${xmin}, got ${value}` });
  if (typeof xmax === 'number' && value >= xmax) issues.push({ path, message: `expected a number < ${xmax}, got ${value}` });
  if (typeof step === 'number') {
    const ratio = value / step;
    if (Math.abs(ratio - Math.round(ratio)) > 1e-9 * Math.max(1, Math.abs(ratio))) issues.push({ path, message: `expected a multiple of ${step}, got ${value}` });
  }
}

function checkString(value: string, schema: Readonly<Record<string, unknown>>, path: string, issues: JsonSchemaIssue[]): void {
  const length = [...value].length;
  const min = schema['minLength'];
  const max = schema['maxLength'];
  const pattern = schema['pattern'];
  if (typeof min === 'number' && length < min) issues.push({ path, message: `expected at least ${min} characters, got ${length}` });
  if (typeof max === 'number' && length > max) issues.push({ path, message: `expected at most ${max} characters, got ${length}` });
  if (typeof pattern === 'string' && !new RegExp(pattern, 'u').test(value)) issues.push({ path, message: `expected a string matching /${pattern}/, got ${describeShort(value)}` });
}

function checkArray(value: readonly unknown[], schema: Readonly<Record<string, unknown>>, path: string, issues: JsonSchemaIssue[]): void {
  const min = schema['minItems'];
  const max = schema['maxItems'];
  if (typeof min === 'number' && value.length < min) issues.push({ path, message: `expected at least ${min} items, got ${value.length}` });
  if (typeof max === 'number' && value.length > max) issues.push({ path, message: `expected at most ${max} items, got ${value.length}` });
  if (schema['uniqueItems'] === true) {
    for (let i = 1; i < value.length; i++) {
      for (let j = 0; j < i; j++) {
        if (jsonEqual(value[i], value[j])) {
          issues.push({ path: `${path}[${i}]`, message: `expected unique items, but it equals item ${j}` });
          break;
        }
      }
    }
  }
  const items = schema['items'];
  if (items !== undefined) value.forEach((item, i) => check(item, items as Schema, `${path}[${i}]`, issues));
}

function checkObject(value: Readonly<Record<string, unknown>>, schema: Readonly<Record<string, unknown>>, path: string, issues: JsonSchemaIssue[]): void {
  const keys = Object.keys(value);
  const min = schema['minProperties'];
  const max = schema['maxProperties'];
  if (typeof min === 'number' && keys.length < min) issues.push({ path, message: `expected at least ${min} properties, got ${keys.length}` });
  if (typeof max === 'number' && keys.length > max) issues.push({ path, message: `expected at most ${max} properties, got ${keys.length}` });
  const required = schema['required'];
  if (Array.isArray(required)) {
    for (const name of required as string[]) {
      if (!Object.hasOwn(value, name)) issues.push({ path: childPath(path, name), message: 'required property is missing' });
    }
  }
  const properties = isPlainObject(schema['properties']) ? schema['properties'] : {};
  const additional = schema['additionalProperties'];
  for (const key of keys) {
    const at = childPath(path, key);
    if (Object.hasOwn(properties, key)) check(value[key], properties[key] as Schema, at, issues);
    else if (additional === false) issues.push({ path: at, message: 'unknown property (additionalProperties is false)' });
    else if (additional !== undefined) check(value[key], additional as Schema, at, issues);
  }
}

function checkCombinators(value: unknown, schema: Readonly<Record<string, unknown>>, path: string, issues: JsonSchemaIssue[]): void {
  const allOf = schema['allOf'];
  if (Array.isArray(allOf)) for (const sub of allOf) check(value, sub as Schema, path, issues);
  const anyOf = schema['anyOf'];
  if (Array.isArray(anyOf) && !anyOf.some((sub) => validateJsonSchema(value, sub, path).length === 0)) {
    issues.push({ path, message: `expected a value matching at least one of ${anyOf.length} anyOf schemas, got ${describeShort(value)}` });
  }
  const oneOf = schema['oneOf'];
  if (Array.isArray(oneOf)) {
    const matches = oneOf.filter((sub) => validateJsonSchema(value, sub, path).length === 0).length;
    if (matches !== 1) issues.push({ path, message: `expected a value matching exactly one of ${oneOf.length} oneOf schemas, it matches ${matches}` });
  }
  const not = schema['not'];
  if (not !== undefined && validateJsonSchema(value, not, path).length === 0) issues.push({ path, message: `expected a value not matching the "not" schema, got ${describeShort(value)}` });
}

function hasType(value: unknown, name: string): boolean {
  switch (name) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isPlainObject(value);
    default:
      return false;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function describeShort(value: unknown): string {
  const text = describeValue(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Deep equality of JSON values (object key order ignored). */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isPlainObject(a)) {
    if (!isPlainObject(b) || Array.isArray(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

import serialize from 'canonicalize';
import type { JsonValue } from './json-value.js';
import { NonJsonValueError } from './non-json-value-error.js';

/** Matches a lone UTF-16 surrogate: in `u` mode a well-formed pair is one code point. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Checks that `value` is a {@link JsonValue} in the strict sense RFC 8785 needs (I-JSON):
 * finite numbers, well-formed strings and keys, plain objects and hole-free arrays,
 * no cycles. Unlike `JSON.stringify` it drops nothing silently: an `undefined` member
 * is an error, not an omitted key.
 *
 * @param value - the value to check
 * @param path - the name of the value, prefixed to the path of the offending member
 * @throws {@link NonJsonValueError} naming the path of the first offending member.
 */
export function assertJsonValue(value: unknown, path = ''): asserts value is JsonValue {
  check(value, path, []);
}

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: object members sorted
 * by the UTF-16 code units of their keys, no whitespace, numbers in ECMAScript
 * shortest round-trip form (`1e+21`, `-0` → `0`, `0.000001`, `1e-7`), strings with the
 * minimal JSON escapes (`\n`, `\"`, `\\`, `\u000f`; everything else literal).
 *
 * The value is checked first ({@link assertJsonValue}), then serialised by the
 * `canonicalize` package. Equal JSON data give equal text whatever the key order.
 *
 * @param value - the value to serialise
 * @param path - the name of the value, prefixed to error paths (e.g. `result`)
 * @throws {@link NonJsonValueError} when the value is not JSON (names the path).
 */
export function canonicalize(value: unknown, path = ''): string {
  assertJsonValue(value, path);
  const text = serialize(value);
  // assertJsonValue admits only values the serialiser maps to text.
  if (text === undefined) throw new NonJsonValueError(path, value, 'value has no JSON form');
  return text;
}

function check(value: unknown, path: string, ancestors: object[]): void {
  switch (typeof value) {
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new NonJsonValueError(path, value, 'numbers must be finite');
      return;
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new NonJsonValueError(path, value, 'strings must be well-formed Unicode (lone surrogate)');
      return;
    case 'undefined':
      throw new NonJsonValueError(path, value, 'undefined is not a JSON value');
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new NonJsonValueError(path, value, `a ${typeof value} is not a JSON value`);
    case 'object':
      if (value === null) return;
      checkContainer(value, path, ancestors);
  }
}

function checkContainer(value: object, path: string, ancestors: object[]): void {
  if (ancestors.includes(value)) throw new NonJsonValueError(path, value, 'circular reference');
  ancestors.push(value);
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    for (let i = 0; i < items.length; i++) {
      const itemPath = `${path}[${i}]`;
      if (!(i in items)) throw new NonJsonValueError(itemPath, undefined, 'arrays must not have holes');
      check(items[i], itemPath, ancestors);
    }
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new NonJsonValueError(path, value, 'only plain objects are JSON objects');
    }
    if (Object.getOwnPropertySymbols(value).length > 0) {
      throw new NonJsonValueError(path, value, 'symbol keys are not JSON');
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const memberPath = path === '' ? key : `${path}.${key}`;
      if (LONE_SURROGATE.test(key)) throw new NonJsonValueError(memberPath, key, 'keys must be well-formed Unicode (lone surrogate)');
      check(record[key], memberPath, ancestors);
    }
  }
  ancestors.pop();
}

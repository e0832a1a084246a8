import { AlphaSwarmError, describeValue } from '../errors.js';

/**
 * A value handed to the hash-lock or to a persistence adapter is not a JSON value
 * (undefined, a function, a symbol, a bigint, NaN, ±Infinity, a class instance, a lone
 * surrogate, a cycle, …). Code `NON_JSON_VALUE`.
 *
 * `path` names the offending member in `a.b[0].c` form (empty for the root, and
 * prefixed by the field name when the caller gave one, e.g. `result.fills[3]`).
 */
export class NonJsonValueError extends AlphaSwarmError {
  /** Why the value is not JSON, e.g. `undefined is not a JSON value`. */
  readonly reason: string;

  /**
   * @param path - where the value sits, in `a.b[0].c` form (empty for the root)
   * @param value - the offending value
   * @param reason - why it is not JSON
   */
  constructor(path: string, value: unknown, reason: string) {
    const where = path === '' ? '(root)' : path;
    super('NON_JSON_VALUE', `${where}: ${reason} (got ${describeNonJson(value)})`, { path, value });
    this.reason = reason;
  }
}

function describeNonJson(value: unknown): string {
  if (typeof value === 'function') return `function ${value.name === '' ? '(anonymous)' : value.name}`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'object' && value !== null) {
    const ctor: unknown = Object.getPrototypeOf(value)?.constructor;
    const name = typeof ctor === 'function' && ctor.name !== '' ? ctor.name : 'object';
    return `a ${name}`;
  }
  return describeValue(value);
}

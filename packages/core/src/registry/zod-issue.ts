import type { z } from 'zod';
import { SpecValidationError, describeValue } from '../errors.js';

/** Reads the value at `path` inside `root`, or `undefined`. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Turns the first issue of a zod error into a {@link SpecValidationError} whose
 * message names the full dotted path, what was expected and the value received:
 * `strategy.kwargs.alpha_model.kwargs.fast: expected number, got "ten"`.
 *
 * @param error - the zod error
 * @param input - the value that was parsed (to quote the offending value)
 * @param prefix - dotted path of `input` inside the whole spec
 */
export function specErrorFromZod(error: z.ZodError, input: unknown, prefix = ''): SpecValidationError {
  const issue = error.issues[0];
  const rel = (issue?.path ?? []).map(String);
  const path = [prefix, ...rel].filter((p) => p !== '').join('.');
  const value = valueAt(input, issue?.path ?? []);
  let message: string;
  if (issue?.code === 'invalid_type') {
    message = value === undefined ? `required ${String(issue.expected)} is missing` : `expected ${String(issue.expected)}, got ${describeValue(value)}`;
  } else if (issue?.code === 'unrecognized_keys') {
    message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  } else {
    message = `${issue?.message ?? 'invalid'}, got ${value === undefined ? 'nothing' : describeValue(value)}`;
  }
  return new SpecValidationError(path, message, value);
}

import { z } from 'zod';
import { InvalidArgumentError } from '../errors.js';
import { SymbolId } from '../symbol-id.js';

/**
 * A symbol given as text or as a {@link SymbolId} (zod schema; text is parsed later).
 *
 * @internal
 */
export const symbolInputSchema = z.union([z.string(), z.custom<SymbolId>((value) => value instanceof SymbolId, 'a SymbolId')]);

/**
 * Parses options with a zod schema, turning the first issue into an
 * {@link InvalidArgumentError} that names the option's dotted path and value.
 *
 * @internal
 */
export function parseOptions<T extends z.ZodType>(schema: T, input: unknown, name: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [name, ...(issue?.path ?? []).map(String)].join('.');
  throw new InvalidArgumentError(path, valueAt(input, issue?.path ?? []), issue?.message ?? 'valid options');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

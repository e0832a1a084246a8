import { randomUUID } from 'node:crypto';
import { InvalidArgumentError } from '../errors.js';

/**
 * Makes the ids of records whose identity is not content-derived (bots, deployments,
 * agent runs). Must return a new non-empty string (at most 256 characters) on every call.
 */
export type IdGenerator = () => string;

/** The default {@link IdGenerator}: a random RFC 4122 version-4 UUID from `crypto.randomUUID`. */
export const randomIdGenerator: IdGenerator = () => randomUUID();

/**
 * A deterministic {@link IdGenerator} for tests and notebooks: `<prefix>-1`,
 * `<prefix>-2`, … Each call of this function starts its own counter at 1. Two adapters
 * sharing one database must not use counters that restart (ids would collide).
 *
 * @param prefix - text before the counter; non-empty
 */
export function sequentialIdGenerator(prefix = 'id'): IdGenerator {
  if (typeof prefix !== 'string' || prefix.length === 0) throw new InvalidArgumentError('prefix', prefix, 'a non-empty string');
  let next = 0;
  return () => {
    next += 1;
    return `${prefix}-${next}`;
  };
}

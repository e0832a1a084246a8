import { InvalidArgumentError } from '../errors.js';

/** A spec kind: a lowercase identifier such as `bot` or `agent` (`[a-z][a-z0-9_.-]*`, at most 64 characters). */
const KIND = /^[a-z][a-z0-9_.-]{0,63}$/;
/** Longest accepted spec name, in UTF-16 code units. */
const MAX_NAME_LENGTH = 256;

/**
 * Checks the key of a spec series: `kind` is a lowercase identifier
 * (`[a-z][a-z0-9_.-]*`, 1 to 64 characters, e.g. `bot`, `agent`), `name` a non-empty
 * string of at most 256 characters without control characters (e.g. a bot id or an
 * agent name). Names are compared exactly (case-sensitive, no trimming).
 *
 * @throws {@link InvalidArgumentError} naming `kind` or `name` and the value.
 */
export function assertSpecKey(kind: string, name: string): void {
  if (typeof kind !== 'string' || !KIND.test(kind)) {
    throw new InvalidArgumentError('kind', kind, 'a lowercase identifier matching [a-z][a-z0-9_.-]* (at most 64 characters)');
  }
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH || hasControlCharacter(name)) {
    throw new InvalidArgumentError('name', name, `a non-empty string of at most ${MAX_NAME_LENGTH} characters without control characters`);
  }
}

/** True when the text holds a control character (C0, DEL or C1): refused in spec names. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

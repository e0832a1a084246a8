import { createHash } from 'node:crypto';
import { canonicalize } from './canonical-json.js';

/** SHA-256 of a UTF-8 string, as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The hash-lock of a spec: SHA-256 of the UTF-8 bytes of its RFC 8785 canonical JSON
 * ({@link canonicalize}), as 64 lowercase hex digits. Key order, whitespace and number
 * spelling (`4.50` vs `4.5`, `-0` vs `0`) never change it; any change of content does.
 *
 * @throws {@link NonJsonValueError} when the spec is not a JSON value (names the path).
 */
export function hashSpec(value: unknown): string {
  return sha256Hex(canonicalize(value));
}

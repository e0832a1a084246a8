import { canonicalize } from './canonical-json.js';
import { sha256Hex } from './spec-hash.js';

/** Hex digits of SHA-256 kept in a content-derived id: 32 digits = 128 bits. */
const ID_HEX_DIGITS = 32;

/**
 * A content-derived id: `<prefix>_<32 hex digits>`, the first 128 bits of the SHA-256
 * of the RFC 8785 canonical JSON of `parts` (an array of strings, so part boundaries
 * are unambiguous). Equal prefix and parts give the same id on every machine.
 *
 * @param prefix - a short lowercase tag of the record type, e.g. `specv`
 * @param parts - the strings the id is derived from, in a fixed order
 */
export function contentId(prefix: string, parts: readonly string[]): string {
  return `${prefix}_${sha256Hex(canonicalize(parts)).slice(0, ID_HEX_DIGITS)}`;
}

/**
 * The id of the spec series `(kind, name)`: `spec_` + first 128 bits of
 * SHA-256(canonical `["alphaswarm.spec", kind, name]`).
 */
export function specIdOf(kind: string, name: string): string {
  return contentId('spec', ['alphaswarm.spec', kind, name]);
}

/**
 * The id of the version of series `(kind, name)` whose spec hashes to `specHash`:
 * `specv_` + first 128 bits of SHA-256(canonical `["alphaswarm.spec-version", kind,
 * name, specHash]`). The same spec content under the same kind and name always gets
 * the same version id, in every store.
 */
export function specVersionIdOf(kind: string, name: string, specHash: string): string {
  return contentId('specv', ['alphaswarm.spec-version', kind, name, specHash]);
}

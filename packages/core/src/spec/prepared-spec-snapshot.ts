import { canonicalize } from './canonical-json.js';
import { specIdOf, specVersionIdOf } from './content-id.js';
import { sha256Hex } from './spec-hash.js';
import { assertSpecKey } from './spec-key.js';

/**
 * The content-derived half of a snapshot, computed before any store is touched: every
 * {@link SpecStore} implementation starts from it, then, inside one write transaction,
 * returns the existing row with `versionId` or inserts one with the next version number.
 */
export interface PreparedSpecSnapshot {
  /** Spec kind, checked by {@link assertSpecKey}. */
  readonly kind: string;
  /** Spec name, checked by {@link assertSpecKey}. */
  readonly name: string;
  /** Series id ({@link specIdOf}). */
  readonly specId: string;
  /** Version id ({@link specVersionIdOf}). */
  readonly versionId: string;
  /** SHA-256 hex of `canonicalJson`. */
  readonly specHash: string;
  /** RFC 8785 canonical JSON text of the spec: the exact text stored. */
  readonly canonicalJson: string;
}

/**
 * Validates the key and the spec and derives hash and ids.
 *
 * @param kind - spec kind, e.g. `bot`
 * @param name - spec name within the kind
 * @param spec - the spec, any JSON value (typically a zod-validated object)
 * @throws {@link InvalidArgumentError} for a bad kind or name.
 * @throws {@link NonJsonValueError} when the spec is not JSON (path prefixed with `spec`).
 */
export function prepareSpecSnapshot(kind: string, name: string, spec: unknown): PreparedSpecSnapshot {
  assertSpecKey(kind, name);
  const canonicalJson = canonicalize(spec, 'spec');
  const specHash = sha256Hex(canonicalJson);
  return {
    kind,
    name,
    specId: specIdOf(kind, name),
    versionId: specVersionIdOf(kind, name, specHash),
    specHash,
    canonicalJson,
  };
}

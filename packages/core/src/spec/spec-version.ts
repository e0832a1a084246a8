import type { EpochMs } from '../time.js';
import type { JsonValue } from './json-value.js';

/**
 * One immutable version of a spec series `(kind, name)`. Created once by
 * {@link SpecStore.snapshotSpec}, never updated or deleted.
 */
export interface SpecVersion {
  /** Id of the series, derived from `(kind, name)` (see {@link specIdOf}). */
  readonly specId: string;
  /** Id of this version, derived from `(kind, name, specHash)` (see {@link specVersionIdOf}). */
  readonly versionId: string;
  /** Spec kind, e.g. `bot` or `agent`. */
  readonly kind: string;
  /** Spec name within its kind, e.g. a bot id or an agent name. */
  readonly name: string;
  /** Version number within the series: 1 for the first content, then +1 per new content. */
  readonly version: number;
  /** SHA-256 hex of the canonical JSON of `spec` (see {@link hashSpec}). */
  readonly specHash: string;
  /** The spec as stored: the parse of its canonical JSON (a fresh copy on every read). */
  readonly spec: JsonValue;
  /** When this version was first stored, from the store's clock (epoch ms, UTC). */
  readonly createdAt: EpochMs;
}

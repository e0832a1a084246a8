import type { SpecVersion } from './spec-version.js';

/**
 * The spec hash-lock contract: a store of immutable, numbered versions per spec series
 * `(kind, name)`. Every {@link PersistenceAdapter} is one.
 *
 * - Same content (same canonical JSON, whatever the key order) ⇒ the same version:
 *   idempotent, no new row, the stored `createdAt` is returned unchanged.
 * - New content ⇒ a new row with version = highest version of the series + 1
 *   (so re-submitting an older content returns that older version).
 * - Rows are never updated or deleted. Ids are content-derived
 *   ({@link specIdOf}, {@link specVersionIdOf}); `createdAt` comes from the store's clock.
 * - Concurrent snapshots are atomic: two writers of the same content get one row.
 */
export interface SpecStore {
  /**
   * Hash-locks `spec` as a version of `(kind, name)` and returns that version.
   *
   * @throws {@link InvalidArgumentError} for a bad kind or name.
   * @throws {@link NonJsonValueError} when the spec is not JSON (names the path).
   */
  snapshotSpec(kind: string, name: string, spec: unknown): Promise<SpecVersion>;
  /** The version with this id, or `undefined` when there is none. */
  getSpecVersion(versionId: string): Promise<SpecVersion | undefined>;
  /** Every version of `(kind, name)`, by ascending version number (empty when none). */
  listSpecVersions(kind: string, name: string): Promise<SpecVersion[]>;
}

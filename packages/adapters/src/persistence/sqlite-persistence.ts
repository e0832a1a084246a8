import type { Clock, IdGenerator, PersistenceOptions } from '@alphaswarm/core';
import { InvalidArgumentError, systemClock } from '@alphaswarm/core';
import { SqliteDriver } from './sqlite-driver.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import { SqlStore } from './sql-store.js';

/** Options of {@link SqlitePersistence}. */
export interface SqlitePersistenceOptions extends PersistenceOptions {
  /** Source of every timestamp the adapter stamps. Default: the wall clock; tests pass a `ManualClock`. */
  readonly clock?: Clock;
  /**
   * Makes the ids of bots, deployments and agent runs. Default: random v4 UUIDs
   * (`crypto.randomUUID`). Spec-version and bot-version ids are content-derived.
   */
  readonly idGenerator?: IdGenerator;
  /** The database file (created if missing), or `:memory:` for a private in-memory database. */
  readonly path: string;
  /** How long a write waits for another connection's write lock before failing, in ms (default 5000). */
  readonly busyTimeoutMs?: number;
  /**
   * SQLite `synchronous` level. `full` (default): every commit is fsynced, so a commit
   * survives power loss. `normal`: in WAL mode commits survive an application crash
   * but the last ones may be lost on power loss or OS crash; much faster (no fsync per
   * commit). The database is never corrupted in either mode.
   */
  readonly synchronous?: 'full' | 'normal';
}

/**
 * The embedded default `PersistenceAdapter` (from `@alphaswarm/core`): one SQLite file through better-sqlite3.
 *
 * - Opened with WAL journaling (readers never block the writer), `busy_timeout`
 *   (writers of other connections and processes wait their turn), foreign keys on and
 *   `synchronous` FULL unless told otherwise.
 * - The schema is created and upgraded in the constructor by versioned, additive
 *   migrations recorded in `schema_migrations` (safe when several processes open the
 *   same file at once: migrations run under the write lock).
 * - Every write is one `BEGIN IMMEDIATE` transaction (rolled back when it throws);
 *   reads run in a deferred transaction (one snapshot). Calls on one instance run one
 *   at a time; better-sqlite3 is synchronous, so a call blocks the event loop while it
 *   waits for another process's lock.
 * - Spec-version and bot-version rows are immutable in the database itself: triggers
 *   abort any `UPDATE` or `DELETE` of them.
 */
export class SqlitePersistence extends SqlStore {
  /** The database file this adapter opened. */
  readonly path: string;

  /**
   * Opens (creating if needed) and migrates the database file.
   *
   * @throws InvalidArgumentError for an empty path, a negative busy timeout or an unknown synchronous level.
   */
  constructor(options: SqlitePersistenceOptions) {
    if (typeof options.path !== 'string' || options.path.length === 0) {
      throw new InvalidArgumentError('path', options.path, 'a file path or ":memory:"');
    }
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
      throw new InvalidArgumentError('busyTimeoutMs', busyTimeoutMs, 'a non-negative integer number of ms');
    }
    const synchronous = options.synchronous ?? 'full';
    if (synchronous !== 'full' && synchronous !== 'normal') {
      throw new InvalidArgumentError('synchronous', synchronous, '"full" or "normal"');
    }
    const driver = new SqliteDriver(options.path, busyTimeoutMs, synchronous);
    try {
      driver.migrate(SQLITE_MIGRATIONS, options.clock ?? systemClock);
    } catch (error) {
      void driver.close();
      throw error;
    }
    super(driver, options);
    this.path = options.path;
  }
}

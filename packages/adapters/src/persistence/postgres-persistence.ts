import type { Clock, IdGenerator, PersistenceOptions } from '@alphaswarm/core';
import { InvalidArgumentError, systemClock } from '@alphaswarm/core';
import pg from 'pg';
import type { PostgresPoolLike } from './postgres-client.js';
import { PostgresDriver } from './postgres-driver.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { SqlStore } from './sql-store.js';

/** Options of {@link PostgresPersistence}: give `connectionString` or `pool`, not both. */
export interface PostgresPersistenceOptions extends PersistenceOptions {
  /** Source of every timestamp the adapter stamps. Default: the wall clock; tests pass a `ManualClock`. */
  readonly clock?: Clock;
  /**
   * Makes the ids of bots, deployments and agent runs. Default: random v4 UUIDs
   * (`crypto.randomUUID`). Spec-version and bot-version ids are content-derived.
   */
  readonly idGenerator?: IdGenerator;
  /** A `postgres://user:pass@host:port/db` URL; the adapter opens (and closes) its own pool. */
  readonly connectionString?: string;
  /** A `pg.Pool` owned by the host: the adapter uses it and never ends it. */
  readonly pool?: PostgresPoolLike;
  /** Size of the pool the adapter opens from `connectionString` (default 10). */
  readonly maxConnections?: number;
}

/**
 * The shared, multi-process `PersistenceAdapter` (from `@alphaswarm/core`): PostgreSQL through `pg`, with the
 * same tables, constraints and semantics as {@link SqlitePersistence}.
 *
 * - Versioned, additive migrations (recorded in `schema_migrations`) run before the
 *   first call, under an advisory lock so that concurrent processes migrate once; call
 *   {@link PostgresPersistence.migrate} to run them eagerly. Tables live in the
 *   connection's current schema (`search_path`).
 * - Every write is one transaction at READ COMMITTED; competing writers serialise on
 *   row locks and transaction-scoped advisory locks (per spec series, per journal
 *   session, per project slug), so version numbers and sequence numbers never collide.
 * - Spec-version and bot-version rows are immutable in the database itself: triggers
 *   raise on `UPDATE`, `DELETE` and `TRUNCATE`.
 */
export class PostgresPersistence extends SqlStore {
  private readonly postgres: PostgresDriver;

  /**
   * Connects lazily (nothing is sent before the first call or {@link migrate}).
   *
   * @throws InvalidArgumentError unless exactly one of `connectionString` and `pool` is given.
   */
  constructor(options: PostgresPersistenceOptions) {
    const hasUrl = options.connectionString !== undefined;
    const hasPool = options.pool !== undefined;
    if (hasUrl === hasPool) {
      throw new InvalidArgumentError('connectionString', options.connectionString, 'exactly one of connectionString and pool');
    }
    const max = options.maxConnections ?? 10;
    if (!Number.isSafeInteger(max) || max < 1) throw new InvalidArgumentError('maxConnections', max, 'a positive integer');
    let pool: PostgresPoolLike;
    if (options.pool !== undefined) {
      pool = options.pool;
    } else {
      if (typeof options.connectionString !== 'string' || options.connectionString.length === 0) {
        throw new InvalidArgumentError('connectionString', options.connectionString, 'a non-empty connection string');
      }
      const own = new pg.Pool({ connectionString: options.connectionString, max });
      // An idle client that loses its connection emits 'error' on the pool; without a
      // listener Node would crash the host. The next query reports the failure instead.
      own.on('error', () => undefined);
      pool = own;
    }
    const driver = new PostgresDriver(pool, !hasPool, POSTGRES_MIGRATIONS, options.clock ?? systemClock);
    super(driver, options);
    this.postgres = driver;
  }

  /** Applies pending schema migrations now (otherwise they run before the first call). Idempotent. */
  migrate(): Promise<void> {
    return this.postgres.migrate();
  }
}

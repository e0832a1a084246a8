import type { Clock } from '@alphaswarm/core';
import type { Migration } from './migration.js';
import type { PostgresClientLike, PostgresPoolLike } from './postgres-client.js';
import type { ConstraintViolation, SqlDriver, SqlParam, SqlRow, SqlSession } from './sql-driver.js';

/** The advisory-lock key (namespace) under which migrations run, one process at a time. */
const MIGRATION_LOCK = 'alphaswarm.schema_migrations';

/**
 * The {@link SqlDriver} of a PostgreSQL database through a `pg` pool. Each transaction
 * checks out its own client; writes run at READ COMMITTED and serialise on row locks
 * (`FOR UPDATE`) and transaction-scoped advisory locks; reads run in a REPEATABLE READ,
 * READ ONLY transaction (one snapshot). Migrations are applied before the first
 * transaction (and again after a failed attempt).
 */
export class PostgresDriver implements SqlDriver {
  readonly adapterName = 'PostgresPersistence';
  readonly forUpdate = ' FOR UPDATE';
  private readonly sqlCache = new Map<string, string>();
  private ready: Promise<void> | undefined;

  constructor(
    private readonly pool: PostgresPoolLike,
    private readonly ownsPool: boolean,
    private readonly migrations: readonly Migration[],
    private readonly clock: Clock,
  ) {}

  /** Applies pending migrations (once; retried after a failure). */
  migrate(): Promise<void> {
    if (this.ready === undefined) {
      this.ready = this.applyMigrations().catch((error: unknown) => {
        this.ready = undefined;
        throw error;
      });
    }
    return this.ready;
  }

  read<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY', fn, true);
  }

  write<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN', fn, true);
  }

  async lock(session: SqlSession, namespace: string, key: string): Promise<void> {
    await session.all('SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?)) AS locked', [namespace, key]);
  }

  violation(error: unknown): ConstraintViolation | undefined {
    if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
    const constraint = 'constraint' in error && typeof error.constraint === 'string' ? error.constraint : '';
    if (error.code === '23505') return { kind: 'unique', detail: constraint };
    if (error.code === '23503') return { kind: 'foreign_key', detail: constraint };
    return undefined;
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }

  private async applyMigrations(): Promise<void> {
    await this.transaction(
      'BEGIN',
      async (s) => {
        await s.all('SELECT pg_advisory_xact_lock(hashtext(?)) AS locked', [MIGRATION_LOCK]);
        await s.run(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
        );
        const rows = await s.all('SELECT version FROM schema_migrations');
        const applied = new Set(rows.map((row) => Number(row['version'])));
        for (const migration of this.migrations) {
          if (applied.has(migration.version)) continue;
          await s.run(migration.sql);
          await s.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
            migration.version,
            migration.name,
            this.clock.now(),
          ]);
        }
      },
      false,
    );
  }

  private async transaction<T>(begin: string, fn: (session: SqlSession) => Promise<T>, migrated: boolean): Promise<T> {
    if (migrated) await this.migrate();
    const client = await this.pool.connect();
    const session = this.sessionOf(client);
    try {
      await client.query(begin);
      const result = await fn(session);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
        client.release();
      } catch (rollbackError) {
        client.release(rollbackError instanceof Error ? rollbackError : true);
      }
      throw error;
    }
  }

  private sessionOf(client: PostgresClientLike): SqlSession {
    return {
      all: async (sql, params = []) => (await client.query(this.toPostgres(sql, params), [...params])).rows as SqlRow[],
      run: async (sql, params = []) => {
        await client.query(this.toPostgres(sql, params), [...params]);
      },
    };
  }

  /** Rewrites `?` placeholders as `$1, $2, …` (the SQL of the store has no `?` in literals). */
  private toPostgres(sql: string, params: readonly SqlParam[]): string {
    if (params.length === 0) return sql;
    let converted = this.sqlCache.get(sql);
    if (converted === undefined) {
      let n = 0;
      converted = sql.replace(/\?/g, () => `$${++n}`);
      this.sqlCache.set(sql, converted);
    }
    return converted;
  }
}

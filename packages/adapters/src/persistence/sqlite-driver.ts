import Database from 'better-sqlite3';
import type { Clock } from '@alphaswarm/core';
import type { Migration } from './migration.js';
import type { ConstraintViolation, SqlDriver, SqlRow, SqlSession } from './sql-driver.js';

/**
 * The {@link SqlDriver} of one SQLite file through better-sqlite3. One connection; the
 * transactions of this process run one after the other (a promise queue), and
 * `BEGIN IMMEDIATE` takes the database write lock at the start of every write, so
 * writers of other processes wait (up to `busy_timeout`) instead of failing mid-way.
 */
export class SqliteDriver implements SqlDriver {
  readonly adapterName = 'SqlitePersistence';
  readonly forUpdate = '';
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly session: SqlSession;
  private tail: Promise<unknown> = Promise.resolve();

  /**
   * Opens (creating if needed) the file with WAL journaling, the busy timeout, the
   * synchronous level and foreign keys on.
   */
  constructor(path: string, busyTimeoutMs: number, synchronous: 'full' | 'normal') {
    this.db = new Database(path, { timeout: busyTimeoutMs });
    this.db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.session = {
      all: async (sql, params = []) => this.statement(sql).all(...params) as SqlRow[],
      run: async (sql, params = []) => {
        this.statement(sql).run(...params);
      },
    };
  }

  /** Applies the migrations not yet recorded in `schema_migrations`, in one write transaction. */
  migrate(migrations: readonly Migration[], clock: Clock): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT',
      );
      const rows = this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[];
      const applied = new Set(rows.map((row) => row.version));
      const record = this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        this.db.exec(migration.sql);
        record.run(migration.version, migration.name, clock.now());
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  read<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN', fn);
  }

  write<T>(fn: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN IMMEDIATE', fn);
  }

  /** No-op: `BEGIN IMMEDIATE` already holds the database write lock for the whole write. */
  lock(): Promise<void> {
    return Promise.resolve();
  }

  violation(error: unknown): ConstraintViolation | undefined {
    if (!(error instanceof Error) || !('code' in error)) return undefined;
    const code = error.code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return { kind: 'unique', detail: error.message };
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { kind: 'foreign_key', detail: error.message };
    return undefined;
  }

  async close(): Promise<void> {
    await this.tail;
    this.statements.clear();
    this.db.close();
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private transaction<T>(begin: string, fn: (session: SqlSession) => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      this.db.exec(begin);
      try {
        const result = await fn(this.session);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }
}

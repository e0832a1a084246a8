/** A value bound to a SQL placeholder. */
export type SqlParam = string | number | null;

/** A result row: column name → value as the driver returns it. */
export type SqlRow = Record<string, unknown>;

/** Statements run inside one transaction of a {@link SqlDriver}. SQL uses `?` placeholders. */
export interface SqlSession {
  /** Runs a query and returns all its rows. */
  all(sql: string, params?: readonly SqlParam[]): Promise<SqlRow[]>;
  /** Runs a statement that returns no rows. */
  run(sql: string, params?: readonly SqlParam[]): Promise<void>;
}

/** A database constraint that a write violated. */
export interface ConstraintViolation {
  /** Unique / primary key, or foreign key. */
  readonly kind: 'unique' | 'foreign_key';
  /** What the database names: the constraint name (PostgreSQL) or the message (SQLite). */
  readonly detail: string;
}

/**
 * What the SQL store needs from a database: transactions, a per-key writer lock, the
 * `FOR UPDATE` suffix of the dialect and the recognition of constraint violations.
 */
export interface SqlDriver {
  /** Class name of the adapter, for error messages. */
  readonly adapterName: string;
  /** `' FOR UPDATE'` where row locks exist (PostgreSQL); `''` where writers are serialised (SQLite). */
  readonly forUpdate: string;
  /** Runs `fn` in a read-only transaction (a consistent snapshot). */
  read<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Runs `fn` in a write transaction: committed when it resolves, rolled back when it throws. */
  write<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Inside a write: blocks other writers of the same `(namespace, key)` until commit. */
  lock(session: SqlSession, namespace: string, key: string): Promise<void>;
  /** The constraint violation an error reports, or `undefined` for other errors. */
  violation(error: unknown): ConstraintViolation | undefined;
  /** Closes the connection(s) it owns. */
  close(): Promise<void>;
}

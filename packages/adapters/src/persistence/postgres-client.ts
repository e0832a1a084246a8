/**
 * The part of a `pg` client that `PostgresPersistence` uses: a `pg.PoolClient`
 * satisfies it.
 */
export interface PostgresClientLike {
  /** Runs a query with `$1, $2, …` parameters and resolves to its rows. */
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** Returns the client to its pool; `true` or an error destroys it instead. */
  release(destroy?: boolean | Error): void;
}

/** The part of a `pg` pool that `PostgresPersistence` uses: a `pg.Pool` satisfies it. */
export interface PostgresPoolLike {
  /** Checks out a client (released by the adapter after each transaction). */
  connect(): Promise<PostgresClientLike>;
  /** Closes every client of the pool. */
  end(): Promise<void>;
}

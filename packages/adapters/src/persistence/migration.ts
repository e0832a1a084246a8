/**
 * One step of a schema: applied once, in `version` order, inside a transaction, and
 * recorded in `schema_migrations`. Migrations are additive (new tables, columns,
 * indexes, triggers): a released one is never edited, a change is a new version.
 */
export interface Migration {
  /** 1, 2, 3, … without gaps. */
  readonly version: number;
  /** Short description, stored with the version. */
  readonly name: string;
  /** The DDL, one or more `;`-separated statements. */
  readonly sql: string;
}

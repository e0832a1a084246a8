import { AlphaSwarmError, describeValue } from '../errors.js';

/**
 * A record that an operation needs does not exist (an unknown bot, deployment, agent
 * run or spec version). Code `NOT_FOUND`; `path` names the input field that referred
 * to it and `value` holds the id given.
 */
export class RecordNotFoundError extends AlphaSwarmError {
  /** What was looked for, e.g. `bot`, `deployment`, `spec version`. */
  readonly entity: string;

  /**
   * @param entity - what was looked for, e.g. `bot`
   * @param path - the input field that referred to it, e.g. `botId`
   * @param value - the id given
   */
  constructor(entity: string, path: string, value: unknown) {
    super('NOT_FOUND', `${path}: no ${entity} with id ${describeValue(value)}`, { path, value });
    this.entity = entity;
  }
}

/**
 * A write conflicts with what is stored: a unique key is taken (a live bot's
 * `(projectId, slug)`), or the record is in a state that forbids the write (finishing
 * a finished deployment, updating a deleted bot). Code `CONFLICT`. Nothing was written.
 */
export class RecordConflictError extends AlphaSwarmError {
  /** The kind of record concerned, e.g. `bot`. */
  readonly entity: string;

  /**
   * @param entity - the kind of record concerned, e.g. `bot`
   * @param path - the input field in conflict, e.g. `slug`
   * @param value - the value given
   * @param reason - what conflicts, e.g. `a live bot with this slug exists in project "p1"`
   * @param cause - the underlying database error, if any
   */
  constructor(entity: string, path: string, value: unknown, reason: string, cause?: unknown) {
    super('CONFLICT', `${path}: ${reason} (got ${describeValue(value)})`, { path, value, cause });
    this.entity = entity;
  }
}

/** A persistence adapter was used after `close()`. Code `CLOSED`. */
export class PersistenceClosedError extends AlphaSwarmError {
  /** @param adapter - the adapter's class name, e.g. `SqlitePersistence` */
  constructor(adapter: string) {
    super('CLOSED', `${adapter} is closed`);
  }
}

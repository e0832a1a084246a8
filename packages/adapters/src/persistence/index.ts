export { SqlitePersistence } from './sqlite-persistence.js';
export type { SqlitePersistenceOptions } from './sqlite-persistence.js';
export { SqlStore } from './sql-store.js';
export { PostgresPersistence } from './postgres-persistence.js';
export type { PostgresPersistenceOptions } from './postgres-persistence.js';
export type { PostgresClientLike, PostgresPoolLike } from './postgres-client.js';

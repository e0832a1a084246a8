import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, ManualClock, sequentialIdGenerator } from '@alphaswarm/core';
import { PostgresPersistence } from '../../src/index.js';
import { persistenceContract } from '../support/persistence-contract.js';
import { findPostgresBinaries, startPostgresServer } from '../support/postgres-server.js';
import type { PostgresServer } from '../support/postgres-server.js';

const binaries = findPostgresBinaries();
const required = process.env['ALPHASWARM_REQUIRE_POSTGRES'] === '1';

if ('missing' in binaries) {
  if (required) {
    describe('PostgresPersistence', () => {
      it('runs against a real PostgreSQL server (ALPHASWARM_REQUIRE_POSTGRES=1)', () => {
        throw new Error(binaries.missing);
      });
    });
  } else {
    console.warn(`PostgresPersistence tests skipped: ${binaries.missing}. Set ALPHASWARM_REQUIRE_POSTGRES=1 to make this a failure.`);
    describe.skip(`PostgresPersistence (skipped: ${binaries.missing})`, () => {
      it('runs against a real PostgreSQL server', () => undefined);
    });
  }
} else {
  let server: PostgresServer | undefined;
  let admin: pg.Pool | undefined;
  let schemas = 0;

  beforeAll(async () => {
    server = await startPostgresServer(binaries.binDir);
    admin = new pg.Pool({ connectionString: server.connectionString, max: 2 });
  }, 120_000);

  afterAll(async () => {
    await admin?.end();
    server?.stop();
  });

  /** A new empty schema and a connection string whose sessions use it (search_path). */
  async function freshSchema(): Promise<{ schema: string; url: string }> {
    if (server === undefined || admin === undefined) throw new Error('server not started');
    const schema = `contract_${++schemas}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    return { schema, url: `${server.connectionString}?options=${encodeURIComponent(`-c search_path=${schema}`)}` };
  }

  persistenceContract('PostgresPersistence', async ({ clock, idGenerator }) => {
    const { url } = await freshSchema();
    return new PostgresPersistence({ connectionString: url, clock, idGenerator, maxConnections: 4 });
  });

  describe('PostgresPersistence', () => {
    it('refuses a raw UPDATE, DELETE or TRUNCATE of spec-version and bot-version rows in the database itself', async () => {
      const { schema, url } = await freshSchema();
      const store = new PostgresPersistence({ connectionString: url });
      const bot = await store.createBot({ projectId: 'p', slug: 'b', name: 'B', kind: 'trading', spec: { fast: 1 } });
      await store.close();
      const raw = new pg.Pool({ connectionString: url, max: 1 });
      try {
        const refused = async (sql: string): Promise<string> => {
          const error: unknown = await raw.query(sql).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(Error);
          return (error as Error).message;
        };
        expect(await refused(`UPDATE ${schema}.spec_versions SET spec_json = '{}'`)).toMatch(/spec_versions rows are immutable/);
        expect(await refused(`DELETE FROM ${schema}.spec_versions`)).toMatch(/spec_versions rows are immutable/);
        expect(await refused(`TRUNCATE ${schema}.spec_versions CASCADE`)).toMatch(/immutable/);
        expect(await refused(`UPDATE ${schema}.bot_versions SET version = 7`)).toMatch(/bot_versions rows are immutable/);
        expect(await refused(`DELETE FROM ${schema}.bot_versions`)).toMatch(/bot_versions rows are immutable/);
        expect((await raw.query(`SELECT spec_json FROM ${schema}.spec_versions`)).rows).toEqual([{ spec_json: '{"fast":1}' }]);
        expect((await raw.query(`SELECT id, version FROM ${schema}.bot_versions`)).rows).toEqual([{ id: bot.currentVersion.id, version: 1 }]);
      } finally {
        await raw.end();
      }
    });

    it('migrates once when two adapters start on the same schema at the same time', async () => {
      const { schema, url } = await freshSchema();
      const clock = new ManualClock(42);
      const a = new PostgresPersistence({ connectionString: url, clock });
      const b = new PostgresPersistence({ connectionString: url, clock });
      await Promise.all([a.migrate(), b.migrate(), a.migrate()]);
      await Promise.all([a.close(), b.close()]);
      const rows = (await admin?.query(`SELECT version, applied_at FROM ${schema}.schema_migrations ORDER BY version`))?.rows;
      expect(rows).toEqual([
        { version: 1, applied_at: '42' },
        { version: 2, applied_at: '42' },
        { version: 3, applied_at: '42' },
      ]);
    });

    it('serialises writers of separate connection pools: one version per content, dense journal numbers', async () => {
      const { url } = await freshSchema();
      const stores = [0, 1, 2].map(
        (i) => new PostgresPersistence({ connectionString: url, maxConnections: 3, idGenerator: sequentialIdGenerator(`w${i}`) }),
      );
      await stores[0]?.migrate();
      try {
        const spec = { strategy: { class: 'DualMACrossoverAlpha', kwargs: { fast: 10, slow: 50 } } };
        const versions = await Promise.all(stores.flatMap((s) => [1, 2, 3].map(() => s.snapshotSpec('bot', 'shared', spec))));
        expect(new Set(versions.map((v) => v.versionId)).size).toBe(1);
        await Promise.all(
          stores.flatMap((s, w) =>
            Array.from({ length: 20 }, (_, i) => s.appendJournal({ sessionId: 'shared', time: i, kind: `w${w}`, payload: i })),
          ),
        );
        const entries = await stores[1]?.listJournal({ sessionId: 'shared' });
        expect(entries?.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i));
        const bumped = await Promise.all([11, 12, 13].map((fast, i) => stores[i]?.snapshotSpec('bot', 'shared', { ...spec, fast })));
        expect(bumped.map((v) => v?.version).sort()).toEqual([2, 3, 4]);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('uses a host pool without ending it', async () => {
      const { url } = await freshSchema();
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      try {
        const store = new PostgresPersistence({ pool });
        await store.saveSessionState('s', { cash: 1 });
        await store.close();
        expect((await pool.query('SELECT state_json FROM session_state')).rows).toEqual([{ state_json: '{"cash":1}' }]);
      } finally {
        await pool.end();
      }
    });

    it('needs exactly one of connectionString and pool', async () => {
      expect(() => new PostgresPersistence({})).toThrow(InvalidArgumentError);
      const pool = new pg.Pool({ connectionString: 'postgres://127.0.0.1:1/none' });
      expect(() => new PostgresPersistence({ connectionString: 'postgres://127.0.0.1:1/none', pool })).toThrow(InvalidArgumentError);
      await pool.end();
    });
  });
}

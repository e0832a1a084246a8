import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, ManualClock, sequentialIdGenerator } from '@alphaswarm/core';
import { SqlitePersistence } from '../../src/index.js';
import { persistenceContract } from '../support/persistence-contract.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'alphaswarm-sqlite-'));
let files = 0;
const nextFile = (): string => join(dir, `db-${++files}.sqlite`);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

persistenceContract('SqlitePersistence', async ({ clock, idGenerator }) => new SqlitePersistence({ path: nextFile(), clock, idGenerator }));

describe('SqlitePersistence', () => {
  it('creates the file in WAL mode and records the three schema migrations once', async () => {
    const path = nextFile();
    const clock = new ManualClock(1_000);
    await new SqlitePersistence({ path, clock }).close();
    await new SqlitePersistence({ path, clock }).close();
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all()).toEqual([
        { version: 1, applied_at: 1_000 },
        { version: 2, applied_at: 1_000 },
        { version: 3, applied_at: 1_000 },
      ]);
    } finally {
      raw.close();
    }
  });

  it('keeps everything across a reopen', async () => {
    const path = nextFile();
    const options = { path, clock: new ManualClock(5), idGenerator: sequentialIdGenerator('first') };
    const first = new SqlitePersistence(options);
    const bot = await first.createBot({ projectId: 'p', slug: 'b', name: 'B', kind: 'trading', spec: { fast: 1 } });
    await first.appendJournal({ sessionId: 's', time: 7, kind: 'fill', payload: { qty: 3 } });
    await first.close();
    const second = new SqlitePersistence({ ...options, idGenerator: sequentialIdGenerator('second') });
    try {
      expect(await second.getBot('b', 'p')).toEqual(bot);
      expect(await second.listJournal({ sessionId: 's' })).toEqual([{ sessionId: 's', seq: 0, time: 7, kind: 'fill', payload: { qty: 3 } }]);
      expect((await second.updateBot(bot.id, { fast: 2 })).currentVersion.version).toBe(2);
    } finally {
      await second.close();
    }
  });

  it('refuses a raw UPDATE or DELETE of spec-version and bot-version rows in the database itself', async () => {
    const path = nextFile();
    const store = new SqlitePersistence({ path });
    const bot = await store.createBot({ projectId: 'p', slug: 'b', name: 'B', kind: 'trading', spec: { fast: 1 } });
    await store.close();
    const raw = new Database(path);
    try {
      expect(() => raw.prepare("UPDATE spec_versions SET spec_json = '{}'").run()).toThrow(/spec_versions rows are immutable/);
      expect(() => raw.prepare('DELETE FROM spec_versions').run()).toThrow(/spec_versions rows are immutable/);
      expect(() => raw.prepare('UPDATE bot_versions SET version = 7').run()).toThrow(/bot_versions rows are immutable/);
      expect(() => raw.prepare('DELETE FROM bot_versions').run()).toThrow(/bot_versions rows are immutable/);
      expect(raw.prepare('SELECT spec_json FROM spec_versions').all()).toEqual([{ spec_json: '{"fast":1}' }]);
      expect(raw.prepare('SELECT id, version FROM bot_versions').all()).toEqual([{ id: bot.currentVersion.id, version: 1 }]);
    } finally {
      raw.close();
    }
  });

  it('rejects an empty path and a negative busy timeout', () => {
    expect(() => new SqlitePersistence({ path: '' })).toThrow(InvalidArgumentError);
    expect(() => new SqlitePersistence({ path: nextFile(), busyTimeoutMs: -1 })).toThrow(InvalidArgumentError);
  });

  it('loses no row when 4 writer processes append 200 rows each, and snapshots the shared spec to one version', async () => {
    const path = nextFile();
    // Create the schema first so that the writers race on data, not on migrations.
    await new SqlitePersistence({ path }).close();
    const script = fileURLToPath(new URL('../support/sqlite-writer.ts', import.meta.url));
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const writers = [1, 2, 3, 4];
    const outputs = await Promise.all(
      writers.map((w) => run(process.execPath, ['--import', 'tsx', script, path, String(w), '200'], { cwd: root })),
    );
    const versionIds = outputs.flatMap((o) => (JSON.parse(o.stdout) as { versionIds: string[] }).versionIds);
    expect(versionIds).toHaveLength(16);
    expect(new Set(versionIds).size).toBe(1);
    const store = new SqlitePersistence({ path });
    try {
      const entries = await store.listJournal({ sessionId: 'shared' });
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 800 }, (_, i) => i));
      for (const w of writers) {
        const mine = entries.filter((e) => e.kind === `writer-${w}`).map((e) => (e.payload as { i: number }).i);
        expect(mine).toEqual(Array.from({ length: 200 }, (_, i) => i));
      }
      const versions = await store.listSpecVersions('bot', 'shared');
      expect(versions.map((v) => [v.version, v.versionId])).toEqual([[1, versionIds[0]]]);
    } finally {
      await store.close();
    }
  });
});

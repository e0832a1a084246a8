// A writer process of the SQLite concurrency test: snapshots one shared spec and
// appends rows to one shared journal session, then prints what it saw as JSON.
// Usage: node --import tsx sqlite-writer.ts <db path> <writer number> <row count>
import { SqlitePersistence } from '../../src/index.js';

const [path, writer, count] = process.argv.slice(2);
if (path === undefined || writer === undefined || count === undefined) {
  throw new Error('usage: sqlite-writer.ts <db path> <writer number> <row count>');
}
const rows = Number(count);
// synchronous NORMAL: no fsync per commit, which would only slow the test down; the
// locking under test is the same at every synchronous level.
const store = new SqlitePersistence({ path, synchronous: 'normal' });
const sharedSpec = { strategy: { class: 'DualMACrossoverAlpha', kwargs: { fast: 10, slow: 50 } } };
const versionIds: string[] = [];
for (let i = 0; i < rows; i++) {
  if (i % 50 === 0) versionIds.push((await store.snapshotSpec('bot', 'shared', sharedSpec)).versionId);
  await store.appendJournal({ sessionId: 'shared', time: i, kind: `writer-${writer}`, payload: { writer: Number(writer), i } });
}
await store.close();
process.stdout.write(JSON.stringify({ versionIds }));

import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InMemoryPersistence, SessionJournal } from '@alphaswarm/core';
import type { JournalEntry } from '@alphaswarm/core';
import { JsonlJournal } from '../../src/index.js';

const entry = (seq: number, size = 0): JournalEntry => ({ sessionId: 's', seq, time: Date.UTC(2024, 0, 2) + seq, kind: 'fill', payload: { seq, pad: 'x'.repeat(size) } });

describe('JsonlJournal', () => {
  it('appends one JSON line per entry with its ISO time, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jsonl-'));
    const journal = new JsonlJournal({ dir: join(dir, 'nested'), name: 'session-1' });
    await Promise.all([0, 1, 2].map((i) => journal.append(entry(i))));
    const lines = readFileSync(journal.path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['seq'])).toEqual([0, 1, 2]);
    expect(lines[0]).toEqual({ sessionId: 's', seq: 0, time: Date.UTC(2024, 0, 2), iso: '2024-01-02T00:00:00.000Z', kind: 'fill', payload: { seq: 0, pad: '' } });
  });

  it('rotates by size, keeps maxFiles rotated files, and reads back the retained lines oldest first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jsonl-'));
    const line = Buffer.byteLength(`${JSON.stringify({ sessionId: 's', seq: 0, time: Date.UTC(2024, 0, 2), iso: '2024-01-02T00:00:00.000Z', kind: 'fill', payload: { seq: 0, pad: 'x'.repeat(100) } })}\n`);
    // Three lines fit in a file (sequence numbers below 10 keep every line the same length).
    const journal = new JsonlJournal({ dir, maxBytes: 3 * line, maxFiles: 2 });
    for (let i = 0; i < 10; i += 1) await journal.append(entry(i, 100));
    expect(readdirSync(dir).sort()).toEqual(['journal.1.jsonl', 'journal.2.jsonl', 'journal.jsonl']);
    const seqs = (file: string): number[] =>
      readFileSync(join(dir, file), 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { seq: number }).seq);
    // Files of 3 lines: [0,1,2] (deleted), [3,4,5] → .2, [6,7,8] → .1, [9] current.
    expect(seqs('journal.jsonl')).toEqual([9]);
    expect(seqs('journal.1.jsonl')).toEqual([6, 7, 8]);
    expect(seqs('journal.2.jsonl')).toEqual([3, 4, 5]);
    expect((await journal.read()).map((l) => l.seq)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).length).toBeLessThanOrEqual(3 * line);
  });

  it('continues the size count of an existing file, gives a long line a file of its own, and keeps only the current file with maxFiles 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jsonl-'));
    await new JsonlJournal({ dir, maxBytes: 400 }).append(entry(0, 100));
    const reopened = new JsonlJournal({ dir, maxBytes: 400, maxFiles: 0 });
    await reopened.append(entry(1, 100));
    await reopened.append(entry(2, 1000));
    await reopened.append(entry(3, 10));
    expect(readdirSync(dir)).toEqual(['journal.jsonl']);
    expect((await reopened.read()).map((l) => l.seq)).toEqual([3]);
  });

  it('receives the entries of a session journal with their sequence numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jsonl-'));
    const file = new JsonlJournal({ dir, name: 'paper' });
    const journal = new SessionJournal(new InMemoryPersistence(), 'paper', [file]);
    await journal.open(0);
    journal.add('order', 5, { cycle: 0 });
    journal.add('fill', 6, { cycle: 1 });
    await journal.flush({ kind: 'snapshot', time: 5, payload: { cycle: 0 } });
    await journal.close();
    expect((await file.read()).map((l) => [l.seq, l.kind])).toEqual([
      [0, 'snapshot'],
      [1, 'order'],
      [2, 'fill'],
    ]);
  });

  it('names bad options', () => {
    expect(() => new JsonlJournal({ dir: '.', name: '../x' })).toThrow(/name/);
    expect(() => new JsonlJournal({ dir: '.', maxBytes: 0 })).toThrow(/maxBytes/);
    expect(() => new JsonlJournal({ dir: '.', maxFiles: -1 })).toThrow(/maxFiles/);
  });
});

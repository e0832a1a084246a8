import { describe, expect, it } from 'vitest';
import { InMemoryPersistence, SessionJournal } from '../../src/index.js';
import type { JournalEntry, JournalSink } from '../../src/index.js';

function sink(): JournalSink & { entries: JournalEntry[]; closed: boolean } {
  const s = { entries: [] as JournalEntry[], closed: false, append: async (e: JournalEntry) => void s.entries.push(e), close: async () => void (s.closed = true) };
  return s;
}

describe('SessionJournal', () => {
  it('writes a cycle’s buffered entries at flush, first entry first, to persistence and then to every sink', async () => {
    const p = new InMemoryPersistence();
    const out = sink();
    const journal = new SessionJournal(p, 's1', [out]);
    await journal.open(0);
    journal.add('fill', 10, { cycle: 0, price: Number.NaN, quantity: 5 });
    journal.add('order', 10, { cycle: 0 });
    expect(journal.pendingCount).toBe(2);
    await journal.flush({ kind: 'snapshot', time: 10, payload: { cycle: 0 } });
    const stored = await p.listJournal({ sessionId: 's1' });
    expect(stored.map((e) => [e.seq, e.kind])).toEqual([
      [0, 'snapshot'],
      [1, 'fill'],
      [2, 'order'],
    ]);
    // Non-finite numbers become null.
    expect(stored[1]!.payload).toEqual({ cycle: 0, price: null, quantity: 5 });
    expect(out.entries).toEqual(stored);
    expect(journal.count).toBe(3);
    await journal.close();
    expect(out.closed).toBe(true);
  });

  it('skips entries an interrupted cycle already wrote, when its re-run writes them again', async () => {
    const p = new InMemoryPersistence();
    const first = new SessionJournal(p, 's', []);
    await first.open(0);
    first.add('snapshot', 1, { cycle: 0 });
    await first.flush();
    // Cycle 1 wrote two of its entries, then the process died (state saved with count 1).
    first.add('snapshot', 2, { cycle: 1 });
    first.add('fill', 2, { cycle: 1, q: 1 });
    await first.flush();
    const out = sink();
    const second = new SessionJournal(p, 's', [out]);
    expect((await second.open(1)).map((e) => e.seq)).toEqual([0]);
    expect(second.count).toBe(1);
    second.add('snapshot', 2, { cycle: 1 });
    second.add('fill', 2, { cycle: 1, q: 1 });
    second.add('order', 2, { cycle: 1 });
    await second.flush();
    const stored = await p.listJournal({ sessionId: 's' });
    expect(stored.map((e) => e.kind)).toEqual(['snapshot', 'snapshot', 'fill', 'order']);
    expect(out.entries.map((e) => e.seq)).toEqual([3]);
    expect(second.count).toBe(4);
  });

  it('voids what the interrupted cycle wrote when its re-run differs', async () => {
    const p = new InMemoryPersistence();
    const first = new SessionJournal(p, 's', []);
    await first.open(0);
    first.add('snapshot', 2, { cycle: 0, equity: 100 });
    first.add('fill', 2, { cycle: 0, q: 1 });
    await first.flush();
    const second = new SessionJournal(p, 's', []);
    await second.open(0);
    second.add('snapshot', 2, { cycle: 0, equity: 100 });
    second.add('error', 2, { cycle: 0, message: 'broker sync failed' });
    await second.flush();
    const stored = await p.listJournal({ sessionId: 's' });
    expect(stored.map((e) => e.kind)).toEqual(['snapshot', 'fill', 'void', 'error']);
    expect(stored[2]!.payload).toMatchObject({ fromSeq: 1, toSeq: 1 });
    expect(second.count).toBe(4);
  });

  it('voids leftovers when the re-run writes fewer entries, and drops discarded ones', async () => {
    const p = new InMemoryPersistence();
    const first = new SessionJournal(p, 's', []);
    await first.open(0);
    first.add('snapshot', 5, { cycle: 0 });
    first.add('fill', 5, { cycle: 0 });
    await first.flush();
    const second = new SessionJournal(p, 's', []);
    await second.open(0);
    second.add('snapshot', 5, { cycle: 0 });
    await second.flush();
    second.add('fill', 6, { cycle: 1 });
    second.discard();
    await second.flush();
    expect((await p.listJournal({ sessionId: 's' })).map((e) => e.kind)).toEqual(['snapshot', 'fill', 'void']);
  });
});

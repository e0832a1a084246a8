import { jsonSafe } from '../bots/backtest-summary.js';
import type { JournalEntry } from '../persistence/journal-records.js';
import type { PersistenceAdapter } from '../persistence/persistence-adapter.js';
import { canonicalize } from '../spec/canonical-json.js';
import type { EpochMs } from '../time.js';
import type { SessionJournalKind } from './journal-records.js';

/**
 * A second home for journal entries besides persistence (e.g. the JSON Lines file
 * of `@alphaswarm/adapters`). Receives each entry once it is stored, with its seq.
 */
export interface JournalSink {
  /** Writes one entry. */
  append(entry: JournalEntry): Promise<void>;
  /** Flushes and releases the sink. */
  close?(): Promise<void>;
}

/** A journal entry waiting to be written at the end of its cycle. */
export interface PendingJournalEntry {
  /** What the entry records. */
  readonly kind: SessionJournalKind;
  /** Simulation time of the entry. */
  readonly time: EpochMs;
  /** JSON-safe payload. */
  readonly payload: unknown;
}

/**
 * The journal of one paper session: entries are buffered during a cycle and
 * written at its end, to persistence (`appendJournal`, the authoritative copy) and
 * then to every sink.
 *
 * Restart safety: a session saves its state (with {@link SessionJournal.count})
 * after each cycle's entries are written. Entries beyond the saved count belong to a
 * cycle that was interrupted; when that cycle runs again, each entry it writes that
 * equals the next such entry (kind, time and canonical payload) is not written a
 * second time, and any left over are marked with one `void` entry. An uninterrupted
 * run and an interrupted-then-resumed run therefore leave the same journal when the
 * re-run repeats what was written.
 */
export class SessionJournal {
  private pending: PendingJournalEntry[] = [];
  private orphans: JournalEntry[] = [];
  private written = 0;

  /**
   * @param persistence - where entries are stored
   * @param sessionId - the session
   * @param sinks - further destinations
   */
  constructor(
    private readonly persistence: PersistenceAdapter,
    readonly sessionId: string,
    private readonly sinks: readonly JournalSink[] = [],
  ) {}

  /** Number of entries the session's journal holds (the seq of the next one). */
  get count(): number {
    return this.written;
  }

  /** Number of entries buffered for the current cycle. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /**
   * Reads the session's journal; entries from seq `committed` on are from an
   * interrupted cycle (see the class notes). Returns the committed entries.
   */
  async open(committed: number): Promise<JournalEntry[]> {
    const entries = await this.persistence.listJournal({ sessionId: this.sessionId });
    this.orphans = entries.filter((e) => e.seq >= committed);
    this.written = committed;
    return entries.filter((e) => e.seq < committed);
  }

  /** Buffers an entry of the current cycle; the payload is made JSON-safe (non-finite numbers become null). */
  add(kind: SessionJournalKind, time: EpochMs, payload: unknown): void {
    this.pending.push({ kind, time, payload: jsonSafe(payload) });
  }

  /** Writes the buffered entries, `first` (when given) before them. */
  async flush(first?: PendingJournalEntry): Promise<void> {
    const batch = first === undefined ? this.pending : [first, ...this.pending];
    this.pending = [];
    for (const entry of batch) await this.write(entry);
    if (this.orphans.length > 0) await this.voidOrphans('the interrupted cycle wrote entries its re-run did not');
  }

  /** Drops the buffered entries (a cycle whose work is discarded). */
  discard(): void {
    this.pending = [];
  }

  /** Closes the sinks. */
  async close(): Promise<void> {
    for (const sink of this.sinks) await sink.close?.();
  }

  private async write(entry: PendingJournalEntry): Promise<void> {
    const head = this.orphans[0];
    if (head !== undefined) {
      if (head.kind === entry.kind && head.time === entry.time && canonicalize(head.payload) === canonicalize(entry.payload)) {
        this.orphans.shift();
        this.written = head.seq + 1;
        return;
      }
      await this.voidOrphans('the interrupted cycle wrote entries its re-run did not repeat');
    }
    const stored = await this.persistence.appendJournal({ sessionId: this.sessionId, time: entry.time, kind: entry.kind, payload: entry.payload });
    this.written = stored.seq + 1;
    for (const sink of this.sinks) await sink.append(stored);
  }

  private async voidOrphans(reason: string): Promise<void> {
    const first = this.orphans[0];
    const last = this.orphans[this.orphans.length - 1];
    this.orphans = [];
    if (first === undefined || last === undefined) return;
    const stored = await this.persistence.appendJournal({ sessionId: this.sessionId, time: last.time, kind: 'void', payload: { fromSeq: first.seq, toSeq: last.seq, reason } });
    this.written = stored.seq + 1;
    for (const sink of this.sinks) await sink.append(stored);
  }
}

import type { JsonValue } from '../spec/json-value.js';
import type { EpochMs } from '../time.js';

/** One entry of a session journal (append-only). */
export interface JournalEntry {
  /** The session, e.g. a paper-session deployment id. */
  readonly sessionId: string;
  /** Position within the session: 0, 1, 2, … in append order. */
  readonly seq: number;
  /** Time of the event the entry records (epoch ms, UTC), as given by the writer. */
  readonly time: EpochMs;
  /** What happened, a free non-empty label such as `fill` or `order`. */
  readonly kind: string;
  /** Details (JSON). */
  readonly payload: JsonValue;
}

/** Input of {@link PersistenceAdapter.appendJournal}. */
export interface AppendJournalInput {
  /** The session: non-empty, at most 256 characters. */
  readonly sessionId: string;
  /** Time of the event (integer epoch ms). */
  readonly time: EpochMs;
  /** What happened: non-empty, at most 64 characters. */
  readonly kind: string;
  /** Details (JSON). */
  readonly payload: unknown;
}

/** Query of {@link PersistenceAdapter.listJournal}; entries come by ascending `seq`. */
export interface ListJournalQuery {
  /** The session. */
  readonly sessionId: string;
  /** Only entries with `time >= since` (epoch ms, inclusive). */
  readonly since?: EpochMs;
  /** Only entries with `seq > afterSeq` (to resume after the last entry read). */
  readonly afterSeq?: number;
}

/** The saved state of a restartable session (one row per session, overwritten on save). */
export interface SessionStateRecord {
  /** The session. */
  readonly sessionId: string;
  /** The state (JSON) last saved. */
  readonly state: JsonValue;
  /** When it was saved, from the adapter's clock (epoch ms, UTC). */
  readonly savedAt: EpochMs;
}

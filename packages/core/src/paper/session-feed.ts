import type { Slice } from '../framework/slice.js';
import type { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';

/** How a session asks a feed for its slices. */
export interface FeedRequest {
  /** Aborted when the session stops: the feed ends its iteration promptly (no error). */
  readonly signal: AbortSignal;
  /**
   * Slices at or before this time were already processed by an earlier run of the
   * session: deliver them at once (the session replays them to rebuild its state),
   * without pacing or waiting.
   */
  readonly catchUpTo?: EpochMs;
}

/**
 * Where a paper session's bars come from: a deterministic replay of stored bars
 * ({@link ReplayFeed}) or a live market-data source ({@link MarketDataFeed}).
 *
 * A feed yields {@link Slice}s in strictly increasing time order from the start of
 * the session, each holding the bars of one timestamp in the order of
 * {@link SessionFeed.symbols}. The same feed must yield the same slices for the
 * same times on every run: that is what lets a restarted session rebuild its state.
 * A slice object may be reused from one slice to the next: the session reads it
 * before asking for the next.
 */
export interface SessionFeed {
  /** Every symbol the feed can carry, in data order (what the universe chooses from). */
  readonly symbols: readonly SymbolId[];
  /** Number of slices when known in advance (a replay), else `undefined`. */
  readonly length: number | undefined;
  /** Bar interval in ms (e.g. 86 400 000 for daily bars), used by the regular-hours gate. */
  readonly intervalMs: number;
  /** The slices, from the first; ends when the data ends or the signal aborts. */
  slices(request: FeedRequest): AsyncIterable<Slice>;
}

import type { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';
import type { Insight } from './insight.js';

/**
 * The active insights of a run, at most one per (symbol, source model): a new
 * insight from the same source for the same symbol cancels the previous one.
 * Iteration order is deterministic (insertion order of the keys).
 */
export class InsightCollection {
  /** Active insights by (symbol, source) key, in insertion order of the keys. */
  private readonly active = new Map<InsightKey, Insight>();
  /** One key object per (symbol, source) pair, so that adding builds no key string. */
  private readonly keys = new Map<SymbolId, Map<string, InsightKey>>();

  /** Number of active (not yet expired or cancelled) insights held. */
  get size(): number {
    return this.active.size;
  }

  /** Adds an insight, cancelling the one it replaces. Returns the replaced insight, if any. */
  add(insight: Insight): Insight | undefined {
    const key = this.keyOf(insight);
    const previous = this.active.get(key);
    if (previous !== undefined) {
      previous.cancel(`replaced by insight ${insight.id}`);
      this.active.delete(key);
    }
    this.active.set(key, insight);
    return previous;
  }

  private keyOf(insight: Insight): InsightKey {
    let bySource = this.keys.get(insight.symbol);
    if (bySource === undefined) {
      bySource = new Map();
      this.keys.set(insight.symbol, bySource);
    }
    let key = bySource.get(insight.sourceModel);
    if (key === undefined) {
      key = { symbol: insight.symbol, sourceModel: insight.sourceModel };
      bySource.set(insight.sourceModel, key);
    }
    return key;
  }

  /** Active insights for one symbol. */
  forSymbol(symbol: SymbolId): Insight[] {
    const out: Insight[] = [];
    for (const insight of this.active.values()) if (insight.symbol === symbol) out.push(insight);
    return out;
  }

  /** All active insights, in deterministic order. */
  all(): Insight[] {
    return [...this.active.values()];
  }

  /** Cancels every active insight for `symbol`; returns those cancelled. */
  cancel(symbol: SymbolId, reason: string): Insight[] {
    const cancelled: Insight[] = [];
    for (const [key, insight] of this.active) {
      if (insight.symbol !== symbol) continue;
      insight.cancel(reason);
      this.active.delete(key);
      cancelled.push(insight);
    }
    return cancelled;
  }

  /** Removes insights that are cancelled or whose close time is at or before `time`; returns them. */
  expire(time: EpochMs): Insight[] {
    if (this.active.size === 0) return NO_INSIGHTS;
    let expired: Insight[] | undefined;
    for (const [key, insight] of this.active) {
      if (insight.isActive(time)) continue;
      this.active.delete(key);
      (expired ??= []).push(insight);
    }
    return expired ?? NO_INSIGHTS;
  }
}

const NO_INSIGHTS: Insight[] = [];

/** The identity of an active-insight slot: one symbol and one source model. */
interface InsightKey {
  readonly symbol: SymbolId;
  readonly sourceModel: string;
}

import type { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';
import type { Insight } from './insight.js';

/**
 * The active insights of a run, at most one per (symbol, source model): a new
 * insight from the same source for the same symbol cancels the previous one.
 * Iteration order is deterministic (insertion order of the keys).
 */
export class InsightCollection {
  private readonly active = new Map<string, Insight>();

  /** Number of active (not yet expired or cancelled) insights held. */
  get size(): number {
    return this.active.size;
  }

  /** Adds an insight, cancelling the one it replaces. Returns the replaced insight, if any. */
  add(insight: Insight): Insight | undefined {
    const key = `${insight.symbol.value}\u0000${insight.sourceModel}`;
    const previous = this.active.get(key);
    if (previous !== undefined) {
      previous.cancel(`replaced by insight ${insight.id}`);
      this.active.delete(key);
    }
    this.active.set(key, insight);
    return previous;
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

import { z } from 'zod';
import { AlphaSwarmError } from '../errors.js';
import type { OrderJson } from '../orders/order.js';
import { parsePortfolioSnapshot, type PortfolioSnapshot } from '../portfolio/snapshot.js';
import type { JsonValue } from '../spec/json-value.js';
import type { EpochMs } from '../time.js';
import type { SessionOrderRecord } from './session-order-book.js';

/** Where a session stands: still `running` (or killed while running), or how its last run ended. */
export type PaperSessionStatus = 'running' | 'completed' | 'stopped' | 'halted';

/** A cycle that the kill switch cut short: queue items from `item` on were not processed. */
export interface CycleCut {
  /** The cycle (0-based). */
  readonly cycle: number;
  /** Index of the first unprocessed item (1 = the signal or the first order request). */
  readonly item: number;
}

/**
 * What a paper session persists after every cycle (`PersistenceAdapter.saveSessionState`):
 * enough to check a restart and to carry the broker's own state over it. The
 * models' state (indicator windows, trailing peaks, daily-loss flags) is rebuilt by
 * replaying the processed bars with the journaled executions, and checked against
 * the fields here; see `PaperTradingSession`.
 */
export interface PaperSessionState {
  /** Format version; currently 1. */
  readonly version: 1;
  /** The session. */
  readonly sessionId: string;
  /** Name of the algorithm. */
  readonly algorithm: string;
  /** Hash of the spec the session runs, or null. */
  readonly specHash: string | null;
  /** The feed's symbols, canonical text in data order. */
  readonly symbols: readonly string[];
  /** How the last run ended, or `running`. */
  readonly status: PaperSessionStatus;
  /** Why it halted or stopped, or null. */
  readonly haltReason: string | null;
  /** Cycles (slices) processed. */
  readonly cycles: number;
  /** Bars processed (over all symbols). */
  readonly bars: number;
  /** Time of the last processed slice, or null. */
  readonly lastTime: EpochMs | null;
  /** Id of the next order. */
  readonly nextOrderId: number;
  /** Id of the next insight. */
  readonly nextInsightId: number;
  /** Journal entries of the session written by completed cycles (the next seq). */
  readonly journalCount: number;
  /** Cycles cut short by the kill switch. */
  readonly cuts: readonly CycleCut[];
  /** The session's portfolio (its book of the account). */
  readonly portfolio: PortfolioSnapshot;
  /** Open orders. */
  readonly openOrders: readonly SessionOrderRecord[];
  /** The broker adapter's own state (`BrokerAdapter.saveState`), or null. */
  readonly broker: JsonValue | null;
}

const count = z.number().int().min(0);

const stateSchema = z.strictObject({
  version: z.literal(1),
  sessionId: z.string().min(1),
  algorithm: z.string(),
  specHash: z.string().nullable(),
  symbols: z.array(z.string()),
  status: z.enum(['running', 'completed', 'stopped', 'halted']),
  haltReason: z.string().nullable(),
  cycles: count,
  bars: count,
  lastTime: z.number().int().nullable(),
  nextOrderId: z.number().int().min(1),
  nextInsightId: z.number().int().min(1),
  journalCount: count,
  cuts: z.array(z.strictObject({ cycle: count, item: z.number().int().min(1) })),
  portfolio: z.unknown(),
  openOrders: z.array(z.strictObject({ clientOrderId: z.string().min(1), order: z.record(z.string(), z.unknown()) })),
  broker: z.unknown(),
});

/**
 * Validates a persisted session state.
 *
 * @throws {@link AlphaSwarmError} code `INVALID_SESSION_STATE` naming the path of the first problem.
 */
export function parseSessionState(input: unknown): PaperSessionState {
  const parsed = stateSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = `state.${issue?.path.map(String).join('.') ?? ''}`;
    throw new AlphaSwarmError('INVALID_SESSION_STATE', `${path}: ${issue?.message ?? 'invalid'}`, { path });
  }
  const s = parsed.data;
  let portfolio: PortfolioSnapshot;
  try {
    portfolio = parsePortfolioSnapshot(s.portfolio);
  } catch (cause) {
    throw new AlphaSwarmError('INVALID_SESSION_STATE', `state.portfolio: ${cause instanceof Error ? cause.message : String(cause)}`, { path: 'state.portfolio', cause });
  }
  return {
    ...s,
    portfolio,
    openOrders: s.openOrders.map((o) => ({ clientOrderId: o.clientOrderId, order: o.order as unknown as OrderJson })),
    broker: (s.broker ?? null) as JsonValue | null,
  };
}

import { z } from 'zod';
import { AlphaSwarmError } from '../errors.js';
import type { JournalEntry } from '../persistence/journal-records.js';
import { SymbolId } from '../symbol-id.js';
import type { EpochMs } from '../time.js';

/**
 * The kinds of entries a paper session writes to its journal, one entry per
 * decision or execution, each payload carrying the 0-based `cycle`:
 * - `snapshot` — excerpt of what the cycle saw: equity, cash, bars, positions
 *   (written before the cycle's other entries, only for cycles with activity);
 * - `insights` — the alpha's output; `targets` — the portfolio model's output;
 * - `risk` — a decision of a risk model or a pre-trade control; `risk_targets` —
 *   the targets after risk (the post-risk decision);
 * - `order` — an order sent to the broker, with the outcome of the submission;
 * - `fill`, `order_update` — executions and cancellations/rejections reported by the broker;
 * - `error` — a failure the session survived (a submission or a broker poll that failed);
 * - `void` — marks entries of an interrupted cycle that its re-run did not repeat.
 */
export type SessionJournalKind = 'snapshot' | 'insights' | 'targets' | 'risk' | 'risk_targets' | 'order' | 'fill' | 'order_update' | 'error' | 'void';

/** An order update as the session applies it, from a broker or from the journal. */
export type AppliedUpdate =
  | {
      /** A (partial) fill. */
      readonly kind: 'fill';
      /** The order's client id. */
      readonly clientOrderId: string;
      /** Execution time. */
      readonly time: EpochMs;
      /** Signed quantity. */
      readonly quantity: number;
      /** Price after slippage. */
      readonly price: number;
      /** Fee. */
      readonly fee: number;
      /** Slippage cost. */
      readonly slippage: number;
    }
  | {
      /** The order ended: cancelled or rejected. */
      readonly kind: 'cancelled' | 'rejected';
      /** The order's client id. */
      readonly clientOrderId: string;
      /** Why. */
      readonly reason: string;
    };

/** How the submission of an order ended: accepted, refused, or unknown (the broker reports it later). */
export type SubmissionOutcome = 'submitted' | 'rejected' | 'unknown';

/** The `order` entry's payload needed to replay a submission. */
export interface SubmissionRecord {
  /** The order id. */
  readonly orderId: number;
  /** Symbol text. */
  readonly symbol: string;
  /** Signed quantity. */
  readonly quantity: number;
  /** How the submission ended. */
  readonly submission: SubmissionOutcome;
  /** Why it was refused, or null. */
  readonly reason: string | null;
}

/** What one processed cycle took from its broker, read back from the journal. */
export interface CycleRecord {
  /** Order updates applied at the start of the cycle, in order. */
  readonly updates: AppliedUpdate[];
  /** Submission outcomes by order id. */
  readonly submissions: Map<number, SubmissionRecord>;
}

const cycle = z.number().int().min(0);
const fillSchema = z.object({ cycle, clientOrderId: z.string(), quantity: z.number(), price: z.number(), fee: z.number(), slippage: z.number() });
const updateSchema = z.object({ cycle, clientOrderId: z.string(), status: z.enum(['cancelled', 'rejected']), reason: z.string() });
const orderSchema = z.object({
  cycle,
  orderId: z.number().int(),
  symbol: z.string(),
  quantity: z.number(),
  submission: z.enum(['submitted', 'rejected', 'unknown']),
  reason: z.string().nullable(),
});
const voidSchema = z.object({ fromSeq: z.number().int(), toSeq: z.number().int() });

function parse<T>(schema: z.ZodType<T>, entry: JournalEntry): T {
  const parsed = schema.safeParse(entry.payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AlphaSwarmError('INVALID_JOURNAL', `journal entry ${entry.seq} (${entry.kind}): payload.${issue?.path.map(String).join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, {
    path: `journal[${entry.seq}].payload`,
    value: entry.payload,
  });
}

/**
 * Groups the executions a session journaled by cycle: fills and order updates in
 * the order they were applied, and the outcome of every submission. Entries
 * covered by a `void` entry are skipped.
 *
 * @throws {@link AlphaSwarmError} code `INVALID_JOURNAL` on a malformed payload.
 */
export function cycleRecords(entries: readonly JournalEntry[]): Map<number, CycleRecord> {
  const voided = new Set<number>();
  for (const entry of entries) {
    if (entry.kind !== 'void') continue;
    const v = parse(voidSchema, entry);
    for (let seq = v.fromSeq; seq <= v.toSeq; seq += 1) voided.add(seq);
  }
  const out = new Map<number, CycleRecord>();
  const record = (c: number): CycleRecord => {
    let r = out.get(c);
    if (r === undefined) {
      r = { updates: [], submissions: new Map() };
      out.set(c, r);
    }
    return r;
  };
  for (const entry of entries) {
    if (voided.has(entry.seq)) continue;
    if (entry.kind === 'fill') {
      const f = parse(fillSchema, entry);
      record(f.cycle).updates.push({ kind: 'fill', clientOrderId: f.clientOrderId, time: entry.time, quantity: f.quantity, price: f.price, fee: f.fee, slippage: f.slippage });
    } else if (entry.kind === 'order_update') {
      const u = parse(updateSchema, entry);
      record(u.cycle).updates.push({ kind: u.status, clientOrderId: u.clientOrderId, reason: u.reason });
    } else if (entry.kind === 'order') {
      const o = parse(orderSchema, entry);
      SymbolId.parse(o.symbol);
      record(o.cycle).submissions.set(o.orderId, { orderId: o.orderId, symbol: o.symbol, quantity: o.quantity, submission: o.submission, reason: o.reason });
    }
  }
  return out;
}

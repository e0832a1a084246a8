/**
 * The transcript of a research debate: every participant's turn, kept in memory and
 * appended to the persistence's session journal as it happens.
 *
 * @module
 */
import { jsonSafe } from '@alphaswarm/core';
import type { EpochMs, JsonValue, PersistenceAdapter } from '@alphaswarm/core';

/** Who spoke. */
export type DebateParticipant = 'MarketMonitor' | 'QuantGenerator' | 'RiskSimulator' | 'RiskAnalyst' | 'Moderator';

/** What a turn is. */
export type DebateTurnKind = 'assessment' | 'proposal' | 'invalid_proposal' | 'risk_verdict' | 'advisory' | 'decision';

/** One turn of a debate. */
export interface DebateTurn {
  /** The debate (its journal session id). */
  readonly debateId: string;
  /** Position in the transcript: 0, 1, 2, … (the journal entry's `seq`). */
  readonly seq: number;
  /** The round: 0 for the assessment, 1 … maxRounds, and the last round used for the decision. */
  readonly round: number;
  /** Who spoke. */
  readonly participant: DebateParticipant;
  /** What the turn is; the journal entry's kind is `debate.<kind>`. */
  readonly kind: DebateTurnKind;
  /** The decision time the debate is about (epoch ms): the journal entry's time. */
  readonly time: EpochMs;
  /** The agent run behind the turn (model calls and tool calls are its steps), or null for a numeric participant. */
  readonly runId: string | null;
  /** What was said (JSON: non-finite numbers are null). */
  readonly payload: JsonValue;
}

/**
 * Records the turns of one debate: each turn is appended to the journal session
 * `debateId` (kind `debate.<kind>`, time = the decision time, payload
 * `{round, participant, runId, ...payload}`) and kept in order in memory.
 */
export class DebateTranscript {
  private readonly list: DebateTurn[] = [];

  /**
   * @param debateId - the journal session
   * @param time - the decision time stamped on every entry
   * @param persistence - where the journal lives
   */
  constructor(
    readonly debateId: string,
    readonly time: EpochMs,
    private readonly persistence: PersistenceAdapter,
  ) {}

  /** The turns so far, oldest first. */
  get turns(): readonly DebateTurn[] {
    return this.list;
  }

  /** Appends a turn to the journal and the transcript; returns it. */
  async record(round: number, participant: DebateParticipant, kind: DebateTurnKind, runId: string | null, payload: Readonly<Record<string, unknown>>): Promise<DebateTurn> {
    const safe = jsonSafe({ ...payload }) as JsonValue;
    const entry = await this.persistence.appendJournal({
      sessionId: this.debateId,
      time: this.time,
      kind: `debate.${kind}`,
      payload: { round, participant, runId, payload: safe },
    });
    const turn: DebateTurn = { debateId: this.debateId, seq: entry.seq, round, participant, kind, time: this.time, runId, payload: safe };
    this.list.push(turn);
    return turn;
  }
}

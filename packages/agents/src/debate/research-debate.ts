/**
 * The research debate: Market Monitor → Quant Generator ⇄ Risk Simulator, in bounded
 * rounds, with a stored transcript and a numeric consensus rule.
 *
 * @module
 */
import { InvalidArgumentError, SymbolId, toIso } from '@alphaswarm/core';
import type { BarFrame, EpochMs, InsightInit, KillSwitch, PersistenceAdapter } from '@alphaswarm/core';
import type { AgentRuntime } from '../runtime/agent-runtime.js';
import type { AgentSpec, AgentSpecInput } from '../spec/agent-spec.js';
import { probeAlpha } from './alpha-probe.js';
import { DebateTranscript } from './debate-transcript.js';
import type { DebateTurn } from './debate-transcript.js';
import { MarketMonitor } from './market-monitor.js';
import type { MarketAssessment } from './market-monitor.js';
import { bookFromInsights } from './proposed-book.js';
import type { ProposedBook } from './proposed-book.js';
import { assessmentContext, describeProposal } from './quant-generator.js';
import type { AlphaProposal, QuantGenerator, RoundFeedback } from './quant-generator.js';
import type { RiskSimulator, RiskVerdict } from './risk-simulator.js';

/**
 * The declared consensus rule of every {@link ResearchDebate}: the only way insights
 * leave a debate.
 */
export const DEBATE_CONSENSUS_RULE =
  'Insights are emitted only when the RiskSimulator approves a proposal in some round ≤ maxRounds: the proposal must build through the model registry, ' +
  'hold at least one position at the decision time, stay within the gross-exposure limit, and its Monte Carlo TVaR and drawdown-breach probability ' +
  'must be within the limits. The QuantGenerator\'s rationale and the RiskAnalyst\'s verdict are advisory and never change the outcome.';

/** The optional advisory Risk Analyst: an LLM agent that comments on each stress result. */
export interface RiskAnalystOptions {
  /** The agent runtime. */
  readonly runtime: AgentRuntime;
  /** Its spec; output `{verdict: approve|reject, reason}` (see `riskAnalystSpec`). */
  readonly spec: AgentSpec | AgentSpecInput;
  /** The deployment its runs belong to, if any. */
  readonly deploymentId?: string;
}

/** Options of {@link ResearchDebate}. */
export interface ResearchDebateOptions {
  /** Drafts the alpha (an LLM through `AgentRuntime`, gated by the registry). */
  readonly generator: QuantGenerator;
  /** Stresses the proposal and decides. */
  readonly simulator: RiskSimulator;
  /** Where the transcript is journaled (and where the agents' runs are recorded by their runtime). */
  readonly persistence: PersistenceAdapter;
  /** Assesses the regime for the generator (default `new MarketMonitor()`). */
  readonly monitor?: MarketMonitor;
  /** Advisory analyst; its verdict is recorded, never obeyed. */
  readonly analyst?: RiskAnalystOptions;
  /** Most generator/simulator rounds (default 3, at most 20). */
  readonly maxRounds?: number;
  /** Prefix of the journal session ids (default `research-debate`). */
  readonly sessionPrefix?: string;
  /** Period (ms) of the emitted insights; default open-ended (until replaced). */
  readonly insightPeriod?: number;
  /** Most bar times replayed when probing a proposed alpha (default 1000). */
  readonly probeBars?: number;
  /** Checked before every round: a halt ends the debate unapproved. */
  readonly killSwitch?: KillSwitch;
}

/** The outcome of one debate. */
export interface DebateOutcome {
  /** The journal session id of the transcript. */
  readonly debateId: string;
  /** The decision time: the last bar time the debate used (epoch ms). */
  readonly decisionTime: EpochMs;
  /** True when the Risk Simulator approved a proposal. */
  readonly approved: boolean;
  /** The round of the approval, or null. */
  readonly approvedRound: number | null;
  /** Rounds played. */
  readonly rounds: number;
  /** The approved proposal, or null. */
  readonly proposal: AlphaProposal | null;
  /** The approved book, or null. */
  readonly book: ProposedBook | null;
  /** The Risk Simulator's verdict of the last round played, or null when no book was stressed. */
  readonly verdict: RiskVerdict | null;
  /** The insights to emit: the approved book's positions, empty unless approved. */
  readonly insights: readonly InsightInit[];
  /** The monitor's assessment at the decision time. */
  readonly assessment: MarketAssessment;
  /** Every turn, in order (also in the journal session `debateId`). */
  readonly transcript: readonly DebateTurn[];
  /** {@link DEBATE_CONSENSUS_RULE}. */
  readonly consensusRule: string;
  /** Why the debate stopped early (kill switch), or null. */
  readonly haltReason: string | null;
}

const EMPTY_INSIGHTS: readonly InsightInit[] = Object.freeze([]);

/**
 * One research debate at a decision time, on the bars up to it (nothing later is
 * passed to any participant: no look-ahead):
 *
 * 1. the {@link MarketMonitor} assesses volatility and trend shifts (turn 0);
 * 2. each round, the {@link QuantGenerator} proposes `{class, kwargs, gross_exposure}`;
 *    the registry validates and builds the alpha; the alpha is replayed over the
 *    history (`probeAlpha`) to find the positions it holds at the decision time,
 *    sized to the gross exposure (`bookFromInsights`);
 * 3. the {@link RiskSimulator} stresses the book (Monte Carlo) and approves or
 *    rejects against its limits; an optional Risk Analyst LLM comments (advisory);
 * 4. a rejection, or an invalid proposal, is fed back with the numbers and the
 *    generator revises, up to `maxRounds`;
 * 5. the Moderator records the decision under {@link DEBATE_CONSENSUS_RULE}.
 *
 * Every turn goes to the persistence's journal (session `debateId`, kind
 * `debate.<kind>`, time = decision time) and into the returned transcript; the LLM
 * turns also carry their agent run ids (their model and tool calls are the runs' steps).
 */
export class ResearchDebate {
  /** The market monitor. */
  readonly monitor: MarketMonitor;
  /** Round budget. */
  readonly maxRounds: number;
  /** The declared consensus rule. */
  readonly consensusRule = DEBATE_CONSENSUS_RULE;
  private readonly options: ResearchDebateOptions;
  private readonly prefix: string;
  private readonly probeBars: number;

  /** @throws InvalidArgumentError naming the offending option. */
  constructor(options: ResearchDebateOptions) {
    if (typeof options.generator?.propose !== 'function') throw new InvalidArgumentError('generator', options.generator, 'a QuantGenerator');
    if (typeof options.simulator?.evaluate !== 'function') throw new InvalidArgumentError('simulator', options.simulator, 'a RiskSimulator');
    if (typeof options.persistence?.appendJournal !== 'function') throw new InvalidArgumentError('persistence', options.persistence, 'a PersistenceAdapter');
    const maxRounds = options.maxRounds ?? 3;
    if (!(Number.isSafeInteger(maxRounds) && maxRounds >= 1 && maxRounds <= 20)) throw new InvalidArgumentError('maxRounds', maxRounds, 'an integer in [1, 20]');
    const period = options.insightPeriod;
    if (period !== undefined && !(typeof period === 'number' && period > 0)) throw new InvalidArgumentError('insightPeriod', period, 'a positive duration in ms');
    const prefix = options.sessionPrefix ?? 'research-debate';
    if (typeof prefix !== 'string' || prefix === '' || prefix.length > 200) throw new InvalidArgumentError('sessionPrefix', prefix, 'a non-empty text of at most 200 characters');
    const probeBars = options.probeBars ?? 1000;
    if (!(Number.isSafeInteger(probeBars) && probeBars >= 1)) throw new InvalidArgumentError('probeBars', probeBars, 'a positive integer');
    this.options = options;
    this.monitor = options.monitor ?? new MarketMonitor();
    this.maxRounds = maxRounds;
    this.prefix = prefix;
    this.probeBars = probeBars;
  }

  /**
   * Runs a debate on the bars of `frame` at or before `asOf` (default: the last bar);
   * the decision time is the last bar time at or before `asOf`. See the class
   * description.
   *
   * @throws InvalidArgumentError when no bar is at or before `asOf`; errors of the
   *   persistence and of `AgentRuntime.run` (bad spec); never for a bad proposal.
   */
  async run(frame: BarFrame, asOf?: EpochMs): Promise<DebateOutcome> {
    const times = frame.timestamps();
    let index = times.length - 1;
    if (asOf !== undefined) while (index >= 0 && (times[index] ?? Number.NaN) > asOf) index -= 1;
    const decisionTime = times[index];
    if (decisionTime === undefined) throw new InvalidArgumentError('asOf', asOf, 'a time at or after the first bar of the frame');
    const data = frame.select({ end: decisionTime });
    const debateId = await this.sessionId(decisionTime);
    const transcript = new DebateTranscript(debateId, decisionTime, this.options.persistence);
    const assessment = this.monitor.assess(data, decisionTime);
    await transcript.record(0, 'MarketMonitor', 'assessment', null, assessmentContext(assessment));

    const feedback: RoundFeedback[] = [];
    let approved: { round: number; proposal: AlphaProposal; book: ProposedBook } | null = null;
    let lastVerdict: RiskVerdict | null = null;
    let haltReason: string | null = null;
    let round = 0;
    while (round < this.maxRounds) {
      const killSwitch = this.options.killSwitch;
      if (killSwitch?.isHalted === true) {
        haltReason = `kill switch: ${killSwitch.reason ?? 'halted'}`;
        break;
      }
      round += 1;
      const turn = await this.options.generator.propose({ decisionTime, assessment, round, maxRounds: this.maxRounds, feedback });
      let book: ProposedBook | null = null;
      let error = turn.error;
      if (turn.proposal !== null && turn.model !== null) {
        try {
          book = bookFromInsights(probeAlpha(turn.model, data, { asOf: decisionTime, maxBars: this.probeBars }), turn.proposal.grossExposure);
        } catch (probeError) {
          error = `the proposed alpha failed on the history: ${probeError instanceof Error ? probeError.message : String(probeError)}`;
        }
      }
      if (turn.proposal === null || book === null) {
        const reason = error ?? 'invalid proposal';
        await transcript.record(round, 'QuantGenerator', 'invalid_proposal', turn.runId, { agentStatus: turn.agentStatus, output: turn.output, error: reason });
        feedback.push({ round, outcome: 'invalid', proposal: describeProposal(turn.output), reasons: [reason], metrics: null, limits: null });
        continue;
      }
      const proposal = turn.proposal;
      await transcript.record(round, 'QuantGenerator', 'proposal', turn.runId, {
        class: proposal.class,
        kwargs: proposal.kwargs,
        gross_exposure: proposal.grossExposure,
        rationale: proposal.rationale,
        book: book.positions,
      });
      const verdict = await this.options.simulator.evaluate(book, data, decisionTime);
      lastVerdict = verdict;
      await transcript.record(round, 'RiskSimulator', 'risk_verdict', null, { approved: verdict.approved, reasons: verdict.reasons, metrics: verdict.metrics, limits: verdict.limits });
      if (this.options.analyst !== undefined) await this.advise(transcript, round, proposal, book, verdict);
      if (verdict.approved) {
        approved = { round, proposal, book };
        break;
      }
      feedback.push({
        round,
        outcome: 'rejected',
        proposal: { class: proposal.class, kwargs: proposal.kwargs, gross_exposure: proposal.grossExposure },
        reasons: [...verdict.reasons],
        metrics: verdict.metrics === null ? null : { ...verdict.metrics },
        limits: { ...verdict.limits },
      });
    }

    const insights = approved === null ? EMPTY_INSIGHTS : this.insightsOf(approved.book, debateId, approved.round);
    await transcript.record(Math.max(round, 0), 'Moderator', 'decision', null, {
      approved: approved !== null,
      approvedRound: approved?.round ?? null,
      rounds: round,
      rule: DEBATE_CONSENSUS_RULE,
      haltReason,
      insights: insights.map((i) => ({ symbol: i.symbol.value, direction: i.direction, weight: i.weight ?? null, period: i.period ?? null, tag: i.tag ?? null })),
    });
    return {
      debateId,
      decisionTime,
      approved: approved !== null,
      approvedRound: approved?.round ?? null,
      rounds: round,
      proposal: approved?.proposal ?? null,
      book: approved?.book ?? null,
      verdict: lastVerdict,
      insights,
      assessment,
      transcript: transcript.turns,
      consensusRule: DEBATE_CONSENSUS_RULE,
      haltReason,
    };
  }

  /** The approved book as insights: direction from the sign, weight = |weight|. */
  private insightsOf(book: ProposedBook, debateId: string, round: number): readonly InsightInit[] {
    const period = this.options.insightPeriod;
    return book.positions.map((p) => ({
      symbol: SymbolId.parse(p.symbol),
      direction: p.direction,
      weight: Math.abs(p.weight),
      ...(period === undefined ? {} : { period }),
      ...(p.confidence === undefined ? {} : { confidence: p.confidence }),
      ...(p.magnitude === undefined ? {} : { magnitude: p.magnitude }),
      tag: `${debateId} round ${round}`,
    }));
  }

  /** Runs the advisory analyst and records its turn; its verdict changes nothing. */
  private async advise(transcript: DebateTranscript, round: number, proposal: AlphaProposal, book: ProposedBook, verdict: RiskVerdict): Promise<void> {
    const analyst = this.options.analyst;
    if (analyst === undefined) return;
    const context = JSON.parse(
      JSON.stringify({
        proposal: { class: proposal.class, kwargs: proposal.kwargs, gross_exposure: proposal.grossExposure },
        book: book.positions,
        metrics: verdict.metrics,
        limits: verdict.limits,
      }),
    ) as unknown;
    const result = await analyst.runtime.run(
      analyst.spec,
      { prompt: 'Give your advisory verdict on this proposal given the Monte Carlo stress and the limits.', context },
      analyst.deploymentId === undefined ? {} : { deploymentId: analyst.deploymentId },
    );
    const output = result.output as { verdict?: unknown; reason?: unknown } | null;
    const said = result.status === 'completed' && output !== null && typeof output === 'object' ? output.verdict : null;
    await transcript.record(round, 'RiskAnalyst', 'advisory', result.runId, {
      agentStatus: result.status,
      verdict: typeof said === 'string' ? said : null,
      reason: typeof output?.reason === 'string' ? output.reason : (result.reason ?? null),
      simulatorApproved: verdict.approved,
      binding: false,
    });
  }

  /** `prefix:ISO-time`, with `#2`, `#3`, … when that journal session is already used. */
  private async sessionId(time: EpochMs): Promise<string> {
    const base = `${this.prefix}:${toIso(time)}`;
    for (let n = 1; ; n += 1) {
      const id = n === 1 ? base : `${base}#${n}`;
      const entries = await this.options.persistence.listJournal({ sessionId: id });
      if (entries.length === 0) return id;
    }
  }
}

/**
 * The Quant Generator of the research debate: an LLM agent that drafts an alpha as
 * a registered model class with parameters, gated by the model registry.
 *
 * @module
 */
import { InvalidArgumentError, jsonSafe } from '@alphaswarm/core';
import type { AlphaModel, EpochMs, ModelRegistry } from '@alphaswarm/core';
import { z } from 'zod';
import type { AgentRunStatus } from '../runtime/agent-run-result.js';
import type { AgentRuntime } from '../runtime/agent-runtime.js';
import type { AgentSpec, AgentSpecInput } from '../spec/agent-spec.js';
import type { MarketAssessment } from './market-monitor.js';

/** A validated proposal: a registered alpha class, its kwargs, a gross exposure and the rationale. */
export interface AlphaProposal {
  /** Registered class name (kind `alpha`). */
  readonly class: string;
  /** Keyword arguments, as validated by the registry (the model's input, before defaults). */
  readonly kwargs: Readonly<Record<string, unknown>>;
  /** Σ |weight| the positions are sized to, a fraction of equity. */
  readonly grossExposure: number;
  /** The generator's reasoning (advisory text). */
  readonly rationale: string;
}

/** A proposal as the model wrote it, repeated in the feedback of a later round. */
export interface FeedbackProposal {
  /** The class named. */
  readonly class: string;
  /** The kwargs as written. */
  readonly kwargs: unknown;
  /** The gross exposure as written. */
  readonly gross_exposure: unknown;
}

/** A registered alpha class offered to the generator. */
export interface AlphaCatalogEntry {
  /** Registered class name. */
  readonly class: string;
  /** Its one-line description from the registry. */
  readonly description: string;
}

/** What the generator is told about an earlier round of the same debate. */
export interface RoundFeedback {
  /** The round (1-based). */
  readonly round: number;
  /** What happened: the proposal was invalid (refused before any stress), or rejected by the simulator (an empty book included). */
  readonly outcome: 'invalid' | 'rejected';
  /** The proposal as written, when there was one. */
  readonly proposal: FeedbackProposal | null;
  /** Why: the validation error or the simulator's reasons. */
  readonly reasons: readonly string[];
  /** The simulator's numbers (JSON), when the book was stressed. */
  readonly metrics: Readonly<Record<string, unknown>> | null;
  /** The limits applied (JSON), for a rejection. */
  readonly limits: Readonly<Record<string, unknown>> | null;
}

/** What the generator is asked in one round. */
export interface GeneratorRequest {
  /** The decision time (last bar the debate may use), epoch ms. */
  readonly decisionTime: EpochMs;
  /** The market monitor's assessment at that time. */
  readonly assessment: MarketAssessment;
  /** The round (1-based). */
  readonly round: number;
  /** The debate's round budget. */
  readonly maxRounds: number;
  /** Earlier rounds of this debate, oldest first. */
  readonly feedback: readonly RoundFeedback[];
}

/** One turn of the generator. */
export interface GeneratorTurn {
  /** The agent run id (the run's model calls and steps are in the persistence). */
  readonly runId: string;
  /** How the agent run ended. */
  readonly agentStatus: AgentRunStatus;
  /** The agent's output as given (JSON, or the HOLD output). */
  readonly output: unknown;
  /** The validated proposal, or null when the output was not a valid, registered alpha. */
  readonly proposal: AlphaProposal | null;
  /** The alpha model built by `registry.create` (a fresh instance), or null. */
  readonly model: AlphaModel | null;
  /** Why the proposal was refused, or null. */
  readonly error: string | null;
}

/** Options of {@link QuantGenerator}. */
export interface QuantGeneratorOptions {
  /** The agent runtime (the only path to the model). */
  readonly runtime: AgentRuntime;
  /** The generator's agent spec; its output must be an object `{class, kwargs, gross_exposure, rationale}` (see `quantGeneratorSpec`). */
  readonly spec: AgentSpec | AgentSpecInput;
  /** The registry that resolves and validates the proposed class. */
  readonly registry: ModelRegistry;
  /** The deployment the agent runs belong to, if any. */
  readonly deploymentId?: string;
}

/** Shape of the agent's output (checked again here, whatever spec the host gave). */
const OutputSchema = z.object({
  class: z.string().min(1),
  kwargs: z.record(z.string(), z.unknown()),
  gross_exposure: z.number().finite().positive(),
  rationale: z.string(),
});

/**
 * The proposal part of an agent output, as written (for feedback), or null when it
 * names no class.
 *
 * @internal
 */
export function describeProposal(output: unknown): FeedbackProposal | null {
  if (output === null || typeof output !== 'object') return null;
  const o = output as Record<string, unknown>;
  return typeof o.class === 'string' ? { class: o.class, kwargs: o.kwargs ?? null, gross_exposure: o.gross_exposure ?? null } : null;
}

/**
 * Asks an LLM agent (through {@link AgentRuntime}) for an alpha proposal, and lets
 * only what the registry accepts through:
 *
 * 1. the run must complete (a HOLD — cost cap, malformed output — is a refused turn);
 * 2. the output must be `{class, kwargs, gross_exposure > 0, rationale}`;
 * 3. `class` must be registered with kind `alpha`;
 * 4. `registry.create({class, kwargs})` must succeed: the model's own kwargs schema
 *    and constructor checks are the gate on what may be proposed.
 *
 * The prompt carries the decision time, the monitor's assessment, the registered
 * alpha classes with their descriptions, and the feedback of earlier rounds (errors,
 * the simulator's numbers and limits). A refused turn is returned with its error,
 * never thrown, so the debate can feed it back.
 */
export class QuantGenerator {
  private readonly runtime: AgentRuntime;
  private readonly spec: AgentSpec | AgentSpecInput;
  private readonly registry: ModelRegistry;
  private readonly deploymentId: string | undefined;

  /** @throws InvalidArgumentError for a missing runtime, spec or registry. */
  constructor(options: QuantGeneratorOptions) {
    if (typeof options.runtime?.run !== 'function') throw new InvalidArgumentError('runtime', options.runtime, 'an AgentRuntime');
    if (options.spec === null || typeof options.spec !== 'object') throw new InvalidArgumentError('spec', options.spec, 'an agent spec');
    if (typeof options.registry?.create !== 'function') throw new InvalidArgumentError('registry', options.registry, 'a ModelRegistry');
    this.runtime = options.runtime;
    this.spec = options.spec;
    this.registry = options.registry;
    this.deploymentId = options.deploymentId;
  }

  /** The registered alpha classes offered to the model, with descriptions. */
  alphaCatalog(): AlphaCatalogEntry[] {
    return this.registry.names('alpha').map((name) => ({ class: name, description: this.registry.describe(name)?.description ?? '' }));
  }

  /**
   * Runs the agent once and validates its proposal; see the class description.
   *
   * @throws what `AgentRuntime.run` throws for a bad spec or failing persistence.
   */
  async propose(request: GeneratorRequest): Promise<GeneratorTurn> {
    const prompt =
      request.round === 1
        ? 'Propose one alpha model for the market described in the context.'
        : `Round ${request.round} of ${request.maxRounds}: your earlier proposals were refused (see feedback in the context). Propose a revised alpha model that meets the limits.`;
    const context = jsonSafe({
      decision_time: request.assessment.timeIso,
      round: request.round,
      max_rounds: request.maxRounds,
      market: assessmentContext(request.assessment),
      alpha_classes: this.alphaCatalog(),
      feedback: request.feedback.map((f) => ({ ...f, reasons: [...f.reasons] })),
    });
    const result = await this.runtime.run(this.spec, { prompt, context }, this.deploymentId === undefined ? {} : { deploymentId: this.deploymentId });
    const base = { runId: result.runId, agentStatus: result.status, output: result.output };
    if (result.status !== 'completed') {
      return { ...base, proposal: null, model: null, error: `agent ${result.status}: ${result.reason ?? 'no answer'}` };
    }
    const parsed = OutputSchema.safeParse(result.output);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ...base, proposal: null, model: null, error: `malformed proposal at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
    }
    const { class: name, kwargs, gross_exposure: grossExposure, rationale } = parsed.data;
    const described = this.registry.describe(name);
    if (described !== undefined && described.kind !== 'alpha') {
      return { ...base, proposal: null, model: null, error: `proposal.class: ${name} is a registered ${described.kind} model, not an alpha model` };
    }
    let model: unknown;
    try {
      model = this.registry.create({ class: name, kwargs }, 'proposal');
    } catch (error) {
      return { ...base, proposal: null, model: null, error: error instanceof Error ? error.message : String(error) };
    }
    if (model === null || typeof model !== 'object' || typeof (model as { update?: unknown }).update !== 'function') {
      return { ...base, proposal: null, model: null, error: `proposal.class: ${name} did not build an AlphaModel` };
    }
    return { ...base, proposal: { class: name, kwargs, grossExposure, rationale }, model: model as AlphaModel, error: null };
  }
}

/** The assessment as JSON context for the model (nulls for missing figures). */
export function assessmentContext(assessment: MarketAssessment): Record<string, unknown> {
  return {
    time: assessment.timeIso,
    shift: assessment.shift,
    reasons: [...assessment.reasons],
    volatility_level: assessment.volatilityLevel,
    trend_level: assessment.trendLevel,
    symbols: assessment.symbols.map((s) => ({
      symbol: s.symbol,
      regime: s.regime,
      variance_ratio: s.varianceRatio,
      variance_ratio_p_value: s.varianceRatioPValue,
      drift_per_bar: s.drift,
      trend_t: s.trendT,
      trend_p_value: s.trendPValue,
    })),
  };
}

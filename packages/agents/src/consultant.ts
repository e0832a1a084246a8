import { isAbsolute, resolve } from 'node:path';
import type { AgentConsultant, Bot, ConsultContext } from '@alphaswarm/core';
import { InvalidArgumentError } from '@alphaswarm/core';
import type { AgentRunStatus } from './runtime/agent-run-result.js';
import type { AgentRuntime } from './runtime/agent-runtime.js';
import type { AgentSpec } from './spec/agent-spec.js';
import { loadAgentSpecFile, parseAgentSpec } from './spec/agent-spec.js';

/** Options of an {@link AgentBotConsultant}. */
export interface AgentBotConsultantOptions {
  /** The runtime that runs every agent. */
  readonly runtime: AgentRuntime;
  /** Folder that relative agent spec paths are resolved against; default the working directory. */
  readonly baseDir?: string;
}

/** One agent's answer in a consultation. */
export interface AgentAnswer {
  /** The agent's name in the bot spec (`agents[i].name`). */
  readonly agent: string;
  /** The persisted agent run id. */
  readonly runId: string;
  /** How the run ended. */
  readonly status: AgentRunStatus;
  /** The agent's output, or the safe HOLD output when it did not complete. */
  readonly output: unknown;
}

/** What {@link AgentBotConsultant.consult} returns: one answer per agent of the bot, in spec order. */
export interface AgentConsultation {
  /** The answers, in the order of the bot spec's `agents`. */
  readonly answers: readonly AgentAnswer[];
}

/**
 * Core's {@link AgentConsultant} backed by an {@link AgentRuntime}: for a bot, loads
 * each `spec.agents[i].spec` (an inline object, or a YAML path relative to `baseDir`)
 * and runs the agents one after another on the question, with the bot as JSON context
 * (`{ bot: { name, slug, kind, symbols } }`) and the consultation's `deploymentId`.
 * Agents answer; they never place orders.
 */
export class AgentBotConsultant implements AgentConsultant {
  private readonly runtime: AgentRuntime;
  private readonly baseDir: string | undefined;

  /** @param options - the runtime and the base folder of spec paths */
  constructor(options: AgentBotConsultantOptions) {
    if (typeof options.runtime?.run !== 'function') throw new InvalidArgumentError('runtime', options.runtime, 'an AgentRuntime');
    this.runtime = options.runtime;
    this.baseDir = options.baseDir;
  }

  /**
   * Runs every agent of the bot on the question. All specs are loaded first, so a bad
   * spec fails before any agent runs.
   *
   * @throws {@link @alphaswarm/core!SpecValidationError} naming `agents[i].spec…` (inline) or the file;
   *   `AlphaSwarmError` `SPEC_NOT_FOUND` for an unreadable file; errors of {@link AgentRuntime.run}
   */
  async consult(bot: Bot, question: string, context: ConsultContext = {}): Promise<AgentConsultation> {
    if (typeof question !== 'string' || question.trim() === '') throw new InvalidArgumentError('question', question, 'a non-empty question');
    const specs = bot.spec.agents.map((ref, i) => ({ name: ref.name, spec: this.load(ref.spec, i) }));
    const botContext = { bot: { name: bot.spec.name, slug: bot.spec.slug, kind: bot.kind, symbols: [...bot.spec.universe.symbols] } };
    const answers: AgentAnswer[] = [];
    for (const { name, spec } of specs) {
      const result = await this.runtime.run(
        spec,
        { prompt: question, context: botContext },
        context.deploymentId === undefined ? {} : { deploymentId: context.deploymentId },
      );
      answers.push({ agent: name, runId: result.runId, status: result.status, output: result.output });
    }
    return { answers };
  }

  private load(spec: string | Readonly<Record<string, unknown>>, index: number): AgentSpec {
    if (typeof spec !== 'string') return parseAgentSpec(spec, `agents[${index}].spec`);
    const path = isAbsolute(spec) ? spec : resolve(this.baseDir ?? process.cwd(), spec);
    return loadAgentSpecFile(path);
  }
}

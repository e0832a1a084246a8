import type { BacktestResult } from '../backtest/result.js';
import { EventDrivenBacktester } from '../backtest/engine.js';
import type { KillSwitch } from '../kill-switch.js';
import { BpsFee } from '../orders/fees.js';
import { FixedBpsSlippage } from '../orders/slippage.js';
import type { ProgressEmitter } from '../progress.js';
import type { ModelRegistry } from '../registry/registry.js';
import { summarizeBacktest, type BacktestSummary } from './backtest-summary.js';
import { buildAlgorithm } from './build-algorithm.js';
import { loadBotData, periodsPerYearOf } from './bot-data.js';
import { BotMethodNotSupported, NotAvailableError } from './bot-errors.js';
import type { BotSpec } from './bot-spec.js';
import type { DeploymentContext, DeploymentOutcome, DeploymentTarget } from './deployment-target.js';
import { evaluateMetrics, type MetricResult } from './metrics.js';

/** Runs a paper-trading session for a bot (provided by the paper-trading module). */
export interface PaperRunner {
  /** Runs the session and returns its JSON-safe summary. */
  run(bot: Bot, options: PaperOptions): Promise<unknown>;
}

/** Options of a paper session started from a bot. */
export interface PaperOptions {
  /** Replay the spec's data deterministically instead of a live feed. */
  readonly replay?: boolean;
}

/** Where a consultation is recorded. */
export interface ConsultContext {
  /** Deployment row the agent runs belong to. */
  readonly deploymentId?: string;
}

/** Answers questions through the bot's agents (provided by the agents package). */
export interface AgentConsultant {
  /** Runs the bot's agents on a question and returns their outputs. */
  consult(bot: Bot, question: string, context?: ConsultContext): Promise<unknown>;
}

/** What a bot needs from its host. */
export interface BotDependencies {
  /** Resolves the spec's model classes. */
  readonly registry: ModelRegistry;
  /** Folder that relative paths in the spec (CSV data) are resolved against. */
  readonly baseDir?: string;
  /** Receives progress frames. */
  readonly progress?: ProgressEmitter;
  /** Stops work when halted. */
  readonly killSwitch?: KillSwitch;
  /** Runs paper sessions; without it `paper()` throws {@link NotAvailableError}. */
  readonly paper?: PaperRunner;
  /** Runs agents; without it `chat()`/`consultAgents()` throw {@link NotAvailableError}. */
  readonly agents?: AgentConsultant;
}

/** Per-run options of a bot backtest. */
export interface BotBacktestOptions {
  /** Hash of the spec version the run belongs to. */
  readonly specHash?: string;
  /** Spec version id the run belongs to. */
  readonly versionId?: string;
  /** Task id of progress frames. */
  readonly taskId?: string;
}

/** The outcome of a bot backtest: the full result, the metric verdicts and the summary. */
export interface BotBacktestOutcome {
  /** The engine's result. */
  readonly result: BacktestResult;
  /** Metric thresholds of the spec and whether they passed. */
  readonly metrics: readonly MetricResult[];
  /** JSON-ready summary. */
  readonly summary: BacktestSummary;
}

/**
 * A bot made from a validated {@link BotSpec}. Subclasses say which methods their
 * kind supports; the others throw {@link BotMethodNotSupported}.
 */
export abstract class Bot {
  /** The bot's kind. */
  abstract readonly kind: 'trading' | 'research';

  /**
   * @param spec - the validated spec
   * @param deps - registry and optional host services
   */
  constructor(
    readonly spec: BotSpec,
    protected readonly deps: BotDependencies,
  ) {}

  /** Backtests the spec's strategy on the spec's data with the event-driven engine. */
  async backtest(options: BotBacktestOptions = {}): Promise<BotBacktestOutcome> {
    const spec = this.spec;
    const algorithm = buildAlgorithm(spec, this.deps.registry);
    const data = await loadBotData(spec, this.deps.baseDir);
    const k = spec.backtest.kwargs;
    const engine = new EventDrivenBacktester({
      initialCash: k.initial_cash,
      periodsPerYear: periodsPerYearOf(spec),
      ...(k.free_portfolio_value_pct === undefined ? {} : { freePortfolioValuePct: k.free_portfolio_value_pct }),
      ...(k.leverage === undefined ? {} : { leverage: k.leverage }),
      ...(k.seed === undefined ? {} : { seed: k.seed }),
      ...(k.commission_bps === undefined ? {} : { fees: new BpsFee(k.commission_bps) }),
      ...(k.slippage_bps === undefined ? {} : { slippage: new FixedBpsSlippage(k.slippage_bps) }),
      ...(this.deps.progress === undefined ? {} : { progress: this.deps.progress }),
      ...(this.deps.killSwitch === undefined ? {} : { killSwitch: this.deps.killSwitch }),
      taskId: options.taskId ?? spec.slug,
      progressEvery: Math.max(1, Math.ceil(data.length / 50)),
    });
    const result = await engine.runAsync(algorithm, data, options.specHash === undefined ? {} : { specHash: options.specHash });
    const metrics = evaluateMetrics(result.statistics, spec.metrics);
    const summary = summarizeBacktest(result, { specHash: options.specHash ?? null, versionId: options.versionId ?? null, metrics });
    return { result, metrics, summary };
  }

  /**
   * Deploys the bot to a target (`backtest_only`, `paper_session`, `kubernetes`).
   * `BotRuntime.deploy` does this with a deployment row and the stored version.
   */
  deploy(_target: DeploymentTarget, _context: DeploymentContext): Promise<DeploymentOutcome> {
    return Promise.reject(new BotMethodNotSupported(this.kind, 'deploy'));
  }

  /** Runs a paper-trading session. */
  paper(_options: PaperOptions = {}): Promise<unknown> {
    return Promise.reject(new BotMethodNotSupported(this.kind, 'paper'));
  }

  /** Asks the bot's agents for insights on a question. */
  consultAgents(_question: string, _context: ConsultContext = {}): Promise<unknown> {
    return Promise.reject(new BotMethodNotSupported(this.kind, 'consultAgents'));
  }

  /** Chats with the bot's agents. */
  chat(_question: string, _context: ConsultContext = {}): Promise<unknown> {
    return Promise.reject(new BotMethodNotSupported(this.kind, 'chat'));
  }

  /** Throws unless the host provided a paper runner. */
  protected paperRunner(): PaperRunner {
    if (this.deps.paper === undefined) throw new NotAvailableError('paper trading', 'the host did not provide a paper session runner (BotDependencies.paper)');
    return this.deps.paper;
  }

  /** Throws unless the host provided an agent consultant. */
  protected agentConsultant(): AgentConsultant {
    if (this.deps.agents === undefined) throw new NotAvailableError('agents', 'the host did not provide an agent runtime (BotDependencies.agents)');
    if (this.spec.agents.length === 0) throw new BotMethodNotSupported(this.kind, 'consulting agents', 'the spec lists no agents');
    return this.deps.agents;
  }
}

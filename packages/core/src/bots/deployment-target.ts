import { AlphaSwarmError } from '../errors.js';
import type { FinishedRunStatus } from '../persistence/run-status.js';
import type { DeploymentKind } from '../persistence/deployment-records.js';
import type { Bot } from './bot.js';
import { jsonSafe } from './backtest-summary.js';
import type { BotSpec } from './bot-spec.js';

/** The names of deployment targets a spec may ask for. */
export type DeploymentTargetName = BotSpec['deployment']['target'];

/** What a deployment is given besides the bot. */
export interface DeploymentContext {
  /** The deployment row's id. */
  readonly deploymentId: string;
  /** Spec hash of the version being deployed. */
  readonly specHash: string;
  /** Spec version id being deployed. */
  readonly versionId: string;
  /** Project the bot belongs to. */
  readonly projectId: string;
}

/** How a deployment ended. */
export interface DeploymentOutcome {
  /** Final status of the deployment row. */
  readonly status: FinishedRunStatus;
  /** JSON-safe result stored on the row. */
  readonly result: unknown;
}

/** Somewhere a bot can be deployed. */
export interface DeploymentTarget {
  /** The name specs use. */
  readonly name: DeploymentTargetName;
  /** The deployment-row kind this target records. */
  readonly kind: DeploymentKind;
  /** Deploys the bot. */
  deploy(bot: Bot, context: DeploymentContext): Promise<DeploymentOutcome>;
}

/** `backtest_only`: a deployment is a backtest of the spec on its data. */
export class BacktestOnlyTarget implements DeploymentTarget {
  /** Target name. */
  readonly name = 'backtest_only' as const;
  /** Row kind. */
  readonly kind = 'backtest' as const;

  /** Runs the backtest and stores its summary. */
  async deploy(bot: Bot, context: DeploymentContext): Promise<DeploymentOutcome> {
    const outcome = await bot.backtest({ specHash: context.specHash, versionId: context.versionId, taskId: context.deploymentId });
    return { status: outcome.result.halted ? 'halted' : 'succeeded', result: jsonSafe(outcome.summary) };
  }
}

/** `paper_session`: a deployment is a paper-trading session. */
export class PaperSessionTarget implements DeploymentTarget {
  /** Target name. */
  readonly name = 'paper_session' as const;
  /** Row kind. */
  readonly kind = 'paper' as const;

  /** Runs the bot's paper session. */
  async deploy(bot: Bot): Promise<DeploymentOutcome> {
    return { status: 'succeeded', result: jsonSafe(await bot.paper({})) };
  }
}

/** Picks the target a spec names among those registered. */
export class DeploymentDispatcher {
  private readonly targets = new Map<DeploymentTargetName, DeploymentTarget>();

  /** @param targets - the available targets (later ones replace earlier ones of the same name) */
  constructor(targets: readonly DeploymentTarget[]) {
    for (const target of targets) this.targets.set(target.name, target);
  }

  /** The target called `name`. @throws {@link AlphaSwarmError} code `UNKNOWN_TARGET` */
  target(name: DeploymentTargetName): DeploymentTarget {
    const target = this.targets.get(name);
    if (target === undefined) {
      throw new AlphaSwarmError('UNKNOWN_TARGET', `deployment.target: no deployment target ${JSON.stringify(name)} is available (have: ${[...this.targets.keys()].join(', ')})`, {
        path: 'deployment.target',
        value: name,
      });
    }
    return target;
  }
}

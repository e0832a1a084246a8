import { Bot, type ConsultContext, type PaperOptions } from './bot.js';
import type { DeploymentContext, DeploymentOutcome, DeploymentTarget } from './deployment-target.js';

/** A bot that trades: backtest, paper, deploy and consult its agents. Chat is not supported. */
export class TradingBot extends Bot {
  /** Always `trading`. */
  readonly kind = 'trading' as const;

  /** Deploys the bot to `target`. */
  override deploy(target: DeploymentTarget, context: DeploymentContext): Promise<DeploymentOutcome> {
    return target.deploy(this, context);
  }

  /** Runs a paper-trading session through the host's paper runner. */
  override async paper(options: PaperOptions = {}): Promise<unknown> {
    return this.paperRunner().run(this, options);
  }

  /** Runs the bot's agents on a question; their insights feed the pipeline, never orders. */
  override async consultAgents(question: string, context: ConsultContext = {}): Promise<unknown> {
    return this.agentConsultant().consult(this, question, context);
  }
}

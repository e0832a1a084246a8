import { Bot, type ConsultContext, type PaperOptions } from './bot.js';

/** A bot that trades: backtest, paper, deploy and consult its agents. Chat is not supported. */
export class TradingBot extends Bot {
  /** Always `trading`. */
  readonly kind = 'trading' as const;

  /** Runs a paper-trading session through the host's paper runner. */
  override async paper(options: PaperOptions = {}): Promise<unknown> {
    return this.paperRunner().run(this, options);
  }

  /** Runs the bot's agents on a question; their insights feed the pipeline, never orders. */
  override async consultAgents(question: string, context: ConsultContext = {}): Promise<unknown> {
    return this.agentConsultant().consult(this, question, context);
  }
}

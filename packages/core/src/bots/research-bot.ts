import { Bot, type BotBacktestOptions, type BotBacktestOutcome, type ConsultContext } from './bot.js';
import { BotMethodNotSupported } from './bot-errors.js';

/** A bot that researches: chat with its agents, and backtest only when its spec has a strategy. */
export class ResearchBot extends Bot {
  /** Always `research`. */
  readonly kind = 'research' as const;

  /** Backtests the strategy; a research spec without one cannot. */
  override backtest(options: BotBacktestOptions = {}): Promise<BotBacktestOutcome> {
    if (this.spec.strategy === undefined) return Promise.reject(new BotMethodNotSupported('research', 'backtest', 'the spec has no strategy'));
    return super.backtest(options);
  }

  /** Chats with the bot's agents. */
  override async chat(question: string, context: ConsultContext = {}): Promise<unknown> {
    return this.agentConsultant().consult(this, question, context);
  }
}

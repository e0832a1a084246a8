import type { Bot, BotDependencies } from './bot.js';
import type { BotSpec } from './bot-spec.js';
import { ResearchBot } from './research-bot.js';
import { TradingBot } from './trading-bot.js';

/** The bot class a spec's `kind` calls for. */
export function createBot(spec: BotSpec, deps: BotDependencies): Bot {
  return spec.kind === 'research' ? new ResearchBot(spec, deps) : new TradingBot(spec, deps);
}

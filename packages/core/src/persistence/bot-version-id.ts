import { contentId } from '../spec/content-id.js';

/**
 * The spec kind under which bots hash-lock their specs. A bot's spec series is
 * (`bot`, botId): one series per bot, so bot version n is spec version n of that series.
 */
export const BOT_SPEC_KIND = 'bot';

/**
 * The content-derived id of a bot version: `botv_` + the first 128 bits of
 * SHA-256(canonical `["alphaswarm.bot-version", botId, specHash]`). The same spec on
 * the same bot always has the same bot version id.
 */
export function botVersionIdOf(botId: string, specHash: string): string {
  return contentId('botv', ['alphaswarm.bot-version', botId, specHash]);
}

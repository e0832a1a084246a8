import { AlphaSwarmError } from '../errors.js';

/** A bot of this kind does not do that (e.g. `paper` on a research bot). Code `BOT_METHOD_NOT_SUPPORTED`. */
export class BotMethodNotSupported extends AlphaSwarmError {
  /**
   * @param kind - the bot kind
   * @param method - the method called
   * @param why - what the bot needs for it, if anything
   */
  constructor(kind: string, method: string, why = '') {
    super('BOT_METHOD_NOT_SUPPORTED', `a ${kind} bot does not support ${method}()${why === '' ? '' : `: ${why}`}`, { path: method, value: kind });
  }
}

/** A capability needs a component the host has not provided. Code `NOT_AVAILABLE`. */
export class NotAvailableError extends AlphaSwarmError {
  /**
   * @param what - the capability, e.g. `paper trading`
   * @param how - how to make it available
   */
  constructor(what: string, how: string) {
    super('NOT_AVAILABLE', `${what} is not available: ${how}`, { path: what });
  }
}

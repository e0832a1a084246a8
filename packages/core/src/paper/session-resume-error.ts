import { AlphaSwarmError } from '../errors.js';

/**
 * A paper session could not resume from its saved state: the state belongs to
 * another algorithm, spec or feed, or replaying the processed cycles did not rebuild
 * it. Code `SESSION_RESUME_MISMATCH`; `path` names the field (`portfolio`, `specHash`, …).
 */
export class SessionResumeError extends AlphaSwarmError {
  /**
   * @param field - the state field that differs
   * @param message - what differs and why it matters
   */
  constructor(field: string, message: string) {
    super('SESSION_RESUME_MISMATCH', `cannot resume the session: ${field}: ${message}`, { path: field });
  }
}

import { AlphaSwarmError } from '../errors.js';

/** Options of an {@link LlmRequestError}. */
export interface LlmRequestErrorOptions {
  /** HTTP status of the last attempt, when the server answered. */
  readonly status?: number;
  /** True when the last attempt timed out. */
  readonly timedOut?: boolean;
  /** True when the caller aborted the request (an `AbortSignal`). */
  readonly aborted?: boolean;
  /** The underlying error. */
  readonly cause?: unknown;
}

/**
 * A completion request failed after the adapter's own retries: the server refused it,
 * timed out, could not be reached, was aborted, or a scripted adapter ran out of
 * replies. Code `LLM_TIMEOUT` when it timed out, `LLM_ABORTED` when aborted, else
 * `LLM_REQUEST_FAILED`. Messages never carry credentials.
 */
export class LlmRequestError extends AlphaSwarmError {
  /** HTTP status of the last attempt, or `undefined` when there was no response. */
  readonly status: number | undefined;
  /** True when the last attempt timed out. */
  readonly timedOut: boolean;
  /** True when the request was aborted by the caller. */
  readonly aborted: boolean;

  /**
   * @param message - what failed, without credentials
   * @param options - status, timeout and abort flags, cause
   */
  constructor(message: string, options: LlmRequestErrorOptions = {}) {
    const timedOut = options.timedOut ?? false;
    const aborted = options.aborted ?? false;
    super(timedOut ? 'LLM_TIMEOUT' : aborted ? 'LLM_ABORTED' : 'LLM_REQUEST_FAILED', message, options.cause === undefined ? {} : { cause: options.cause });
    this.status = options.status;
    this.timedOut = timedOut;
    this.aborted = aborted;
  }
}

import { InvalidArgumentError } from '../errors.js';

/**
 * Waits `ms` milliseconds, or less when `signal` aborts; never rejects. Injected
 * wherever a session waits (replay pacing, polling, retry back-off) so that tests
 * run without real waiting.
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** {@link Sleep} on the event loop's timers (`setTimeout`); resolves early when the signal aborts. */
export const timerSleep: Sleep = (ms, signal) => {
  if (!(ms >= 0)) return Promise.reject(new InvalidArgumentError('ms', ms, 'a duration ≥ 0 in ms'));
  if (ms === 0 || signal?.aborted === true) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
};

import { describe, expect, it } from 'vitest';
import { timerSleep } from '../../src/index.js';

describe('timerSleep', () => {
  it('resolves at once when the signal is already aborted or the wait is 0', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(timerSleep(60_000, controller.signal)).resolves.toBeUndefined();
    await expect(timerSleep(0)).resolves.toBeUndefined();
  });

  it('resolves early when the signal aborts while waiting', async () => {
    const controller = new AbortController();
    const waiting = timerSleep(60_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('rejects a negative wait', async () => {
    await expect(timerSleep(-1)).rejects.toThrow(/ms: expected a duration ≥ 0/);
  });
});

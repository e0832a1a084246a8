import { describe, expect, it } from 'vitest';
import { AlphaSwarmError } from '../../src/errors.js';
import { LlmRequestError } from '../../src/llm/llm-request-error.js';

describe('LlmRequestError', () => {
  it('picks its code from the flags', () => {
    expect(new LlmRequestError('x', { timedOut: true }).code).toBe('LLM_TIMEOUT');
    expect(new LlmRequestError('x', { aborted: true }).code).toBe('LLM_ABORTED');
    const failed = new LlmRequestError('x', { status: 502 });
    expect(failed.code).toBe('LLM_REQUEST_FAILED');
    expect(failed.status).toBe(502);
    expect(failed).toBeInstanceOf(AlphaSwarmError);
    expect(failed.timedOut).toBe(false);
  });
});

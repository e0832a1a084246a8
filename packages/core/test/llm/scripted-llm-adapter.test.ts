import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError } from '../../src/errors.js';
import type { LlmRequest } from '../../src/llm/llm-adapter.js';
import { LlmRequestError } from '../../src/llm/llm-request-error.js';
import { ScriptedLlmAdapter } from '../../src/llm/scripted-llm-adapter.js';

const request = (content: string, model = 'm'): LlmRequest => ({ model, messages: [{ role: 'user', content }] });

describe('ScriptedLlmAdapter', () => {
  it('replays the replies in order and fills defaults', async () => {
    const llm = new ScriptedLlmAdapter([
      { toolCalls: [{ id: 't1', name: 'quote', arguments: '{}' }], usage: { promptTokens: 5 } },
      { content: 'done', usage: { promptTokens: 7, completionTokens: 3 }, model: 'other' },
    ]);
    expect(await llm.complete(request('a'))).toEqual({
      content: null,
      toolCalls: [{ id: 't1', name: 'quote', arguments: '{}' }],
      usage: { promptTokens: 5, completionTokens: 0 },
      finishReason: 'tool_calls',
      model: 'm',
    });
    expect(await llm.complete(request('b'))).toEqual({ content: 'done', toolCalls: [], usage: { promptTokens: 7, completionTokens: 3 }, finishReason: 'stop', model: 'other' });
    expect(llm.remaining).toBe(0);
  });

  it('records a deep copy of every request', async () => {
    const llm = new ScriptedLlmAdapter([{ content: 'x' }]);
    const messages = [{ role: 'user' as const, content: 'hello' }];
    const req: LlmRequest = { model: 'm', messages };
    await llm.complete(req);
    messages.push({ role: 'user', content: 'mutated later' });
    expect(llm.requests).toEqual([{ model: 'm', messages: [{ role: 'user', content: 'hello' }] }]);
    expect(llm.callCount).toBe(1);
  });

  it('lets a responder choose by request, falling back to the list when it returns undefined', async () => {
    const llm = new ScriptedLlmAdapter({
      replies: [{ content: 'from list' }],
      respond: (req, index) => (req.messages[0]?.content === 'ping' ? { content: `pong ${index}` } : undefined),
    });
    expect((await llm.complete(request('ping'))).content).toBe('pong 0');
    expect((await llm.complete(request('other'))).content).toBe('from list');
    expect((await llm.complete(request('ping'))).content).toBe('pong 2');
  });

  it('rejects with a scripted error after recording the request', async () => {
    const boom = new LlmRequestError('server down', { status: 503 });
    const llm = new ScriptedLlmAdapter([boom]);
    await expect(llm.complete(request('a'))).rejects.toBe(boom);
    expect(llm.callCount).toBe(1);
  });

  it('rejects with LlmRequestError once the script is exhausted', async () => {
    const llm = new ScriptedLlmAdapter([{ content: 'one' }]);
    await llm.complete(request('a'));
    const error = await llm.complete(request('b')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmRequestError);
    expect((error as LlmRequestError).code).toBe('LLM_REQUEST_FAILED');
    expect((error as Error).message).toMatch(/call 2 .* 1 replies/);
  });

  it('rejects an aborted call with code LLM_ABORTED', async () => {
    const llm = new ScriptedLlmAdapter([{ content: 'one' }]);
    const controller = new AbortController();
    controller.abort();
    const error = (await llm.complete(request('a'), { signal: controller.signal }).catch((e: unknown) => e)) as LlmRequestError;
    expect(error.code).toBe('LLM_ABORTED');
    expect(error.aborted).toBe(true);
    expect(llm.remaining).toBe(1);
  });

  it('refuses a script that is neither a list nor a function', () => {
    expect(() => new ScriptedLlmAdapter(42 as never)).toThrow(InvalidArgumentError);
  });

  it('returns the n-th reply for the n-th call, for any script', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string(), { minLength: 1, maxLength: 20 }), async (texts) => {
        const llm = new ScriptedLlmAdapter(texts.map((content) => ({ content })));
        const seen: (string | null)[] = [];
        for (let i = 0; i < texts.length; i++) seen.push((await llm.complete(request(String(i)))).content);
        expect(seen).toEqual(texts);
        expect(llm.requests.map((r) => r.messages[0]?.content)).toEqual(texts.map((_, i) => String(i)));
      }),
    );
  });
});

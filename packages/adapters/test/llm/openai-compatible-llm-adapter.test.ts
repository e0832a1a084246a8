import { InMemoryPersistence, InvalidArgumentError, LlmRequestError, sequentialIdGenerator } from '@alphaswarm/core';
import type { LlmRequest } from '@alphaswarm/core';
import { AgentRuntime, LocalToolProvider, defineTool } from '@alphaswarm/agents';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OpenAiCompatibleLlmAdapter } from '../../src/llm/openai-compatible-llm-adapter.js';
import { completion, startFakeOpenAiServer } from './fake-openai-server.js';
import type { FakeOpenAiServer, FakeScript } from './fake-openai-server.js';

const KEY = 'sk-test-secret-0123456789';
let server: FakeOpenAiServer | undefined;

async function serve(script: FakeScript): Promise<FakeOpenAiServer> {
  server = await startFakeOpenAiServer(script);
  return server;
}

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const QUOTE_TOOL = {
  name: 'quote',
  description: 'Last price of a symbol',
  parameters: { type: 'object', properties: { symbol: { type: 'string' } }, required: ['symbol'] },
};

describe('OpenAiCompatibleLlmAdapter over HTTP', () => {
  it('sends tools, maps a tool call back, then sends the tool result and maps the final answer', async () => {
    const s = await serve([
      { body: completion({ toolCalls: [{ id: 'call_1', name: 'quote', arguments: '{"symbol":"AAPL"}' }], usage: { prompt: 50, completion: 12 } }) },
      { body: completion({ content: 'AAPL trades at 190.', usage: { prompt: 80, completion: 7 } }) },
    ]);
    const llm = new OpenAiCompatibleLlmAdapter({ baseUrl: s.baseUrl, apiKey: KEY, maxRetries: 0 });
    const first: LlmRequest = {
      model: 'gpt-test',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Price of AAPL?' },
      ],
      tools: [QUOTE_TOOL],
      temperature: 0.2,
      maxTokens: 256,
    };
    const r1 = await llm.complete(first);
    expect(r1).toEqual({
      content: null,
      toolCalls: [{ id: 'call_1', name: 'quote', arguments: '{"symbol":"AAPL"}' }],
      usage: { promptTokens: 50, completionTokens: 12 },
      finishReason: 'tool_calls',
      model: 'test-model',
    });
    const r2 = await llm.complete({
      ...first,
      messages: [...first.messages, { role: 'assistant', content: null, toolCalls: r1.toolCalls }, { role: 'tool', toolCallId: 'call_1', content: '190' }],
    });
    expect(r2.content).toBe('AAPL trades at 190.');
    expect(r2.usage).toEqual({ promptTokens: 80, completionTokens: 7 });
    expect(r2.finishReason).toBe('stop');

    expect(s.requests).toHaveLength(2);
    const [req1, req2] = s.requests;
    expect(req1?.method).toBe('POST');
    expect(req1?.url).toBe('/v1/chat/completions');
    expect(req1?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req1?.body).toEqual({
      model: 'gpt-test',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Price of AAPL?' },
      ],
      tools: [{ type: 'function', function: QUOTE_TOOL }],
      temperature: 0.2,
      max_tokens: 256,
    });
    expect(req2?.body['messages']).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Price of AAPL?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'quote', arguments: '{"symbol":"AAPL"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '190' },
    ]);
  });

  it('asks for JSON-schema structured output and returns the JSON text', async () => {
    const s = await serve([{ body: completion({ content: '{"action":"BUY","confidence":0.7}', usage: { prompt: 30, completion: 9 } }) }]);
    const llm = new OpenAiCompatibleLlmAdapter({ baseUrl: s.baseUrl, apiKey: KEY, maxRetries: 0 });
    const schema = { type: 'object', properties: { action: { type: 'string', enum: ['BUY', 'SELL', 'HOLD'] }, confidence: { type: 'number' } }, required: ['action', 'confidence'], additionalProperties: false };
    const r = await llm.complete({ model: 'gpt-test', messages: [{ role: 'user', content: 'Decide.' }], responseFormat: { type: 'json_schema', name: 'decision', schema, strict: true } });
    expect(JSON.parse(r.content ?? '')).toEqual({ action: 'BUY', confidence: 0.7 });
    expect(r.usage).toEqual({ promptTokens: 30, completionTokens: 9 });
    expect(s.requests[0]?.body['response_format']).toEqual({ type: 'json_schema', json_schema: { name: 'decision', schema, strict: true } });
  });

  it('retries a 429 with the client backoff and then succeeds', async () => {
    const s = await serve([
      { status: 429, body: { error: { message: 'rate limited', type: 'rate_limit' } }, headers: { 'retry-after-ms': '10' } },
      { body: completion({ content: 'ok', usage: { prompt: 1, completion: 1 } }) },
    ]);
    const llm = new OpenAiCompatibleLlmAdapter({ baseUrl: s.baseUrl, apiKey: KEY, maxRetries: 2 });
    const r = await llm.complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(r.content).toBe('ok');
    expect(s.requests).toHaveLength(2);
    expect(s.requests[0]?.headers['x-stainless-retry-count']).toBe('0');
    expect(s.requests[1]?.headers['x-stainless-retry-count']).toBe('1');
  });

  it('gives up after the retries when every attempt times out', async () => {
    const s = await serve([{ delayMs: 5_000, body: completion({ content: 'too late' }) }]);
    const llm = new OpenAiCompatibleLlmAdapter({ baseUrl: s.baseUrl, apiKey: KEY, timeoutMs: 100, maxRetries: 1 });
    const error = await llm.complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmRequestError);
    expect((error as LlmRequestError).code).toBe('LLM_TIMEOUT');
    expect((error as LlmRequestError).timedOut).toBe(true);
    expect((error as LlmRequestError).message).toContain('2 attempts');
    // one first attempt + one retry
    expect(s.requests).toHaveLength(2);
  });

  it('reports an HTTP error with its status and never the API key, even when the server echoes it', async () => {
    const s = await serve([{ status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}`, type: 'invalid_request_error' } } }]);
    const llm = new OpenAiCompatibleLlmAdapter({ baseUrl: s.baseUrl, apiKey: KEY, maxRetries: 0 });
    const error = (await llm.complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e)) as LlmRequestError;
    expect(error).toBeInstanceOf(LlmRequestError);
    expect(error.code).toBe('LLM_REQUEST_FAILED');
    expect(error.status).toBe(401);
    expect(error.message).toContain('[redacted]');
    expect(error.message).not.toContain(KEY);
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect(s.requests).toHaveLength(1);
  });

  it('does not retry a 400', async () => {
    const s = await serve([{ status: 400, body: { error: { message: 'bad schema' } } }]);
    const llm = new OpenAiCompatibleLlmAdapter({ baseUrl: s.baseUrl, apiKey: KEY, maxRetries: 3 });
    const error = (await llm.complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e)) as LlmRequestError;
    expect(error.status).toBe(400);
    expect(error.message).toContain('bad schema');
    expect(s.requests).toHaveLength(1);
  });

  it('fails cleanly when nothing listens at the base URL', async () => {
    const s = await serve([{ body: completion({ content: 'x' }) }]);
    const baseUrl = s.baseUrl;
    await s.stop();
    server = undefined;
    const llm = new OpenAiCompatibleLlmAdapter({ baseUrl, apiKey: KEY, maxRetries: 0 });
    const error = (await llm.complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e)) as LlmRequestError;
    expect(error).toBeInstanceOf(LlmRequestError);
    expect(error.code).toBe('LLM_REQUEST_FAILED');
    expect(error.status).toBeUndefined();
    expect(error.message).toContain('could not connect');
  });

  it('rejects with LLM_ABORTED when the signal aborts', async () => {
    const s = await serve([{ delayMs: 5_000, body: completion({ content: 'late' }) }]);
    const llm = new OpenAiCompatibleLlmAdapter({ baseUrl: s.baseUrl, apiKey: KEY, maxRetries: 0 });
    const controller = new AbortController();
    const pending = llm.complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }, { signal: controller.signal }).catch((e: unknown) => e);
    while (s.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const error = (await pending) as LlmRequestError;
    expect(error.code).toBe('LLM_ABORTED');
  });

  it('uses the fetch it is given and max_completion_tokens when asked', async () => {
    const s = await serve([{ body: completion({ content: 'ok' }) }]);
    const seen: string[] = [];
    const fetchSpy = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      seen.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    const llm = new OpenAiCompatibleLlmAdapter({ baseUrl: s.baseUrl, apiKey: KEY, maxRetries: 0, fetch: fetchSpy, maxTokensParameter: 'max_completion_tokens' });
    await llm.complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }], maxTokens: 64 });
    expect(seen).toEqual([`${s.baseUrl}/chat/completions`]);
    expect(s.requests[0]?.body['max_completion_tokens']).toBe(64);
    expect(s.requests[0]?.body['max_tokens']).toBeUndefined();
  });

  it('maps a refusal to content with finish reason refusal, and missing usage to zeros', async () => {
    const s = await serve([{ body: completion({ content: null, refusal: 'I cannot help with that.' }) }]);
    const llm = new OpenAiCompatibleLlmAdapter({ baseUrl: s.baseUrl, apiKey: KEY, maxRetries: 0 });
    const r = await llm.complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(r).toEqual({ content: 'I cannot help with that.', toolCalls: [], usage: { promptTokens: 0, completionTokens: 0 }, finishReason: 'refusal', model: 'test-model' });
  });

  it('rejects a completion without choices', async () => {
    const s = await serve([{ body: { ...completion({ content: 'x' }), choices: [] } }]);
    const llm = new OpenAiCompatibleLlmAdapter({ baseUrl: s.baseUrl, apiKey: KEY, maxRetries: 0 });
    await expect(llm.complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })).rejects.toThrow(/no choices/);
  });

  it('takes the key from OPENAI_API_KEY by default', async () => {
    const s = await serve([{ body: completion({ content: 'ok' }) }]);
    const saved = process.env['OPENAI_API_KEY'];
    process.env['OPENAI_API_KEY'] = 'env-key-42';
    try {
      await new OpenAiCompatibleLlmAdapter({ baseUrl: s.baseUrl, maxRetries: 0 }).complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    } finally {
      if (saved === undefined) delete process.env['OPENAI_API_KEY'];
      else process.env['OPENAI_API_KEY'] = saved;
    }
    expect(s.requests[0]?.headers.authorization).toBe('Bearer env-key-42');
  });
});

describe('OpenAiCompatibleLlmAdapter options', () => {
  it('refuses to start without a key and says how to pass a placeholder', () => {
    const saved = process.env['OPENAI_API_KEY'];
    delete process.env['OPENAI_API_KEY'];
    try {
      expect(() => new OpenAiCompatibleLlmAdapter({ baseUrl: 'http://127.0.0.1:1/v1' })).toThrow(/not-needed/);
    } finally {
      if (saved !== undefined) process.env['OPENAI_API_KEY'] = saved;
    }
  });

  it.each([
    [{ baseUrl: 'ftp://example.com/v1', apiKey: KEY }, 'baseUrl'],
    [{ baseUrl: 'not a url', apiKey: KEY }, 'baseUrl'],
    [{ baseUrl: 'http://user:pw@example.com/v1', apiKey: KEY }, 'baseUrl'],
    [{ baseUrl: 'http://localhost:11434/v1', apiKey: KEY, timeoutMs: 0 }, 'timeoutMs'],
    [{ baseUrl: 'http://localhost:11434/v1', apiKey: KEY, maxRetries: -1 }, 'maxRetries'],
  ])('rejects bad options %#', (options, path) => {
    let error: unknown;
    try {
      new OpenAiCompatibleLlmAdapter(options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).path).toBe(path);
    expect((error as Error).message).not.toContain('pw@');
  });
});

describe('AgentRuntime through the OpenAI-compatible adapter', () => {
  const spec = {
    name: 'decider',
    role: 'trade decider',
    model: { provider: 'openai_compatible' as const, name: 'local-model', max_tokens: 200 },
    system_prompt: 'Decide BUY, SELL or HOLD.',
    tools: ['quote'],
    output_schema: { type: 'object', properties: { action: { enum: ['BUY', 'SELL', 'HOLD'] } }, required: ['action'], additionalProperties: false },
    cost_caps: { per_run_max_usd: 1, per_step_max_tokens: 4_000, max_steps: 6 },
  };

  it('calls a tool, gets malformed JSON, feeds the error back and accepts the valid retry', async () => {
    const s = await serve([
      { body: completion({ toolCalls: [{ id: 'c1', name: 'quote', arguments: '{"symbol":"AAPL"}' }], usage: { prompt: 100, completion: 10 } }) },
      { body: completion({ content: '{"action": BUY}', usage: { prompt: 150, completion: 8 } }) },
      { body: completion({ content: '{"action":"BUY"}', usage: { prompt: 200, completion: 6 } }) },
    ]);
    const tools = new LocalToolProvider([defineTool({ name: 'quote', description: 'Last price', input: z.object({ symbol: z.string() }), handler: ({ symbol }) => ({ symbol, price: 190 }) })]);
    const persistence = new InMemoryPersistence({ idGenerator: sequentialIdGenerator() });
    const runtime = new AgentRuntime({
      llm: (agent) => new OpenAiCompatibleLlmAdapter({ baseUrl: agent.model.base_url ?? s.baseUrl, apiKey: 'not-needed', maxRetries: 0 }),
      persistence,
      tools: [tools],
      priceTable: { 'local-model': { inputPerMillionUsd: 0, outputPerMillionUsd: 0 } },
    });
    const result = await runtime.run(spec, 'Should we buy AAPL?');
    expect(result.status).toBe('completed');
    expect(result.output).toEqual({ action: 'BUY' });
    expect(result.steps).toBe(3);
    expect(result.toolCalls).toBe(1);
    // 100+150+200 prompt, 10+8+6 completion
    expect(result.tokens).toEqual({ prompt: 450, completion: 24, total: 474 });
    expect(s.requests).toHaveLength(3);
    const secondMessages = s.requests[1]?.body['messages'] as { role: string; content: string }[];
    expect(secondMessages.at(-1)).toEqual({ role: 'tool', tool_call_id: 'c1', content: '{"symbol":"AAPL","price":190}' });
    const thirdMessages = s.requests[2]?.body['messages'] as { role: string; content: string }[];
    expect(thirdMessages.at(-2)).toEqual({ role: 'assistant', content: '{"action": BUY}' });
    expect(thirdMessages.at(-1)?.role).toBe('user');
    expect(thirdMessages.at(-1)?.content).toMatch(/not valid JSON/);
    expect(s.requests[0]?.body['response_format']).toMatchObject({ type: 'json_schema', json_schema: { name: 'decider', strict: false } });
  });
});

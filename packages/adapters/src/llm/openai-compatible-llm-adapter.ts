import { InvalidArgumentError, LlmRequestError } from '@alphaswarm/core';
import type { LlmAdapter, LlmMessage, LlmRequest, LlmResponse, LlmToolCall } from '@alphaswarm/core';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';

/** A `fetch` implementation (the global one by default). */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Options of an {@link OpenAiCompatibleLlmAdapter}. */
export interface OpenAiCompatibleLlmAdapterOptions {
  /**
   * Base URL of the OpenAI-compatible API, up to and including `/v1`:
   * `https://api.openai.com/v1`, vLLM `http://host:8000/v1`, Ollama
   * `http://localhost:11434/v1`, or any other compatible server.
   */
  readonly baseUrl: string;
  /**
   * API key sent as a bearer token. Default `process.env.OPENAI_API_KEY`. Local servers
   * that need none take a placeholder such as `'not-needed'`. Never logged or put in errors.
   */
  readonly apiKey?: string;
  /** Time allowed for one attempt, in milliseconds (a positive integer); default 60 000. */
  readonly timeoutMs?: number;
  /**
   * Retries after a failed attempt (a non-negative integer); default 2. The `openai`
   * client retries timeouts, connection errors, 408, 409, 429 and 5xx with exponential
   * backoff (0.5 s doubling, at most 8 s, with jitter), honouring `retry-after(-ms)`.
   */
  readonly maxRetries?: number;
  /** The `fetch` to use (a proxy, a test double); default the global `fetch`. */
  readonly fetch?: FetchFunction;
  /**
   * Request field that carries {@link LlmRequest.maxTokens}: `max_tokens` (default; vLLM,
   * Ollama and most servers) or `max_completion_tokens` (newer OpenAI reasoning models).
   */
  readonly maxTokensParameter?: 'max_tokens' | 'max_completion_tokens';
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;
const REDACTED = '[redacted]';

/**
 * The {@link LlmAdapter} for OpenAI and every OpenAI-compatible server (vLLM, Ollama,
 * LM Studio, …), chosen by base URL. Uses the official `openai` client's chat
 * completions: function tools (tool calls mapped both ways), JSON-schema structured
 * output (`response_format: { type: 'json_schema', json_schema: { name, schema, strict } }`),
 * and token usage mapped to {@link @alphaswarm/core!LlmUsage} (0 when the server reports none).
 *
 * Transport failures reject with {@link LlmRequestError} after the client's own
 * retries (code `LLM_TIMEOUT` on timeouts, `LLM_ABORTED` when the signal aborted,
 * else `LLM_REQUEST_FAILED` with the HTTP status). A refusal without content is
 * returned as content with finish reason `refusal`. The API key is redacted from
 * every error message.
 */
export class OpenAiCompatibleLlmAdapter implements LlmAdapter {
  private readonly client: OpenAI;
  private readonly apiKey: string;
  private readonly endpoint: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly maxTokensParameter: 'max_tokens' | 'max_completion_tokens';

  /**
   * @param options - base URL, credentials, timeout, retries and transport
   * @throws {@link @alphaswarm/core!InvalidArgumentError} for a bad base URL, timeout or retry count, or
   *   when no API key is given and `OPENAI_API_KEY` is unset (the key is never quoted)
   */
  constructor(options: OpenAiCompatibleLlmAdapterOptions) {
    const url = parseBaseUrl(options.baseUrl);
    this.endpoint = `${url.origin}${url.pathname}`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isInteger(this.timeoutMs) || this.timeoutMs <= 0) throw new InvalidArgumentError('timeoutMs', options.timeoutMs, 'a positive integer number of milliseconds');
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    if (!Number.isInteger(this.maxRetries) || this.maxRetries < 0) throw new InvalidArgumentError('maxRetries', options.maxRetries, 'a non-negative integer');
    const maxTokensParameter = options.maxTokensParameter ?? 'max_tokens';
    if (maxTokensParameter !== 'max_tokens' && maxTokensParameter !== 'max_completion_tokens') {
      throw new InvalidArgumentError('maxTokensParameter', maxTokensParameter, "'max_tokens' or 'max_completion_tokens'");
    }
    this.maxTokensParameter = maxTokensParameter;
    const apiKey = options.apiKey ?? process.env['OPENAI_API_KEY'];
    if (typeof apiKey !== 'string' || apiKey === '') {
      throw new InvalidArgumentError(
        'apiKey',
        undefined,
        "an API key: pass apiKey, set OPENAI_API_KEY, or pass a placeholder such as 'not-needed' for a local server",
      );
    }
    this.apiKey = apiKey;
    this.client = new OpenAI({
      baseURL: url.href,
      apiKey,
      timeout: this.timeoutMs,
      maxRetries: this.maxRetries,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
  }

  /** Sends one chat completion (with the client's retries) and maps the answer. */
  async complete(request: LlmRequest, options: { readonly signal?: AbortSignal } = {}): Promise<LlmResponse> {
    const body = this.toBody(request);
    let completion: ChatCompletion;
    try {
      completion = await this.client.chat.completions.create(body, options.signal === undefined ? {} : { signal: options.signal });
    } catch (error) {
      throw this.toRequestError(error);
    }
    return fromCompletion(completion, request.model, this.endpoint);
  }

  private toBody(request: LlmRequest): ChatCompletionCreateParamsNonStreaming {
    const body: ChatCompletionCreateParamsNonStreaming = { model: request.model, messages: request.messages.map(toOpenAiMessage) };
    if (request.tools !== undefined && request.tools.length > 0) {
      body.tools = request.tools.map(
        (tool): ChatCompletionTool => ({ type: 'function', function: { name: tool.name, description: tool.description, parameters: { ...tool.parameters } } }),
      );
    }
    if (request.temperature !== undefined) body.temperature = request.temperature;
    if (request.maxTokens !== undefined) body[this.maxTokensParameter] = request.maxTokens;
    const format = request.responseFormat;
    if (format !== undefined) {
      body.response_format = {
        type: 'json_schema',
        json_schema: { name: format.name, schema: { ...format.schema }, ...(format.strict === undefined ? {} : { strict: format.strict }) },
      };
    }
    return body;
  }

  private toRequestError(error: unknown): LlmRequestError {
    const where = `chat completion at ${this.endpoint}`;
    if (error instanceof APIUserAbortError) return new LlmRequestError(`${where} aborted`, { aborted: true });
    if (error instanceof APIConnectionTimeoutError) {
      return new LlmRequestError(`${where} timed out after ${this.timeoutMs} ms (${this.attempts()})`, { timedOut: true });
    }
    if (error instanceof APIConnectionError) {
      return new LlmRequestError(this.redact(`${where} could not connect (${this.attempts()}): ${causeChain(error)}`));
    }
    if (error instanceof APIError) {
      const status = typeof error.status === 'number' ? error.status : undefined;
      return new LlmRequestError(this.redact(`${where} failed with HTTP ${status ?? 'error'} (${this.attempts()}): ${error.message}`), status === undefined ? {} : { status });
    }
    return new LlmRequestError(this.redact(`${where} failed: ${causeChain(error)}`));
  }

  private attempts(): string {
    return `${this.maxRetries + 1} attempt${this.maxRetries === 0 ? '' : 's'}`;
  }

  private redact(text: string): string {
    return text.split(this.apiKey).join(REDACTED);
  }
}

function parseBaseUrl(baseUrl: unknown): URL {
  const expected = 'an http(s) URL such as https://api.openai.com/v1 or http://localhost:11434/v1';
  if (typeof baseUrl !== 'string') throw new InvalidArgumentError('baseUrl', baseUrl, expected);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new InvalidArgumentError('baseUrl', baseUrl, expected);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError('baseUrl', baseUrl, expected);
  if (url.username !== '' || url.password !== '') throw new InvalidArgumentError('baseUrl', `${url.protocol}//…@${url.host}`, `${expected}, without credentials (pass apiKey)`);
  return url;
}

function toOpenAiMessage(message: LlmMessage): ChatCompletionMessageParam {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.content };
    case 'user':
      return { role: 'user', content: message.content };
    case 'assistant': {
      const calls = message.toolCalls ?? [];
      if (calls.length === 0) return { role: 'assistant', content: message.content };
      return {
        role: 'assistant',
        content: message.content,
        tool_calls: calls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: call.arguments } })),
      };
    }
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
}

function fromCompletion(completion: ChatCompletion, requestedModel: string, endpoint: string): LlmResponse {
  const choice = completion.choices[0];
  if (choice === undefined) throw new LlmRequestError(`chat completion at ${endpoint} returned no choices`);
  const message = choice.message;
  const toolCalls: LlmToolCall[] = [];
  for (const call of message.tool_calls ?? []) {
    if (call.type === 'function') toolCalls.push({ id: call.id, name: call.function.name, arguments: call.function.arguments });
  }
  const refused = (message.content === null || message.content === '') && typeof message.refusal === 'string' && message.refusal !== '';
  return {
    content: refused ? (message.refusal ?? null) : (message.content ?? null),
    toolCalls,
    usage: { promptTokens: completion.usage?.prompt_tokens ?? 0, completionTokens: completion.usage?.completion_tokens ?? 0 },
    finishReason: refused ? 'refusal' : (choice.finish_reason ?? 'stop'),
    model: typeof completion.model === 'string' && completion.model !== '' ? completion.model : requestedModel,
  };
}

function causeChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      parts.push(typeof code === 'string' && !current.message.includes(code) ? `${current.message} (${code})` : current.message);
      current = current.cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.filter((p) => p !== '').join(': ');
}

import { InvalidArgumentError } from '../errors.js';
import type { LlmAdapter, LlmRequest, LlmResponse, LlmToolCall, LlmUsage } from './llm-adapter.js';
import { LlmRequestError } from './llm-request-error.js';

/**
 * One scripted reply: the fields of an {@link LlmResponse} to return (omitted ones get
 * defaults, see {@link ScriptedLlmAdapter}), or an `Error` to reject with.
 */
export type ScriptedLlmReply =
  | {
      /** Text content; default `null`. */
      readonly content?: string | null;
      /** Tool calls; default none. */
      readonly toolCalls?: readonly LlmToolCall[];
      /** Token usage; missing counters are 0. */
      readonly usage?: Partial<LlmUsage>;
      /** Finish reason; default `tool_calls` when there are tool calls, else `stop`. */
      readonly finishReason?: string;
      /** Model that answered; default the request's model. */
      readonly model?: string;
    }
  | Error;

/**
 * Chooses the reply to a request. `index` is the 0-based number of the call. Return
 * `undefined` to take the next reply of the adapter's list instead.
 */
export type ScriptedLlmResponder = (request: LlmRequest, index: number) => ScriptedLlmReply | undefined;

/** Options of a {@link ScriptedLlmAdapter}. */
export interface ScriptedLlmAdapterOptions {
  /** Replies given in order, one per call (after the responder declined, if any). */
  readonly replies?: readonly ScriptedLlmReply[];
  /** Chooses a reply from the request; consulted before the list. */
  readonly respond?: ScriptedLlmResponder;
}

/**
 * A deterministic {@link LlmAdapter} for tests and offline runs: it replays a script of
 * replies, optionally chosen by a function of the request, and records every request
 * (a deep copy, in call order) in {@link ScriptedLlmAdapter.requests}.
 *
 * Defaults of a reply: `content` null, no tool calls, usage 0/0, finish reason
 * `tool_calls` or `stop`, the request's model. A scripted `Error` rejects the call
 * (after recording the request). When the script is exhausted, or the call's
 * `AbortSignal` is aborted, the call rejects with {@link LlmRequestError}.
 */
export class ScriptedLlmAdapter implements LlmAdapter {
  /** Every request received, deep-copied, in call order. */
  readonly requests: LlmRequest[] = [];
  private readonly replies: readonly ScriptedLlmReply[];
  private readonly respond: ScriptedLlmResponder | undefined;
  private next = 0;

  /**
   * @param script - the replies in order, or a responder, or both as options
   */
  constructor(script: readonly ScriptedLlmReply[] | ScriptedLlmResponder | ScriptedLlmAdapterOptions) {
    if (typeof script === 'function') {
      this.replies = [];
      this.respond = script;
    } else if (Array.isArray(script)) {
      this.replies = [...(script as readonly ScriptedLlmReply[])];
      this.respond = undefined;
    } else if (typeof script === 'object' && script !== null) {
      const options = script as ScriptedLlmAdapterOptions;
      this.replies = [...(options.replies ?? [])];
      this.respond = options.respond;
    } else {
      throw new InvalidArgumentError('script', script, 'a list of replies, a responder function, or { replies, respond }');
    }
  }

  /** How many calls were made so far. */
  get callCount(): number {
    return this.requests.length;
  }

  /** How many replies of the list are still unused. */
  get remaining(): number {
    return this.replies.length - this.next;
  }

  /** Records the request and returns (or rejects with) the scripted reply. */
  complete(request: LlmRequest, options: { readonly signal?: AbortSignal } = {}): Promise<LlmResponse> {
    const index = this.requests.length;
    this.requests.push(structuredClone(request));
    if (options.signal?.aborted === true) return Promise.reject(new LlmRequestError('request aborted', { aborted: true }));
    let reply = this.respond?.(request, index);
    if (reply === undefined) {
      reply = this.replies[this.next];
      if (reply === undefined) {
        return Promise.reject(new LlmRequestError(`scripted LLM exhausted: call ${index + 1} but the script holds ${this.replies.length} replies`));
      }
      this.next++;
    }
    if (reply instanceof Error) return Promise.reject(reply);
    const toolCalls = reply.toolCalls ?? [];
    return Promise.resolve({
      content: reply.content ?? null,
      toolCalls: toolCalls.map((call) => ({ ...call })),
      usage: { promptTokens: reply.usage?.promptTokens ?? 0, completionTokens: reply.usage?.completionTokens ?? 0 },
      finishReason: reply.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
      model: reply.model ?? request.model,
    });
  }
}

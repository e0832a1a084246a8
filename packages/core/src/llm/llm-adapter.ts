/** A tool call requested by a model. */
export interface LlmToolCall {
  /** Id the tool result must refer to. */
  readonly id: string;
  /** Tool name. */
  readonly name: string;
  /** Arguments as JSON text, exactly as the model wrote them (may be malformed). */
  readonly arguments: string;
}

/** One message of a conversation. */
export type LlmMessage =
  | { readonly role: 'system' | 'user'; readonly content: string }
  | { readonly role: 'assistant'; readonly content: string | null; readonly toolCalls?: readonly LlmToolCall[] }
  | { readonly role: 'tool'; readonly toolCallId: string; readonly content: string };

/** A tool offered to the model: name, description and JSON-Schema parameters. */
export interface LlmToolDefinition {
  /** Tool name. */
  readonly name: string;
  /** What the tool does, for the model. */
  readonly description: string;
  /** JSON Schema of the arguments object. */
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** One completion request. */
export interface LlmRequest {
  /** Model name, e.g. `gpt-4o-mini` or a vLLM/Ollama model id. */
  readonly model: string;
  /** The conversation so far. */
  readonly messages: readonly LlmMessage[];
  /** Tools the model may call. */
  readonly tools?: readonly LlmToolDefinition[];
  /** Sampling temperature. */
  readonly temperature?: number;
  /** Upper bound on completion tokens. */
  readonly maxTokens?: number;
  /** Ask for JSON output matching a schema (structured output). */
  readonly responseFormat?: { readonly type: 'json_schema'; readonly name: string; readonly schema: Readonly<Record<string, unknown>>; readonly strict?: boolean };
}

/** Token counts of one completion. */
export interface LlmUsage {
  /** Prompt (input) tokens. */
  readonly promptTokens: number;
  /** Completion (output) tokens. */
  readonly completionTokens: number;
}

/** One completion. */
export interface LlmResponse {
  /** Text content, or null when the model only called tools. */
  readonly content: string | null;
  /** Tool calls requested (empty when none). */
  readonly toolCalls: readonly LlmToolCall[];
  /** Token usage as reported by the server. */
  readonly usage: LlmUsage;
  /** Why generation stopped (`stop`, `tool_calls`, `length`, …). */
  readonly finishReason: string;
  /** The model that answered. */
  readonly model: string;
}

/**
 * The only way the SDK talks to a language model. Implementations: an
 * OpenAI-compatible client (OpenAI, vLLM, Ollama by base URL) in
 * `@alphaswarm/adapters`, and {@link ScriptedLlmAdapter} for tests and offline use.
 */
export interface LlmAdapter {
  /** Completes the conversation once. Rejects on transport errors after the adapter's own retries. */
  complete(request: LlmRequest, options?: { readonly signal?: AbortSignal }): Promise<LlmResponse>;
}

export type { LlmAdapter, LlmMessage, LlmRequest, LlmResponse, LlmToolCall, LlmToolDefinition, LlmUsage } from './llm-adapter.js';
export { LlmRequestError } from './llm-request-error.js';
export type { LlmRequestErrorOptions } from './llm-request-error.js';
export { ScriptedLlmAdapter } from './scripted-llm-adapter.js';
export type { ScriptedLlmAdapterOptions, ScriptedLlmReply, ScriptedLlmResponder } from './scripted-llm-adapter.js';

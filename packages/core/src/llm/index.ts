export type { LlmAdapter, LlmMessage, LlmRequest, LlmResponse, LlmToolCall, LlmToolDefinition, LlmUsage } from './llm-adapter.js';

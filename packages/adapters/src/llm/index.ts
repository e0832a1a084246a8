export { OpenAiCompatibleLlmAdapter } from './openai-compatible-llm-adapter.js';
export type { FetchFunction, OpenAiCompatibleLlmAdapterOptions } from './openai-compatible-llm-adapter.js';

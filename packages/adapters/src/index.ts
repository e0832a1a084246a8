/**
 * `@alphaswarm/adapters`: Persistence (in-memory, SQLite, PostgreSQL), brokers, OpenAI-compatible LLM, Kubernetes manifests and the JSONL journal.
 *
 * @packageDocumentation
 */
export * from './persistence/index.js';
export * from './kubernetes/index.js';
export * from './llm/index.js';
export * from './broker/index.js';
export * from './journal/index.js';

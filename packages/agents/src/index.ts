/**
 * `@alphaswarm/agents`: AgentSpec, AgentRuntime, MCP tools and the Monte-Carlo-gated research debate.
 *
 * @packageDocumentation
 */
export { AGENT_MODEL_PROVIDERS, AGENT_SPEC_KIND, AgentCostCapsSchema, AgentModelSchema, AgentRetryPolicySchema, AgentSpecSchema, loadAgentSpecFile, loadAgentSpecYaml, parseAgentSpec } from './spec/agent-spec.js';
export type { AgentCostCaps, AgentModel, AgentRetryPolicy, AgentSpec, AgentSpecInput } from './spec/agent-spec.js';
export { UnknownModelPriceError, costOf, costWithPrice, parsePriceTable, priceOf } from './cost/price-table.js';
export type { ModelPrice, PriceTable } from './cost/price-table.js';
export { ANNOTATION_JSON_SCHEMA_KEYWORDS, CHECKED_JSON_SCHEMA_KEYWORDS, assertSupportedJsonSchema, isStrictCompatibleSchema, validateJsonSchema } from './output/json-schema-validator.js';
export type { JsonSchemaIssue } from './output/json-schema-validator.js';
export { checkAgentOutput, parseJsonReply } from './output/agent-output.js';
export type { JsonReply, OutputCheck } from './output/agent-output.js';
export { AgentRuntime } from './runtime/agent-runtime.js';
export type { AgentRuntimeOptions } from './runtime/agent-runtime.js';
export { holdOutput, isHoldOutput } from './runtime/agent-run-result.js';
export type { AgentInput, AgentRunOptions, AgentRunResult, AgentRunStatus, AgentTokens, HoldOutput } from './runtime/agent-run-result.js';
export { CHARS_PER_TOKEN, TOKENS_PER_MESSAGE, checkCaps, estimatePromptTokens } from './runtime/cost-guard.js';
export type { CapCheck } from './runtime/cost-guard.js';
export type { ToolCallResult, ToolProvider } from './tools/tool-provider.js';
export { LocalToolProvider, defineTool } from './tools/local-tool-provider.js';
export type { LocalTool } from './tools/local-tool-provider.js';
export { AgentBotConsultant } from './consultant.js';
export type { AgentAnswer, AgentBotConsultantOptions, AgentConsultation } from './consultant.js';
export * from './mcp/index.js';
export * from './debate/index.js';

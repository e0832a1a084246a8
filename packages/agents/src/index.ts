/**
 * `@alphaswarm/agents`: AgentSpec, AgentRuntime, MCP tools and the Monte-Carlo-gated research debate.
 *
 * @packageDocumentation
 */
export {};

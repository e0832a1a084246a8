import type { LlmToolDefinition } from '@alphaswarm/core';

/** The result of one tool call, as given back to the model. */
export interface ToolCallResult {
  /** Text content for the model (JSON text for structured results). */
  readonly content: string;
  /** True when the tool reported an error (bad arguments, failure). */
  readonly isError: boolean;
  /** The structured result, when the tool returns one. */
  readonly structured?: unknown;
}

/**
 * A source of tools for agents: local functions or the tools of an MCP server.
 * `AgentRuntime` offers the spec's tools (by name) from its providers to the model.
 */
export interface ToolProvider {
  /** The tools this provider offers. */
  listTools(): Promise<readonly LlmToolDefinition[]>;
  /** Calls a tool; never throws for a bad call: returns `isError: true` instead. */
  callTool(name: string, args: unknown): Promise<ToolCallResult>;
}

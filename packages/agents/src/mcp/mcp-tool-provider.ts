/**
 * The tools of any MCP server, as a {@link ToolProvider} for `AgentRuntime`.
 *
 * @module
 */
import { InvalidArgumentError } from '@alphaswarm/core';
import type { LlmToolDefinition } from '@alphaswarm/core';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ToolCallResult, ToolProvider } from '../tools/tool-provider.js';

/** Options of {@link McpToolProvider}. */
export interface McpToolProviderOptions {
  /**
   * Prefix put before every tool name offered to the model (and removed on calls),
   * to keep the tools of several servers apart, e.g. `risk_`. Default none. Model
   * APIs accept `[A-Za-z0-9_-]` in tool names.
   */
  readonly prefix?: string;
  /** Per-request timeout in ms passed to the MCP client (default: the SDK's, 60 s). */
  readonly timeoutMs?: number;
}

/** A content block of an MCP tool result, as far as this provider reads it. */
interface ContentBlock {
  readonly type: string;
  readonly text?: unknown;
  readonly mimeType?: unknown;
  readonly uri?: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Renders content blocks as text: text blocks as they are, others as a short placeholder. */
function contentText(content: readonly ContentBlock[]): string {
  return content
    .map((block) => {
      if (block.type === 'text' && typeof block.text === 'string') return block.text;
      if (block.type === 'resource_link' && typeof block.uri === 'string') return `[resource: ${block.uri}]`;
      return `[${block.type}${typeof block.mimeType === 'string' ? `: ${block.mimeType}` : ''}]`;
    })
    .join('\n');
}

/**
 * Offers the tools of an MCP server (through a connected SDK `Client`, over any
 * transport: stdio, Streamable HTTP, in-process) to an agent.
 *
 * - `listTools()` pages through `tools/list` and maps each tool to an
 *   `LlmToolDefinition`: name (with the optional prefix), description (or title, or
 *   the name), and the tool's input JSON Schema as `parameters`.
 * - `callTool(name, args)` sends `tools/call`. The result's `content` is the JSON
 *   text of `structuredContent` when the tool returned one, else its text blocks
 *   joined by newlines; `structured` is the `structuredContent`; `isError` is the
 *   tool's flag. It never throws: arguments that are not a JSON object, an unknown
 *   name, a transport failure or a protocol error become `isError: true` with the
 *   message as content.
 */
export class McpToolProvider implements ToolProvider {
  /** The connected MCP client. */
  readonly client: Client;
  /** Prefix of the offered tool names. */
  readonly prefix: string;
  private readonly timeoutMs: number | undefined;

  /**
   * @param client - a connected MCP client (e.g. from `connectInProcess`)
   * @throws InvalidArgumentError for a prefix with characters outside `[A-Za-z0-9_-]` or a bad timeout.
   */
  constructor(client: Client, options: McpToolProviderOptions = {}) {
    const { prefix = '', timeoutMs } = options;
    if (typeof prefix !== 'string' || !/^[A-Za-z0-9_-]*$/.test(prefix)) throw new InvalidArgumentError('prefix', prefix, 'characters of [A-Za-z0-9_-]');
    if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new InvalidArgumentError('timeoutMs', timeoutMs, 'a positive number of ms');
    this.client = client;
    this.prefix = prefix;
    this.timeoutMs = timeoutMs;
  }

  /** The server's tools as model tool definitions (all pages of `tools/list`). */
  async listTools(): Promise<readonly LlmToolDefinition[]> {
    const out: LlmToolDefinition[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.client.listTools(cursor === undefined ? undefined : { cursor }, this.requestOptions());
      for (const tool of page.tools) {
        out.push({
          name: `${this.prefix}${tool.name}`,
          description: tool.description ?? tool.title ?? tool.name,
          parameters: tool.inputSchema,
        });
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return out;
  }

  /** Calls a tool of the server; see the class description. Never throws. */
  async callTool(name: string, args: unknown): Promise<ToolCallResult> {
    if (!name.startsWith(this.prefix)) return { content: `Unknown tool ${JSON.stringify(name)}: tool names start with ${JSON.stringify(this.prefix)}`, isError: true };
    const argumentsObject = args === undefined || args === null ? {} : args;
    if (!isPlainObject(argumentsObject)) return { content: `Arguments of ${name} must be a JSON object, got ${JSON.stringify(args)}`, isError: true };
    try {
      const result = await this.client.callTool({ name: name.slice(this.prefix.length), arguments: argumentsObject }, undefined, this.requestOptions());
      if ('toolResult' in result) return { content: JSON.stringify(result.toolResult), isError: false, structured: result.toolResult };
      const isError = result.isError === true;
      const structured = result.structuredContent;
      if (structured !== undefined) return { content: JSON.stringify(structured), isError, structured };
      return { content: contentText(result.content), isError };
    } catch (error) {
      return { content: error instanceof Error ? error.message : String(error), isError: true };
    }
  }

  private requestOptions(): { timeout: number } | undefined {
    return this.timeoutMs === undefined ? undefined : { timeout: this.timeoutMs };
  }
}

/**
 * Serving the AlphaSwarm MCP server over stdio (for `alphaswarm mcp` and MCP hosts
 * that spawn a server process).
 *
 * @module
 */
import type { Readable, Writable } from 'node:stream';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createAlphaSwarmMcpServer } from './server.js';
import type { AlphaSwarmMcpServerOptions } from './server.js';

/** Options of {@link serveMcpStdio}: the server's options, plus the streams to use. */
export interface McpStdioOptions extends AlphaSwarmMcpServerOptions {
  /** Stream the JSON-RPC messages are read from (default `process.stdin`). */
  readonly stdin?: Readable;
  /** Stream the JSON-RPC messages are written to (default `process.stdout`). */
  readonly stdout?: Writable;
}

/** A running stdio server. */
export interface McpStdioHandle {
  /** The MCP server. */
  readonly server: McpServer;
  /** Closes the server and its transport (stops reading stdin). */
  close(): Promise<void>;
}

/**
 * Builds the server of {@link createAlphaSwarmMcpServer} and connects it to the
 * SDK's `StdioServerTransport`: newline-delimited JSON-RPC on stdin/stdout. While it
 * runs, nothing else may write to stdout (log to stderr): any other byte there
 * corrupts the protocol stream. Resolves once the server is listening.
 *
 * @throws InvalidArgumentError naming an out-of-domain server option.
 */
export async function serveMcpStdio(options: McpStdioOptions): Promise<McpStdioHandle> {
  const { stdin, stdout, ...serverOptions } = options;
  const server = createAlphaSwarmMcpServer(serverOptions);
  const transport = new StdioServerTransport(stdin, stdout);
  await server.connect(transport);
  return { server, close: () => server.close() };
}

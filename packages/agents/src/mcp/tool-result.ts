/**
 * How the AlphaSwarm MCP tools answer: structured content plus its JSON text, or a
 * tool error the model can read (never a thrown protocol error).
 *
 * @module
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** A successful tool result: `structuredContent` and the same object as JSON text (for clients that read only text). */
export function structuredResult(value: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent: value };
}

/** A tool error (`isError: true`) carrying the error's message, e.g. an `InvalidArgumentError` naming field and value. */
export function errorResult(error: unknown): CallToolResult {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** Runs a tool body; any throw becomes {@link errorResult}, so a bad call never crashes the server. */
export async function guarded(body: () => Promise<Record<string, unknown>> | Record<string, unknown>): Promise<CallToolResult> {
  try {
    return structuredResult(await body());
  } catch (error) {
    return errorResult(error);
  }
}

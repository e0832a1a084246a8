/**
 * An MCP client wired to an MCP server in the same process.
 *
 * @module
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

/** Name and version an MCP client reports to the server. */
export interface McpClientInfo {
  /** Client name. */
  readonly name: string;
  /** Client version. */
  readonly version: string;
}

/**
 * Connects `server` to a new SDK `Client` through the SDK's linked
 * `InMemoryTransport` pair and completes the MCP handshake: the full protocol
 * (JSON-RPC messages, schema validation on both sides), with no process or socket.
 * Use it to give an in-process agent the tools of a server
 * (`new McpToolProvider(await connectInProcess(server))`) and in tests.
 * `client.close()` closes both ends. The server must not be connected to another
 * transport yet.
 *
 * @param clientInfo - name and version the client reports (default `alphaswarm-in-process` 0.1.0)
 */
export async function connectInProcess(
  server: McpServer,
  clientInfo: McpClientInfo = { name: 'alphaswarm-in-process', version: '0.1.0' },
): Promise<Client> {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const client = new Client({ name: clientInfo.name, version: clientInfo.version });
  await client.connect(clientTransport);
  return client;
}

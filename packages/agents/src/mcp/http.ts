/**
 * Serving the AlphaSwarm MCP server over Streamable HTTP: loopback by default,
 * bearer-token authentication, Host-header (DNS-rebinding) protection.
 *
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidArgumentError } from '@alphaswarm/core';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createAlphaSwarmMcpServer } from './server.js';
import type { AlphaSwarmMcpServerOptions } from './server.js';

/** Options of {@link serveMcpHttp}: the server's options plus where and how to listen. */
export interface McpHttpOptions extends AlphaSwarmMcpServerOptions {
  /** Interface to bind (default `127.0.0.1`, loopback only). */
  readonly host?: string;
  /** TCP port (default 0: a free port chosen by the system; read it from the handle's `url`). */
  readonly port?: number;
  /** Shared secret clients send as `Authorization: Bearer <token>`; at least 16 characters. */
  readonly token: string;
  /**
   * Host names (without port; IPv6 in brackets, `[::1]`) accepted in the `Host`
   * header. Default for a loopback `host`: `localhost`, `127.0.0.1`, `[::1]`; for
   * another specific `host`: that host. Required when binding to all interfaces
   * (`0.0.0.0`, `::`).
   */
  readonly allowedHosts?: readonly string[];
  /**
   * Origins (`scheme://host[:port]`) accepted in an `Origin` header when a request
   * carries one (browsers do). Default: no Origin check (the Host check and the token
   * already stop DNS-rebinding and cross-site pages).
   */
  readonly allowedOrigins?: readonly string[];
  /** URL path of the MCP endpoint (default `/mcp`). */
  readonly path?: string;
}

/** A running HTTP server. */
export interface McpHttpHandle {
  /** The endpoint URL, e.g. `http://127.0.0.1:53211/mcp`. */
  readonly url: string;
  /** The bound port. */
  readonly port: number;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function sendJsonError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

/** The hostname of a Host header, lower-cased, IPv6 in brackets; undefined when unparsable. */
function hostnameOf(header: string): string | undefined {
  try {
    return new URL(`http://${header}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Serves the tools of {@link createAlphaSwarmMcpServer} over the SDK's Streamable
 * HTTP server transport, stateless (a fresh server and transport per POST, JSON
 * responses; GET and DELETE answer 405 since there are no sessions or server-sent
 * streams). Each request to `path` is checked in this order:
 *
 * 1. `Host` header: its hostname (port ignored) must be in `allowedHosts`, else 403 —
 *    the DNS-rebinding protection (done here, as the SDK's `hostHeaderValidation`
 *    middleware does, because the transport's own `allowedHosts` options are deprecated);
 * 2. `Origin` header, when present and `allowedOrigins` is given: must be listed, else 403;
 * 3. `Authorization: Bearer <token>`: compared in constant time (SHA-256 digests),
 *    else 401 with `WWW-Authenticate: Bearer`.
 *
 * Other paths answer 404. Binds to `127.0.0.1` unless told otherwise. Resolves once
 * listening.
 *
 * @throws InvalidArgumentError for a short token, a bad port, a wildcard `host`
 *   without `allowedHosts`, or an out-of-domain server option.
 */
export async function serveMcpHttp(options: McpHttpOptions): Promise<McpHttpHandle> {
  const { host = '127.0.0.1', port = 0, token, allowedHosts, allowedOrigins, path = '/mcp', ...serverOptions } = options;
  if (typeof token !== 'string' || token.length < 16) throw new InvalidArgumentError('token', token === undefined ? token : '<redacted>', 'a secret of at least 16 characters');
  if (!(Number.isInteger(port) && port >= 0 && port <= 65_535)) throw new InvalidArgumentError('port', port, 'an integer in [0, 65535]');
  if (typeof path !== 'string' || !path.startsWith('/')) throw new InvalidArgumentError('path', path, 'a URL path starting with "/"');
  if (WILDCARD.has(host) && (allowedHosts === undefined || allowedHosts.length === 0)) {
    throw new InvalidArgumentError('allowedHosts', allowedHosts, `the host names clients use, required when binding to all interfaces (${host})`);
  }
  const hosts = new Set(
    (allowedHosts ?? (LOOPBACK.has(host) ? ['localhost', '127.0.0.1', '[::1]'] : [bracketed(host)])).map((h) => bracketed(h).toLowerCase()),
  );
  const origins = allowedOrigins === undefined ? undefined : new Set(allowedOrigins);
  // Build once now so that a bad option fails here, not on the first request.
  createAlphaSwarmMcpServer(serverOptions);
  const expected = digest(token);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestPath = (req.url ?? '/').split('?')[0];
    if (requestPath !== path) return sendJsonError(res, 404, 'Not found');
    const hostname = hostnameOf(req.headers.host ?? '');
    if (hostname === undefined || !hosts.has(hostname)) return sendJsonError(res, 403, `Invalid Host header: ${req.headers.host ?? '(none)'}`);
    const origin = req.headers.origin;
    if (origins !== undefined && origin !== undefined && !origins.has(origin)) return sendJsonError(res, 403, `Invalid Origin header: ${origin}`);
    const authorization = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match === null || !timingSafeEqual(digest(match[1] ?? ''), expected)) {
      return sendJsonError(res, 401, 'Unauthorized: send Authorization: Bearer <token>', { 'WWW-Authenticate': 'Bearer realm="alphaswarm-mcp"' });
    }
    if (req.method !== 'POST') return sendJsonError(res, 405, 'Method not allowed: this stateless server accepts POST only', { Allow: 'POST' });
    const server = createAlphaSwarmMcpServer(serverOptions);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  };

  const httpServer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJsonError(res, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}`);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    httpServer.once('error', onError);
    httpServer.listen(port, host, () => {
      httpServer.off('error', onError);
      resolve();
    });
  });
  const bound = (httpServer.address() as AddressInfo).port;
  const urlHost = WILDCARD.has(host) ? ([...hosts][0] ?? 'localhost') : bracketed(host);
  return {
    url: `http://${urlHost}:${bound}${path}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        httpServer.close((error) => (error === undefined ? resolve() : reject(error)));
        httpServer.closeAllConnections();
      }),
  };
}

// A small OpenAI-compatible HTTP server for tests: listens on 127.0.0.1 at an ephemeral
// port and answers POST /v1/chat/completions with scripted replies (status, JSON body,
// headers, optional delay), recording every request it receives.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted HTTP reply. */
export interface FakeReply {
  /** HTTP status; default 200. */
  readonly status?: number;
  /** JSON body. */
  readonly body?: unknown;
  /** Extra response headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait this long before answering (ms). */
  readonly delayMs?: number;
}

/** A request the server received. */
export interface RecordedRequest {
  /** HTTP method. */
  readonly method: string;
  /** Request path. */
  readonly url: string;
  /** Request headers (lower-case names). */
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body. */
  readonly body: Record<string, unknown>;
}

/** A running fake server. */
export interface FakeOpenAiServer {
  /** `http://127.0.0.1:<port>/v1`. */
  readonly baseUrl: string;
  /** Requests received, in order. */
  readonly requests: RecordedRequest[];
  /** Stops the server and drops open connections. */
  stop(): Promise<void>;
}

/** Script: replies in order (the last one repeats), or a function of the request. */
export type FakeScript = readonly FakeReply[] | ((request: RecordedRequest, index: number) => FakeReply);

/** Builds a chat-completion body. */
export function completion(options: {
  content?: string | null;
  toolCalls?: readonly { id: string; name: string; arguments: string }[];
  usage?: { prompt: number; completion: number };
  finishReason?: string;
  model?: string;
  refusal?: string;
}): Record<string, unknown> {
  const toolCalls = options.toolCalls ?? [];
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: options.model ?? 'test-model',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: options.content ?? null,
          refusal: options.refusal ?? null,
          ...(toolCalls.length === 0 ? {} : { tool_calls: toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })) }),
        },
        finish_reason: options.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
        logprobs: null,
      },
    ],
    ...(options.usage === undefined
      ? {}
      : { usage: { prompt_tokens: options.usage.prompt, completion_tokens: options.usage.completion, total_tokens: options.usage.prompt + options.usage.completion } }),
  };
}

/** Starts the server on 127.0.0.1 at a free port. */
export async function startFakeOpenAiServer(script: FakeScript): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
      };
      const index = requests.length;
      requests.push(recorded);
      const reply = typeof script === 'function' ? script(recorded, index) : (script[Math.min(index, script.length - 1)] ?? { status: 500, body: { error: { message: 'empty script' } } });
      const send = (): void => answer(res, reply);
      if (reply.delayMs === undefined) send();
      else {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send();
        }, reply.delayMs);
        timers.add(timer);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(res: ServerResponse, reply: FakeReply): void {
  if (res.destroyed || res.writableEnded) return;
  const body = JSON.stringify(reply.body ?? {});
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(reply.headers ?? {}) });
  res.end(body);
}

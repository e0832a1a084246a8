import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, main } from '../src/index.js';

/** A minimal OpenAI-compatible server on loopback: every completion answers `answer`. */
function completionServer(answer: string): Promise<{ server: Server; url: string; requests: unknown[] }> {
  const requests: unknown[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push(JSON.parse(body));
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          id: 'cmpl-1',
          object: 'chat.completion',
          created: 0,
          model: 'local-model',
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: answer } }],
          usage: { prompt_tokens: 40, completion_tokens: 10, total_tokens: 50 },
        }),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, requests })));
}

describe('alphaswarm chat', () => {
  let server: Awaited<ReturnType<typeof completionServer>>;
  beforeAll(async () => {
    server = await completionServer('The trend is up; risk decides.');
  });
  afterAll(() => new Promise<void>((resolve) => server.server.close(() => resolve())));

  it("asks the bot's agents through the OpenAI-compatible client and records a chat deployment", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alphaswarm-chat-'));
    const spec = join(dir, 'analyst.yaml');
    writeFileSync(
      spec,
      `name: Analyst
slug: analyst
kind: research
universe: { symbols: [AAPL.NASDAQ] }
data_pipeline: { source: synthetic, seed: 1, bars: 300 }
agents:
  - name: analyst
    spec:
      name: analyst
      role: market analyst
      model: { provider: openai_compatible, name: local-model, max_tokens: 200, base_url: "${server.url}" }
      system_prompt: You answer in one sentence.
      cost_caps: { per_run_max_usd: 0.05, per_step_max_tokens: 2000, max_steps: 3 }
`,
    );
    const prices = join(dir, 'prices.json');
    writeFileSync(prices, JSON.stringify({ 'local-model': { inputPerMillionUsd: 1, outputPerMillionUsd: 2 } }));
    const db = join(dir, 'db.sqlite');
    const io = { out: '', err: '' };
    const run = (...args: string[]) => main(['node', 'alphaswarm', '--db', db, ...args], { out: (t) => (io.out += t), err: (t) => (io.err += t) });
    process.env['OPENAI_API_KEY'] = 'not-needed';
    // A research bot without a strategy cannot backtest: a clear usage error (exit 2).
    expect(await run('backtest', spec, '--quiet')).toBe(EXIT.invalidInput);
    expect(io.err).toMatch(/a research bot does not support backtest\(\): the spec has no strategy/);
    io.out = '';
    io.err = '';
    expect(await run('chat', spec, 'Is the trend up?', '--prices', prices)).toBe(EXIT.ok);
    expect(io.out).toContain('analyst (completed): The trend is up; risk decides.');
    expect(io.err).toMatch(/deployment .+ \(succeeded\)/);
    expect(server.requests).toHaveLength(1);
    const shown = { out: '' };
    await main(['node', 'alphaswarm', '--db', db, 'show', 'analyst'], { out: (t) => (shown.out += t), err: () => undefined });
    expect(shown.out).toMatch(/chat +succeeded/);
  });
});

import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { AlphaSwarmError, Portfolio, loadBotData, loadBotSpecFile, parseBotSpec, periodsPerYearOf, type BotSpec } from '@alphaswarm/core';
import { serveMcpHttp, serveMcpStdio } from '@alphaswarm/agents';
import { MonteCarloStressTester } from '@alphaswarm/risk';
import { openRuntime, type GlobalOptions } from './runtime.js';

/** Options of `alphaswarm mcp`. */
interface McpCommandOptions {
  readonly http?: boolean;
  readonly host?: string;
  readonly port?: string;
}

/**
 * Adds `alphaswarm mcp <spec.yaml|slug>`: serves the AlphaSwarm MCP tools
 * (`get_historical_volatility`, `query_portfolio_margin`, `simulate_insight_impact`)
 * over the bot's market data, its starting account and the Monte Carlo stress tester —
 * on standard input/output by default, or over Streamable HTTP on loopback with a
 * bearer token from `$ALPHASWARM_MCP_TOKEN` (`--http`).
 */
export function registerMcpCommand(program: Command, globals: () => GlobalOptions, err: (text: string) => void): void {
  program
    .command('mcp <spec>')
    .description("serve the MCP tools over a bot's data: stdio by default, or Streamable HTTP on loopback (--http, token in $ALPHASWARM_MCP_TOKEN)")
    .option('--http', 'serve Streamable HTTP instead of stdio')
    .option('--host <host>', 'HTTP host to bind', '127.0.0.1')
    .option('--port <port>', 'HTTP port (0 picks a free one)', '0')
    .action(async (target: string, opts: McpCommandOptions) => {
      let spec: BotSpec;
      let baseDir: string | undefined;
      if (/\.ya?ml$/i.test(target)) {
        spec = loadBotSpecFile(target);
        baseDir = dirname(resolve(target));
      } else {
        const cli = openRuntime(globals());
        try {
          const bot = await cli.runtime.get(target);
          if (bot === undefined) throw new AlphaSwarmError('BOT_NOT_FOUND', `no bot ${JSON.stringify(target)}`, { path: 'spec', value: target });
          spec = parseBotSpec(bot.currentVersion.spec);
        } finally {
          await cli.close();
        }
      }
      const data = await loadBotData(spec, baseDir);
      const server = {
        data,
        portfolio: new Portfolio({ initialCash: spec.backtest.kwargs.initial_cash }),
        stress: new MonteCarloStressTester(),
        name: `alphaswarm-${spec.slug}`,
        periodsPerYear: periodsPerYearOf(spec),
      };
      if (opts.http !== true) {
        await serveMcpStdio(server);
        return;
      }
      const token = process.env['ALPHASWARM_MCP_TOKEN'];
      if (token === undefined) throw new AlphaSwarmError('INVALID_ARGUMENT', 'set ALPHASWARM_MCP_TOKEN to a secret of at least 16 characters for --http', { path: 'ALPHASWARM_MCP_TOKEN' });
      const handle = await serveMcpHttp({ ...server, host: opts.host ?? '127.0.0.1', port: Number(opts.port ?? 0), token });
      err(`MCP server for ${spec.slug} at ${handle.url} (bearer token from ALPHASWARM_MCP_TOKEN); Ctrl-C stops it\n`);
      await new Promise<void>((done) => process.once('SIGINT', () => void handle.close().then(done)));
    });
}

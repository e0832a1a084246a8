/**
 * Serves the AlphaSwarm MCP tools (get_historical_volatility, query_portfolio_margin,
 * simulate_insight_impact) to any MCP client, over stdio or Streamable HTTP.
 *
 * Data: a deterministic synthetic market (AAA, BBB, CCC, DDD; 700 daily bars), or the
 * CSV files of a folder with `--csv <dir>` (one `<SYMBOL>.csv` per symbol). Portfolio:
 * a demo account (long AAA, short BBB). Monte Carlo: @alphaswarm/risk.
 *
 * ── stdio (an MCP host spawns the process) ────────────────────────────────────────
 *   npx tsx examples/agents/mcp-server.ts
 * In Claude Desktop (claude_desktop_config.json) or any host that takes a command:
 *   { "mcpServers": { "alphaswarm": { "command": "npx",
 *       "args": ["tsx", "/path/to/repo/examples/agents/mcp-server.ts"], "cwd": "/path/to/repo" } } }
 * To try it by hand: npx @modelcontextprotocol/inspector npx tsx examples/agents/mcp-server.ts
 * Nothing but the protocol is written to stdout; messages go to stderr.
 *
 * ── HTTP (Streamable HTTP, loopback, bearer token) ──────────────────────────────────
 *   ALPHASWARM_MCP_TOKEN=$(openssl rand -hex 24) npx tsx examples/agents/mcp-server.ts --http --port 8765
 * (without ALPHASWARM_MCP_TOKEN a random token is generated and printed on stderr).
 * Point the client at http://127.0.0.1:8765/mcp with the header
 *   Authorization: Bearer <token>
 * e.g. a raw call:
 *   curl -s http://127.0.0.1:8765/mcp -H "Authorization: Bearer $ALPHASWARM_MCP_TOKEN" \
 *     -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
 *     -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_historical_volatility","arguments":{"symbol":"AAA","lookback":63}}}'
 * Requests without the token get 401; a Host header other than localhost / 127.0.0.1 gets 403.
 * `--host 0.0.0.0 --allowed-host my-box.lan` serves other machines (keep the token secret).
 * Stop with Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import { CsvDirectoryDataSource, Portfolio, SymbolId, syntheticMarket } from '@alphaswarm/core';
import type { BarFrame, MarketDataAdapter } from '@alphaswarm/core';
import { serveMcpHttp, serveMcpStdio } from '@alphaswarm/agents';
import { MonteCarloStressTester } from '@alphaswarm/risk';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

/** A demo account: 100 000 cash, then long 200 AAA and short 150 BBB at the last closes. */
function demoPortfolio(frame: BarFrame): Portfolio {
  const portfolio = new Portfolio({ initialCash: 100_000 });
  const trade = (symbol: string, quantity: number, orderId: number): void => {
    const series = frame.series(symbol);
    const i = series.length - 1;
    portfolio.applyFill({ orderId, symbol: SymbolId.parse(symbol), time: series.timestamp[i] ?? 0, quantity, price: series.close[i] ?? 1, fee: 0, slippage: 0 });
  };
  trade('AAA', 200, 1);
  trade('BBB', -150, 2);
  return portfolio;
}

async function main(): Promise<void> {
  const csv = flag('--csv');
  const synthetic = syntheticMarket({ symbols: ['AAA', 'BBB', 'CCC', 'DDD'], bars: 700, seed: 7, volatility: 0.25 }).frame;
  const data: MarketDataAdapter | BarFrame = csv === undefined ? synthetic : new CsvDirectoryDataSource(csv);
  const portfolio = csv === undefined ? demoPortfolio(synthetic) : new Portfolio({ initialCash: 100_000 });
  const options = { data, portfolio, stress: new MonteCarloStressTester() };

  if (!process.argv.includes('--http')) {
    const handle = await serveMcpStdio(options);
    console.error('alphaswarm MCP server on stdio (tools: get_historical_volatility, query_portfolio_margin, simulate_insight_impact)');
    process.stdin.on('end', () => void handle.close());
    return;
  }
  const token = process.env.ALPHASWARM_MCP_TOKEN ?? randomBytes(24).toString('hex');
  const host = flag('--host') ?? '127.0.0.1';
  const allowed = flag('--allowed-host');
  const handle = await serveMcpHttp({
    ...options,
    token,
    host,
    port: Number(flag('--port') ?? 8765),
    ...(allowed === undefined ? {} : { allowedHosts: [allowed, 'localhost', '127.0.0.1'] }),
  });
  console.error(`alphaswarm MCP server at ${handle.url}`);
  if (process.env.ALPHASWARM_MCP_TOKEN === undefined) console.error(`bearer token: ${token}`);
  const stop = (): void => {
    void handle.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();

// MCP: the AlphaSwarm tool server (stdio, Streamable HTTP, in-process) and the
// client-side ToolProvider that lets agents use the tools of any MCP server.
export { alignedReturns, closeReturns, sampleStandardDeviation } from './bar-returns.js';
export type { AlignedReturns, ReturnKind } from './bar-returns.js';
export { loadBarSeries } from './market-data-source.js';
export type { McpMarketData } from './market-data-source.js';
export { HISTORICAL_VOLATILITY_TOOL } from './volatility-tool.js';
export { PORTFOLIO_MARGIN_TOOL, portfolioMargin } from './margin-tool.js';
export type { MarginPosition, McpPortfolioSource, PortfolioMargin } from './margin-tool.js';
export { INSIGHT_IMPACT_TOOL, signedWeight } from './impact-tool.js';
export type { InsightImpactLimits } from './impact-tool.js';
export { createAlphaSwarmMcpServer } from './server.js';
export type { AlphaSwarmMcpServerOptions } from './server.js';
export { serveMcpStdio } from './stdio.js';
export type { McpStdioHandle, McpStdioOptions } from './stdio.js';
export { serveMcpHttp } from './http.js';
export type { McpHttpHandle, McpHttpOptions } from './http.js';
export { connectInProcess } from './in-process.js';
export type { McpClientInfo } from './in-process.js';
export { McpToolProvider } from './mcp-tool-provider.js';
export type { McpToolProviderOptions } from './mcp-tool-provider.js';

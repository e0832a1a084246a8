export { Portfolio } from './portfolio.js';
export type { PortfolioOptions } from './portfolio.js';
export type { Position, PositionSnapshot } from './position.js';
export { parsePortfolioSnapshot } from './snapshot.js';
export type { PortfolioSnapshot } from './snapshot.js';
export type { OpenTrade, OpenTradeSnapshot, Trade, TradeDirection, TradeSnapshot } from './trade.js';

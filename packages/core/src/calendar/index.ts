export type { EarlyClose, ExchangeCalendar, MarketHoliday, TradingSession } from './exchange-calendar.js';
export { NyseCalendar } from './nyse-calendar.js';

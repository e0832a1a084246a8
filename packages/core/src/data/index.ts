// The market-data layer: the Arrow-backed BarFrame, its loaders (CSV, Arrow IPC,
// Parquet), validation, the deterministic synthetic market and the
// MarketDataAdapter contract with its shipped sources.
export { BAR_COLUMN_NAMES, BAR_VALUE_COLUMN_NAMES } from './bar-columns.js';
export type { BarColumnName, BarColumnsInput, BarSeriesInput, BarValueColumnName, NumericColumn } from './bar-columns.js';
export { BarFrame } from './bar-frame.js';
export type { BarFrameSelection, BarSeries, BarSourceOptions } from './bar-frame.js';
export { validateBarColumns } from './validate.js';
export type { BarValidationOptions } from './validate.js';
export type { CsvReadOptions } from './csv-bars.js';
export { loadCsvDirectory, loadCsvFile, readCsv } from './csv.js';
export { fromArrowIpc } from './arrow-ipc.js';
export { fromParquet } from './parquet.js';
export { DEFAULT_REGIME_MODEL, MARKET_REGIMES, syntheticBars, syntheticMarket } from './synthetic.js';
export type {
  MarketRegime,
  RegimeParameters,
  SyntheticBarsOptions,
  SyntheticMarket,
  SyntheticRegimeModel,
  TradingCalendar,
} from './synthetic.js';
export type { MarketDataAdapter, MarketDataRequest } from './market-data-adapter.js';
export { CsvDirectoryDataSource } from './csv-directory-data-source.js';
export { SyntheticDataSource } from './synthetic-data-source.js';
export type { SyntheticDataSourceOptions } from './synthetic-data-source.js';

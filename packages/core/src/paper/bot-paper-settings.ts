import type { BacktestSettings } from '../backtest/config.js';
import { periodsPerYearOf } from '../bots/bot-data.js';
import type { BotSpec } from '../bots/bot-spec.js';
import { BpsFee, type FeeModel } from '../orders/fees.js';
import { FixedBpsSlippage, type SlippageModel } from '../orders/slippage.js';

/**
 * How a bot's orders execute, from its spec's `backtest.kwargs`: what a simulated
 * paper broker needs to fill exactly as the bot's backtest does (`commission_bps` →
 * {@link BpsFee}, `slippage_bps` → {@link FixedBpsSlippage}).
 */
export interface BotExecutionSettings {
  /** Starting cash (`initial_cash`). */
  readonly initialCash: number;
  /** Gross exposure allowed as a multiple of equity (`leverage`, default 1). */
  readonly leverage: number;
  /** Fees per fill, when the spec charges any. */
  readonly fees?: FeeModel;
  /** Slippage, when the spec has any. */
  readonly slippage?: SlippageModel;
}

/** The execution settings of a bot spec; see {@link BotExecutionSettings}. */
export function botExecutionSettings(spec: BotSpec): BotExecutionSettings {
  const k = spec.backtest.kwargs;
  return {
    initialCash: k.initial_cash,
    leverage: k.leverage ?? 1,
    ...(k.commission_bps === undefined ? {} : { fees: new BpsFee(k.commission_bps) }),
    ...(k.slippage_bps === undefined ? {} : { slippage: new FixedBpsSlippage(k.slippage_bps) }),
  };
}

/** The numeric session settings of a bot spec: those its backtest runs with. */
export function botSessionSettings(spec: BotSpec): Partial<BacktestSettings> {
  const k = spec.backtest.kwargs;
  return {
    initialCash: k.initial_cash,
    periodsPerYear: periodsPerYearOf(spec),
    ...(k.free_portfolio_value_pct === undefined ? {} : { freePortfolioValuePct: k.free_portfolio_value_pct }),
    ...(k.leverage === undefined ? {} : { leverage: k.leverage }),
    ...(k.seed === undefined ? {} : { seed: k.seed }),
  };
}

import { describe, expect, it } from 'vitest';
import { BpsFee, FixedBpsSlippage, botExecutionSettings, botSessionSettings, loadBotSpecYaml } from '../../src/index.js';

const spec = (kwargs: string, data = '{ source: synthetic, seed: 1, bars: 10, interval: 1h }') =>
  loadBotSpecYaml(`name: x\nslug: x\nuniverse: { symbols: [A] }\ndata_pipeline: ${data}\nbacktest: { engine: event-driven, kwargs: ${kwargs} }\n`);

describe('bot paper settings', () => {
  it('maps the backtest kwargs to the broker’s execution settings', () => {
    const s = botExecutionSettings(spec('{ initial_cash: 5000, commission_bps: 2, slippage_bps: 3, leverage: 2 }'));
    expect(s.initialCash).toBe(5000);
    expect(s.leverage).toBe(2);
    expect(s.fees).toBeInstanceOf(BpsFee);
    // 2 bps of 100 × 10 = 0.2; 3 bps adverse on a buy at 10 = 10.003.
    expect(s.fees!.fee(100, 10)).toBeCloseTo(0.2, 12);
    expect(s.slippage).toBeInstanceOf(FixedBpsSlippage);
    const none = botExecutionSettings(spec('{ initial_cash: 1000 }'));
    expect([none.leverage, none.fees, none.slippage]).toEqual([1, undefined, undefined]);
  });

  it('maps the backtest kwargs to the session settings, with the data’s periods per year', () => {
    expect(botSessionSettings(spec('{ initial_cash: 5000, seed: 3, free_portfolio_value_pct: 0 }'))).toEqual({ initialCash: 5000, periodsPerYear: 252 * 6.5, freePortfolioValuePct: 0, seed: 3 });
  });
});

import { ModelRegistry, SymbolId, type PreTradeControl, type RiskManagementModel } from '@alphaswarm/core';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { MaximumSectorExposure, PreTradeControls, RestrictedSymbols, TVaRInterceptor } from '../src/index.js';
import {
  CreditLimit,
  DailyLossHalt,
  DuplicateOrderThrottle,
  KillSwitchControl,
  MaxOpenOrders,
  MaxOrderNotional,
  MaxOrderQuantity,
  MaximumDrawdownPercentPerSecurity,
  MaximumDrawdownPercentPortfolio,
  MaximumLeverage,
  MaximumPositionPercent,
  MaximumUnrealizedProfitPercentPerSecurity,
  NoOpRiskModel,
  PriceCollar,
  TrailingStopRiskManagementModel,
  registerRiskModels,
} from '../src/index.js';
import { StubContext } from './risk-fixtures.js';

const registry = (): ModelRegistry => registerRiskModels(new ModelRegistry());

describe('registerRiskModels', () => {
  it('registers every risk model and pre-trade control under its class name and kind', () => {
    const r = registry();
    expect(r.names('risk')).toEqual(
      [
        'DailyLossHalt',
        'MaximumDrawdownPercentPerSecurity',
        'MaximumDrawdownPercentPortfolio',
        'MaximumLeverage',
        'MaximumPositionPercent',
        'MaximumSectorExposure',
        'MaximumUnrealizedProfitPercentPerSecurity',
        'NoOpRiskModel',
        'TVaRInterceptor',
        'TrailingStopRiskManagementModel',
      ].sort(),
    );
    expect(r.names('pretrade')).toEqual(
      ['CreditLimit', 'DuplicateOrderThrottle', 'KillSwitchControl', 'MaxOpenOrders', 'MaxOrderNotional', 'MaxOrderQuantity', 'PreTradeControls', 'PriceCollar', 'RestrictedSymbols'].sort(),
    );
    expect(r.describe('TVaRInterceptor')?.description).toMatch(/tail loss/);
  });

  it('builds each class from snake_case kwargs', () => {
    const r = registry();
    const cases: [string, Record<string, unknown>, new (...args: never[]) => unknown, Record<string, unknown>][] = [
      ['NoOpRiskModel', {}, NoOpRiskModel, { name: 'NoOpRiskModel' }],
      ['TrailingStopRiskManagementModel', { mode: 'atr', atr_multiple: 2.5, atr_period: 10, basis: 'unrealized_pnl', watermark: 'high_low', daily_reset: true }, TrailingStopRiskManagementModel, { atrMultiple: 2.5, atrPeriod: 10, basis: 'unrealized_pnl', watermark: 'high_low', dailyReset: true }],
      ['MaximumDrawdownPercentPerSecurity', { max_drawdown: 0.07 }, MaximumDrawdownPercentPerSecurity, { maxDrawdown: 0.07 }],
      ['MaximumDrawdownPercentPortfolio', { max_drawdown: 0.2, trailing: true }, MaximumDrawdownPercentPortfolio, { maxDrawdown: 0.2, trailing: true }],
      ['MaximumUnrealizedProfitPercentPerSecurity', { max_profit: 0.3, name: 'TakeProfit' }, MaximumUnrealizedProfitPercentPerSecurity, { maxProfit: 0.3, name: 'TakeProfit' }],
      ['MaximumPositionPercent', { max_percent: 0.1 }, MaximumPositionPercent, { maxPercent: 0.1 }],
      ['MaximumLeverage', { max_gross: 2, max_net: 1 }, MaximumLeverage, { maxGross: 2, maxNet: 1 }],
      ['DailyLossHalt', { max_daily_loss: 0.03 }, DailyLossHalt, { maxDailyLoss: 0.03 }],
      ['MaxOrderQuantity', { max_quantity: 500 }, MaxOrderQuantity, { maxQuantity: 500 }],
      ['MaxOrderNotional', { max_notional: 1e6 }, MaxOrderNotional, { maxNotional: 1e6 }],
      ['PriceCollar', { max_deviation: 0.05 }, PriceCollar, { maxDeviation: 0.05 }],
      ['MaxOpenOrders', { max_open_orders: 20, per_symbol: true }, MaxOpenOrders, { maxOpenOrders: 20, perSymbol: true }],
      ['CreditLimit', { max_gross_exposure: 2e6 }, CreditLimit, { maxGrossExposure: 2e6 }],
      ['DuplicateOrderThrottle', { window_ms: 5000, max_duplicates: 2 }, DuplicateOrderThrottle, { windowMs: 5000, maxDuplicates: 2 }],
      ['KillSwitchControl', {}, KillSwitchControl, { name: 'KillSwitchControl' }],
    ];
    for (const [name, kwargs, cls, expected] of cases) {
      const model = r.create({ class: name, kwargs });
      expect(model).toBeInstanceOf(cls);
      expect(model).toMatchObject(expected);
    }
    const sectors = r.create<MaximumSectorExposure>({ class: 'MaximumSectorExposure', kwargs: { sectors: { 'AAPL.NASDAQ': 'tech' }, max_exposure: 0.3 } });
    expect(sectors.sector(SymbolId.parse('AAPL.NASDAQ'))).toBe('tech');
    const restricted = r.create<RestrictedSymbols>({ class: 'RestrictedSymbols', kwargs: { symbols: ['GME.NYSE'] } });
    expect(restricted.symbols).toEqual([SymbolId.parse('GME.NYSE')]);
  });

  it('builds a TVaRInterceptor around a nested inner model spec, and it works', () => {
    const model = registry().create<TVaRInterceptor>({
      class: 'TVaRInterceptor',
      kwargs: { inner: { class: 'MaximumPositionPercent', kwargs: { max_percent: 0.5 } }, method: 'historical', alpha: 0.9, limit: 0.001, lookback: 5, policy: 'cancel' },
    });
    expect(model).toMatchObject({ method: 'historical', alpha: 0.9, limit: 0.001, lookback: 5, policy: 'cancel' });
    expect(model.inner).toBeInstanceOf(MaximumPositionPercent);
    const a = SymbolId.parse('AAA.X');
    const ctx = new StubContext(100_000, [a]);
    ctx.setHistory(a, 'close', [100, 103, 99, 104, 98, 100]).price(a, 100);
    expect(model.manageRisk(ctx, [{ symbol: a, quantity: 900 }])).toEqual([]);
    expect(ctx.decisions.map((d) => [d.model, d.action])).toEqual([
      ['MaximumPositionPercent', 'clip'],
      ['TVaRInterceptor', 'cancel'],
    ]);
    expect(registry().create<TVaRInterceptor>({ class: 'TVaRInterceptor', kwargs: { limit: 0.02 } }).inner).toBeInstanceOf(NoOpRiskModel);
  });

  it('builds a composite of pre-trade controls from nested specs', () => {
    const composite = registry().create<PreTradeControls>({
      class: 'PreTradeControls',
      kwargs: { controls: [{ class: 'MaxOrderQuantity', kwargs: { max_quantity: 10 } }, { class: 'KillSwitchControl' }] },
    });
    expect(composite.controls.map((c: PreTradeControl) => c.name)).toEqual(['MaxOrderQuantity', 'KillSwitchControl']);
  });

  it('names the path of a bad kwarg, also inside the nested inner model', () => {
    const r = registry();
    expect(() => r.create({ class: 'TVaRInterceptor', kwargs: { limit: 0.02, lookbak: 10 } }, 'risk')).toThrow('risk.kwargs: unknown key "lookbak"');
    expect(() => r.create({ class: 'TVaRInterceptor', kwargs: { limit: 0.02, method: 'monte_carlo' } }, 'risk')).toThrow(/^risk\.kwargs\.method: /);
    expect(() =>
      r.create({ class: 'TVaRInterceptor', kwargs: { limit: 0.02, inner: { class: 'TrailingStopRiskManagementModel', kwargs: { threshold: 'five' } } } }, 'strategy.kwargs.risk_model'),
    ).toThrow('strategy.kwargs.risk_model.kwargs.inner.kwargs.threshold: expected number, got "five"');
    expect(() => r.create({ class: 'TrailingStopRiskManagementModel', kwargs: { atr_multiple: 2 } }, 'risk')).toThrow(/^risk\.kwargs\.atr_multiple: atr_multiple needs mode 'atr'/);
    expect(() => r.create({ class: 'MaximumLeverage', kwargs: { max_gross: 1, max_net: 2 } }, 'risk')).toThrow(/^risk\.kwargs\.max_net: /);
    expect(() => r.create({ class: 'RestrictedSymbols', kwargs: { symbols: ['OK.X', ' bad'] } }, 'pre')).toThrow(/^pre\.kwargs\.symbols\.1: /);
    expect(() => r.create({ class: 'MaximumSectorExposure', kwargs: { sectors: { 'A..': 'x' }, max_exposure: 0.2 } }, 'risk')).toThrow(/^risk\.kwargs\.sectors\.A\.\.: /);
    expect(() => r.create({ class: 'TVaRInterceptor', kwargs: { limit: 0.02, inner: { class: 'TrailingStopRiskManagmentModel' } } }, 'risk')).toThrow(/risk\.kwargs\.inner\.class: unknown model class "TrailingStopRiskManagmentModel"; did you mean "TrailingStopRiskManagementModel"/);
  });

  it('refuses an inner model of another stage, naming its class path', () => {
    const r = registry();
    r.register('SomeAlpha', () => ({ name: 'SomeAlpha', update: () => [] }), z.object({}).strict(), { kind: 'alpha' });
    expect(() => r.create({ class: 'TVaRInterceptor', kwargs: { limit: 0.02, inner: { class: 'SomeAlpha' } } }, 'risk')).toThrow(
      /^risk\.kwargs\.inner\.class: expected a risk model, SomeAlpha is a alpha model/,
    );
    expect(() => r.create({ class: 'PreTradeControls', kwargs: { controls: [{ class: 'NoOpRiskModel' }] } }, 'pre')).toThrow(/^pre\.kwargs\.controls\.0\.class: expected a pretrade model/);
  });

  it('refuses to register twice', () => {
    expect(() => registerRiskModels(registry())).toThrow(/name/);
  });

  it('creates risk models that satisfy the risk contract', () => {
    const r = registry();
    for (const name of r.names('risk')) {
      const kwargs: Record<string, Record<string, unknown>> = {
        TVaRInterceptor: { limit: 0.02 },
        MaximumDrawdownPercentPerSecurity: { max_drawdown: 0.1 },
        MaximumDrawdownPercentPortfolio: { max_drawdown: 0.1 },
        MaximumUnrealizedProfitPercentPerSecurity: { max_profit: 0.1 },
        MaximumSectorExposure: { sectors: {}, max_exposure: 0.5 },
        MaximumPositionPercent: { max_percent: 0.5 },
        MaximumLeverage: { max_gross: 1 },
        DailyLossHalt: { max_daily_loss: 0.05 },
      };
      const model = r.create<RiskManagementModel>({ class: name, kwargs: kwargs[name] ?? {} });
      expect(model.name).toBe(name);
      const ctx = new StubContext();
      expect(model.manageRisk(ctx, [])).toEqual([]);
    }
  });
});

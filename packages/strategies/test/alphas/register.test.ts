import { ModelRegistry, SpecValidationError, type AlphaModel } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { BreakoutAlpha } from '../../src/alphas/breakout-alpha.js';
import { ConstantAlpha } from '../../src/alphas/constant-alpha.js';
import { DualMACrossoverAlpha } from '../../src/alphas/dual-ma-crossover-alpha.js';
import { MacdAlpha } from '../../src/alphas/macd-alpha.js';
import { MeanReversionZScoreAlpha } from '../../src/alphas/mean-reversion-z-score-alpha.js';
import { MomentumAlpha } from '../../src/alphas/momentum-alpha.js';
import { PairsTradingAlpha } from '../../src/alphas/pairs-trading-alpha.js';
import { registerAlphaModels } from '../../src/alphas/register.js';
import { RsiReversalAlpha } from '../../src/alphas/rsi-reversal-alpha.js';
import { brief, emitted, makeBars, runAlpha } from './fixtures.js';

describe('registerAlphaModels', () => {
  const registry = registerAlphaModels(new ModelRegistry());
  const create = <T>(cls: string, kwargs: Record<string, unknown> = {}): T => registry.create<T>({ class: cls, kwargs }, 'strategy.kwargs.alpha_model');

  it('registers every alpha under its class name, kind alpha', () => {
    expect(registry.names('alpha')).toEqual([
      'BreakoutAlpha',
      'ConstantAlpha',
      'DualMACrossoverAlpha',
      'MacdAlpha',
      'MeanReversionZScoreAlpha',
      'MomentumAlpha',
      'PairsTradingAlpha',
      'RsiReversalAlpha',
    ]);
  });

  it('maps snake_case kwargs to the options', () => {
    const dma = create<DualMACrossoverAlpha>('DualMACrossoverAlpha', { fast: 3, slow: 7, ma_type: 'ema', long_only: true, period: 5, weight: 0.5, name: 'x' });
    expect(dma).toBeInstanceOf(DualMACrossoverAlpha);
    expect([dma.fast, dma.slow, dma.maType, dma.longOnly, dma.name]).toEqual([3, 7, 'ema', true, 'x']);
    const rsi = create<RsiReversalAlpha>('RsiReversalAlpha', { period: 7, oversold: 20, overbought: 80, hysteresis: 2, insight_period: 3 });
    expect([rsi.period, rsi.oversold, rsi.overbought, rsi.hysteresis]).toEqual([7, 20, 80, 2]);
    expect(create<BreakoutAlpha>('BreakoutAlpha', { lookback: 55 }).lookback).toBe(55);
    expect(create<MacdAlpha>('MacdAlpha', { bounce_threshold: 0.01 }).bounceThreshold).toBe(0.01);
    const mom = create<MomentumAlpha>('MomentumAlpha', { lookback: 60, k: 3, rebalance: { kind: 'monthly' } });
    expect([mom.lookback, mom.k]).toEqual([60, 3]);
    const mr = create<MeanReversionZScoreAlpha>('MeanReversionZScoreAlpha', { lookback: 10, entry: 1.5, exit: 0.2 });
    expect([mr.lookback, mr.entry, mr.exit]).toEqual([10, 1.5, 0.2]);
    const pairs = create<PairsTradingAlpha>('PairsTradingAlpha', { min_correlation: 0.9, pairs: [['AAA.X', 'BBB.X']], reselect: { kind: 'bars', every: 20 } });
    expect([pairs.minCorrelation, pairs.candidates?.[0]?.map((s) => s.value)]).toEqual([0.9, ['AAA.X', 'BBB.X']]);
    const constant = create<ConstantAlpha>('ConstantAlpha', { direction: 'down', symbols: ['AAA.X'], magnitude: 0.01 });
    expect([constant.direction, constant.symbols?.map((s) => s.value), constant.magnitude]).toEqual(['down', ['AAA.X'], 0.01]);
  });

  it('builds instances that work in a backtest', () => {
    const alpha = create<AlphaModel>('DualMACrossoverAlpha', { fast: 2, slow: 4, long_only: true, weight: 0.3 });
    const list = emitted(runAlpha(alpha, makeBars({ 'AAA.X': [10, 9, 8, 7, 8, 10, 12, 11, 9] })));
    expect(brief(list)).toEqual([
      [5, 'AAA.X', 'up'],
      [8, 'AAA.X', 'flat'],
    ]);
    expect(list.map((e) => e.weight)).toEqual([0.3, 0.3]);
    const classes: Record<string, new (...args: never[]) => AlphaModel> = {
      BreakoutAlpha,
      ConstantAlpha,
      DualMACrossoverAlpha,
      MacdAlpha,
      MeanReversionZScoreAlpha,
      MomentumAlpha,
      PairsTradingAlpha,
      RsiReversalAlpha,
    };
    for (const cls of registry.names('alpha')) {
      const kwargs = cls === 'ConstantAlpha' ? { direction: 'up' } : {};
      const model = create<AlphaModel>(cls, kwargs);
      expect(model).toBeInstanceOf(classes[cls]);
      expect(model.name).toBe(cls);
    }
  });

  it('names the path of a bad kwarg', () => {
    const error = (cls: string, kwargs: Record<string, unknown>): SpecValidationError => {
      try {
        create(cls, kwargs);
      } catch (e) {
        expect(e).toBeInstanceOf(SpecValidationError);
        return e as SpecValidationError;
      }
      throw new Error('expected an error');
    };
    expect(error('DualMACrossoverAlpha', { fast: 'ten' }).message).toBe('strategy.kwargs.alpha_model.kwargs.fast: expected number, got "ten"');
    expect(error('DualMACrossoverAlpha', { ma_type: 'wma' }).path).toBe('strategy.kwargs.alpha_model.kwargs.ma_type');
    expect(error('DualMACrossoverAlpha', { fastPeriod: 3 }).message).toMatch(/unknown key "fastPeriod"/);
    expect(error('ConstantAlpha', {}).path).toBe('strategy.kwargs.alpha_model.kwargs.direction');
    expect(error('ConstantAlpha', { direction: 'up', symbols: ['ok.X', 'not ok'] }).path).toBe('strategy.kwargs.alpha_model.kwargs.symbols.1');
    expect(error('PairsTradingAlpha', { pairs: [['AAA.X']] }).path).toMatch(/kwargs\.pairs\.0/);
    expect(error('MomentumAlpha', { rebalance: { kind: 'weekly', weekday: 9 } }).path).toBe('strategy.kwargs.alpha_model.kwargs.rebalance.weekday');
    expect(error('RsiReversalAlpha', { confidence: 1.5 }).path).toBe('strategy.kwargs.alpha_model.kwargs.confidence');
  });

  it('reports cross-field rules from the constructor, naming the option', () => {
    expect(() => create('DualMACrossoverAlpha', { fast: 10, slow: 5 })).toThrow(/slow/);
  });
});

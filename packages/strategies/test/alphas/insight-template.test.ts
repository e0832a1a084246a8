import { AlphaSwarmError, SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { BarSpacing } from '../../src/alphas/bar-spacing.js';
import { InsightTemplate, NO_INSIGHTS } from '../../src/alphas/insight-template.js';

const s = SymbolId.parse('AAA.X');
const spacing = (...times: number[]): BarSpacing => {
  const sp = new BarSpacing();
  for (const t of times) sp.observe(t);
  return sp;
};

describe('InsightTemplate', () => {
  it('builds open-ended insights when no period is set', () => {
    const t = new InsightTemplate({ weight: -0.5, confidence: 1 });
    expect(t.create(s, 'down', spacing(0), 0.01)).toEqual({ symbol: s, direction: 'down', period: undefined, magnitude: 0.01, confidence: 1, weight: -0.5 });
    expect(t.canTime(spacing())).toBe(true);
  });

  it('turns a period in bars into ms with the inferred or the given bar interval', () => {
    expect(new InsightTemplate({ period: 4 }).periodMs(s, spacing(0, 60_000, 180_000))).toBe(4 * 60_000);
    expect(new InsightTemplate({ period: 4, barInterval: 1_000 }).periodMs(s, spacing())).toBe(4_000);
  });

  it('reads the period from another key when told', () => {
    const t = new InsightTemplate({ period: 14, insightPeriod: 2 } as never, 'insightPeriod');
    expect(t.periodBars).toBe(2);
  });

  it('refuses to time an insight before the bar interval is known', () => {
    const t = new InsightTemplate({ period: 2 });
    expect(t.canTime(spacing(5))).toBe(false);
    expect(() => t.periodMs(s, spacing(5))).toThrow(AlphaSwarmError);
    expect(() => t.periodMs(s, spacing(5))).toThrow(/barInterval/);
  });

  it('validates the options, naming the field', () => {
    expect(() => new InsightTemplate({ period: 0 })).toThrow(/period/);
    expect(() => new InsightTemplate({ insightPeriod: 2.5 } as never, 'insightPeriod')).toThrow(/insightPeriod/);
    expect(() => new InsightTemplate({ barInterval: -1 })).toThrow(/barInterval/);
    expect(() => new InsightTemplate({ weight: Infinity })).toThrow(/weight/);
    expect(() => new InsightTemplate({ confidence: -0.1 })).toThrow(/confidence/);
  });

  it('shares one frozen empty result', () => {
    expect(NO_INSIGHTS).toHaveLength(0);
    expect(Object.isFrozen(NO_INSIGHTS)).toBe(true);
  });
});

import { BarFrame, InvalidArgumentError, MS_PER_DAY, SeededRandom } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarketMonitor } from '../../src/debate/market-monitor.js';
import { CALM_BARS, T0, fixtureMarket } from './fixtures/debate-fixtures.js';

/** A frame of one symbol per entry, closes built from the given log returns (first close 100). */
function frameFromReturns(bySymbol: Record<string, readonly number[]>): BarFrame {
  const series: Record<string, { timestamp: number[]; open: number[]; high: number[]; low: number[]; close: number[]; volume: number[] }> = {};
  for (const [symbol, returns] of Object.entries(bySymbol)) {
    const close = [100];
    for (const r of returns) close.push((close[close.length - 1] ?? 0) * Math.exp(r));
    series[symbol] = { timestamp: close.map((_, i) => T0 + i * MS_PER_DAY), open: close, high: close.map((c) => c * 1.001), low: close.map((c) => c * 0.999), close, volume: close.map(() => 1) };
  }
  return BarFrame.fromSeries(series);
}

const alternatingReturns = (n: number, size: number, offset = 0): number[] => Array.from({ length: n }, (_, i) => offset + (i % 2 === 0 ? size : -size));

describe('MarketMonitor', () => {
  const monitor = new MarketMonitor({ recentWindow: 20, baselineWindow: 40 });

  it('computes the variance ratio of the recent window to the baseline window by hand', () => {
    // Baseline ±0.01 (40 returns), recent ±0.05 (20 returns), both mean 0:
    // s²_base = 0.01² × 40/39, s²_recent = 0.05² × 20/19, F = 25 × (20/19) / (40/39).
    const frame = frameFromReturns({ X: [...alternatingReturns(40, 0.01), ...alternatingReturns(20, 0.05)] });
    const a = monitor.assess(frame);
    const x = a.symbols[0];
    expect(x?.recentVariance).toBeCloseTo(0.0025 * (20 / 19), 12);
    expect(x?.baselineVariance).toBeCloseTo(0.0001 * (40 / 39), 12);
    expect(x?.varianceRatio).toBeCloseTo((25 * 20 * 39) / (19 * 40), 9);
    expect(x?.varianceRatioPValue).toBeLessThan(1e-10);
    expect(x?.regime).toBe('volatility_up');
    expect(a.shift).toBe(true);
    expect(a.reasons[0]).toMatch(/^X: volatility up, F = 25\.7/);
  });

  it('flags a calming market as volatility_down', () => {
    const frame = frameFromReturns({ X: [...alternatingReturns(40, 0.05), ...alternatingReturns(20, 0.01)] });
    expect(monitor.assess(frame).symbols[0]?.regime).toBe('volatility_down');
  });

  it('computes the drift t statistic by hand and flags a trend', () => {
    // Recent returns 0.01 ± 0.01 (mean 0.01, s = 0.01·√(20/19)): t = 0.01 / (s/√20) = √19.
    // Baseline ±0.01: F = (20/19)/(40/39) ≈ 1.03, not significant.
    const frame = frameFromReturns({ X: [...alternatingReturns(40, 0.01), ...alternatingReturns(20, 0.01, 0.01)] });
    const x = monitor.assess(frame).symbols[0];
    expect(x?.drift).toBeCloseTo(0.01, 12);
    expect(x?.trendT).toBeCloseTo(Math.sqrt(19), 9);
    // Two-sided p of t = √19 ≈ 4.359 with 19 df is about 3.4e-4, below 0.01.
    expect(x?.trendPValue).toBeGreaterThan(1e-4);
    expect(x?.trendPValue).toBeLessThan(1e-3);
    expect(x?.volatilityShift).toBe(false);
    expect(x?.regime).toBe('trend_up');
  });

  it('stays quiet on an unchanged market and needs m + n + 1 closes', () => {
    const frame = frameFromReturns({ X: alternatingReturns(60, 0.01) });
    const a = monitor.assess(frame);
    expect(a.shift).toBe(false);
    expect(a.symbols[0]?.regime).toBe('stable');
    expect(monitor.requiredBars).toBe(61);
    const short = monitor.assess(frameFromReturns({ X: alternatingReturns(59, 0.01) }));
    expect(short.ready).toBe(false);
    expect(short.symbols[0]?.regime).toBe('insufficient_data');
    expect(short.symbols[0]?.varianceRatio).toBeNull();
  });

  it('splits the level over the watched symbols (Bonferroni)', () => {
    const frame = frameFromReturns({ A: alternatingReturns(60, 0.01), B: alternatingReturns(60, 0.02) });
    const a = new MarketMonitor({ recentWindow: 20, baselineWindow: 40, volatilityAlpha: 0.02, trendAlpha: 0.01 }).assess(frame);
    expect(a.volatilityLevel).toBeCloseTo(0.01, 15);
    expect(a.trendLevel).toBeCloseTo(0.005, 15);
    expect(new MarketMonitor({ symbols: ['B'] }).assess(frame).symbols.map((s) => s.symbol)).toEqual(['B']);
  });

  it('detects the volatility regime shift of the fixture market, and only after it starts', () => {
    const frame = fixtureMarket();
    const monitor21 = new MarketMonitor();
    const after = monitor21.assess(frame);
    expect(after.symbols.find((s) => s.symbol === 'WILD')?.regime).toBe('volatility_up');
    const before = monitor21.assess(frame, T0 + (CALM_BARS - 1) * MS_PER_DAY);
    expect(before.symbols.find((s) => s.symbol === 'WILD')?.volatilityShift).toBe(false);
  });

  it('never reads past the assessed time', () => {
    const frame = fixtureMarket();
    const times = frame.timestamps();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: times.length - 1 }), (i) => {
        const t = times[i] ?? 0;
        expect(monitor.assess(frame, t)).toEqual(monitor.assess(frame.select({ end: t }), t));
      }),
      { numRuns: 40 },
    );
  });

  it('raises few false alarms on i.i.d. normal returns (about the nominal level)', () => {
    // 300 independent markets of one symbol, no shift: the two tests at 1 % each
    // should alarm in about 2 % of them; 15 or more alarms would be a 4-sd excess.
    const rng = new SeededRandom(2024);
    let alarms = 0;
    for (let k = 0; k < 300; k += 1) {
      const returns = Array.from({ length: 60 }, () => 0.01 * rng.normal());
      if (monitor.assess(frameFromReturns({ X: returns })).shift) alarms += 1;
    }
    expect(alarms).toBeLessThan(15);
  });

  it('refuses bad options and unknown symbols', () => {
    expect(() => new MarketMonitor({ recentWindow: 2 })).toThrow(InvalidArgumentError);
    expect(() => new MarketMonitor({ volatilityAlpha: 1 })).toThrow(/volatilityAlpha/);
    expect(() => new MarketMonitor({ symbols: [] })).toThrow(/symbols/);
    expect(() => new MarketMonitor({ symbols: ['NOPE'] }).assess(fixtureMarket())).toThrow(/NOPE/);
  });
});

import { sampleCorrelation, sampleStandardDeviation } from 'simple-statistics';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REGIME_MODEL, MARKET_REGIMES, syntheticBars, syntheticMarket } from '../../src/data/index.js';
import type { SyntheticRegimeModel } from '../../src/data/index.js';
import { InvalidArgumentError } from '../../src/errors.js';

const DAY = 86_400_000;

function logReturns(close: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 1; i < close.length; i++) out.push(Math.log(close[i]! / close[i - 1]!));
  return out;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

describe('syntheticBars', () => {
  it('gives byte-identical IPC for the same seed and different bytes for another seed', () => {
    const options = { symbols: 3, bars: 300, seed: 11 };
    expect(bytesEqual(syntheticBars(options).toIpc(), syntheticBars(options).toIpc())).toBe(true);
    expect(bytesEqual(syntheticBars(options).toIpc(), syntheticBars({ ...options, seed: 12 }).toIpc())).toBe(false);
  });

  it('pins a known run (regression)', () => {
    const { frame, regimes } = syntheticMarket({ symbols: 3, bars: 50, seed: 7 });
    const sym0 = frame.series('SYM0');
    expect(sym0.close[49]).toBeCloseTo(102.34225039414467, 9);
    expect(sym0.open[10]).toBeCloseTo(100.16992175822472, 9);
    expect(sym0.volume[0]).toBe(854834);
    expect(Array.from(regimes).join('')).toBe('00000000000000000000000000222222222222222222222222');
  });

  it.each([0, 0.3, 0.8])('gives log returns of two symbols a correlation within ±0.1 of %s over 5000 bars', (correlation) => {
    const frame = syntheticBars({ symbols: 2, bars: 5000, seed: 2024, correlation });
    const r = sampleCorrelation(logReturns(frame.series('SYM0').close), logReturns(frame.series('SYM1').close));
    expect(Math.abs(r - correlation)).toBeLessThan(0.1);
  });

  it('keeps the long-run annualised volatility near the parameter across symbols', () => {
    // Per-symbol factors are uniform on [0.8, 1.2], so the cross-sectional mean is ≈ volatility.
    const frame = syntheticBars({ symbols: 30, bars: 2000, seed: 5, volatility: 0.25 });
    const vols = frame.symbols.map((s) => sampleStandardDeviation(logReturns(frame.series(s).close)) * Math.sqrt(252));
    const mean = vols.reduce((a, b) => a + b, 0) / vols.length;
    expect(mean).toBeGreaterThan(0.22);
    expect(mean).toBeLessThan(0.28);
  });

  it('makes volatile regimes more volatile than calm ones', () => {
    const { frame, regimes } = syntheticMarket({ symbols: 1, bars: 5000, seed: 3 });
    const returns = logReturns(frame.series('SYM0').close);
    const byRegime = (index: number) => returns.filter((_, t) => regimes[t + 1] === index);
    const calm = byRegime(MARKET_REGIMES.indexOf('calm'));
    const volatile = byRegime(MARKET_REGIMES.indexOf('volatile'));
    expect(volatile.length).toBeGreaterThan(100);
    // Documented σ: calm ≈ 0.163, volatile ≈ 0.367, a ratio of ≈ 2.25.
    const ratio = sampleStandardDeviation(volatile) / sampleStandardDeviation(calm);
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.7);
  });

  it('spends about the stationary share of time in each regime', () => {
    const { regimes } = syntheticMarket({ symbols: 1, bars: 20_000, seed: 9 });
    const share = (index: number) => regimes.filter((r) => r === index).length / regimes.length;
    // Stationary shares of DEFAULT_REGIME_MODEL, solved by hand: 19/27, 3/27, 5/27.
    expect(share(0)).toBeCloseTo(19 / 27, 1);
    expect(share(1)).toBeCloseTo(3 / 27, 1);
    expect(share(2)).toBeCloseTo(5 / 27, 1);
  });

  it('follows a custom regime model and can switch regimes off', () => {
    const alwaysVolatile: SyntheticRegimeModel = {
      ...DEFAULT_REGIME_MODEL,
      initial: 'volatile',
      transitions: { ...DEFAULT_REGIME_MODEL.transitions, volatile: { calm: 0, volatile: 1, trending: 0 } },
    };
    expect(new Set(syntheticMarket({ symbols: 1, bars: 200, seed: 1, regimes: alwaysVolatile }).regimes)).toEqual(new Set([1]));
    expect(new Set(syntheticMarket({ symbols: 1, bars: 200, seed: 1, regimes: false }).regimes)).toEqual(new Set([0]));
  });

  it('skips weekends for daily bars by default', () => {
    // 2024-01-05 is a Friday.
    const frame = syntheticBars({ symbols: 1, bars: 10, seed: 1, start: '2024-01-05' });
    const times = Array.from(frame.series('SYM0').timestamp);
    expect(times.map((t) => new Date(t).toISOString().slice(0, 10))).toEqual([
      '2024-01-05', '2024-01-08', '2024-01-09', '2024-01-10', '2024-01-11',
      '2024-01-12', '2024-01-15', '2024-01-16', '2024-01-17', '2024-01-18',
    ]);
  });

  it('keeps every step for intraday intervals and for the continuous calendar', () => {
    const hourly = syntheticBars({ symbols: 1, bars: 100, seed: 1, start: Date.UTC(2024, 0, 6), intervalMs: 3_600_000 });
    const t = hourly.series('SYM0').timestamp;
    expect(t[0]).toBe(Date.UTC(2024, 0, 6)); // a Saturday
    expect(t[99]! - t[0]!).toBe(99 * 3_600_000);
    const daily = syntheticBars({ symbols: 1, bars: 7, seed: 1, start: '2024-01-06', calendar: 'continuous' });
    expect(daily.series('SYM0').timestamp[6]! - daily.series('SYM0').timestamp[0]!).toBe(6 * DAY);
  });

  it('gives a symbol the same bars whatever other symbols are generated with it', () => {
    const alone = syntheticBars({ symbols: ['AAPL'], bars: 100, seed: 4 }).series('AAPL');
    const together = syntheticBars({ symbols: ['MSFT', 'AAPL', 'GOOG'], bars: 100, seed: 4 }).series('AAPL');
    expect(Array.from(together.close)).toEqual(Array.from(alone.close));
    expect(Array.from(together.volume)).toEqual(Array.from(alone.volume));
  });

  it('produces valid OHLCV: opens near the previous close, wicks around the body, integer volume (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 2, max: 200 }),
        fc.integer(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1.5, noNaN: true }),
        fc.double({ min: 0.5, max: 5000, noNaN: true }),
        (symbols, bars, seed, correlation, volatility, startPrice) => {
          const frame = syntheticBars({ symbols, bars, seed, correlation, volatility, startPrice });
          for (const symbol of frame.symbols) {
            const s = frame.series(symbol);
            expect(s.open[0]).toBe(startPrice);
            const barSigma = 1.2 * volatility * 2 * Math.sqrt(1 / 252); // generous bound on m·σ_r·√Δ
            const broken: string[] = [];
            for (let t = 0; t < s.length; t++) {
              const o = s.open[t]!;
              const c = s.close[t]!;
              if (!(s.high[t]! >= Math.max(o, c))) broken.push(`high ${t}`);
              if (!(s.low[t]! <= Math.min(o, c))) broken.push(`low ${t}`);
              if (!(s.low[t]! > 0)) broken.push(`low>0 ${t}`);
              if (!(Number.isInteger(s.volume[t]) && s.volume[t]! >= 1)) broken.push(`volume ${t}`);
              if (t > 0 && !(Math.abs(Math.log(o / s.close[t - 1]!)) < 8 * 0.2 * barSigma + 1e-12)) broken.push(`gap ${t}`);
            }
            expect(broken).toEqual([]);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('names the option that is out of its domain', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ symbols: 2, bars: 0, seed: 1 }, 'options.bars'],
      [{ symbols: 2, bars: 10, seed: 1.5 }, 'options.seed'],
      [{ symbols: 2, bars: 10, seed: 1, correlation: 1.5 }, 'options.correlation'],
      [{ symbols: ['A', 'A'], bars: 10, seed: 1 }, 'options.symbols.1'],
      [{ symbols: 2, bars: 10, seed: 1, calendar: 'lunar' }, 'options.calendar'],
      [
        { symbols: 2, bars: 10, seed: 1, regimes: { ...DEFAULT_REGIME_MODEL, transitions: { ...DEFAULT_REGIME_MODEL.transitions, calm: { calm: 0.5, volatile: 0.2, trending: 0.2 } } } },
        'options.regimes',
      ],
      // Weekly steps from a Saturday never reach a weekday.
      [{ symbols: 1, bars: 3, seed: 1, start: '2024-01-06', intervalMs: 7 * DAY, calendar: 'weekdays' }, 'options.intervalMs'],
    ];
    for (const [options, path] of cases) {
      try {
        syntheticBars(options as never);
        expect.unreachable(`expected ${path} to be rejected`);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentError);
        expect((error as InvalidArgumentError).path?.startsWith(path)).toBe(true);
      }
    }
  });
});

import { BarFrame, InvalidArgumentError, MS_PER_DAY } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import type { ProposedBook } from '../../src/debate/proposed-book.js';
import { RiskSimulator } from '../../src/debate/risk-simulator.js';
import { RecordingStressTester, T0 } from './fixtures/debate-fixtures.js';

/** UP: +1 % a day for 40 days; LATE: starts on day 30. */
function frame(): BarFrame {
  const closes = (n: number, rate: number) => Array.from({ length: n }, (_, i) => 100 * (1 + rate) ** i);
  const series = (close: number[], from = 0) => ({
    timestamp: close.map((_, i) => T0 + (from + i) * MS_PER_DAY),
    open: close,
    high: close.map((c) => c * 1.001),
    low: close.map((c) => c * 0.999),
    close,
    volume: close.map(() => 1),
  });
  return BarFrame.fromSeries({ UP: series(closes(40, 0.01)), LATE: series(closes(10, 0.01), 30) });
}

const book = (positions: { symbol: string; weight: number }[]): ProposedBook => ({
  positions: positions.map((p) => ({ ...p, direction: p.weight > 0 ? ('up' as const) : ('down' as const), confidence: undefined, magnitude: undefined })),
  grossExposure: positions.reduce((s, p) => s + Math.abs(p.weight), 0),
  netExposure: positions.reduce((s, p) => s + p.weight, 0),
});

const LAST = T0 + 39 * MS_PER_DAY;
const limits = { maxTvar: 0.1, maxDrawdownBreachProbability: 0.05, maxGrossExposure: 2 };

describe('RiskSimulator', () => {
  it('approves a book within the limits, with the Monte Carlo figures', async () => {
    // Long 0.5 UP on a +1 %/day history: every path ends at 1.005²¹, loss 1 − 1.005²¹ < 0, never a drawdown.
    const simulator = new RiskSimulator({ stress: new RecordingStressTester(), limits, horizon: 21, paths: 500 });
    const verdict = await simulator.evaluate(book([{ symbol: 'UP', weight: 0.5 }]), frame(), LAST);
    expect(verdict.approved).toBe(true);
    expect(verdict.reasons).toEqual([]);
    expect(verdict.metrics?.tvar).toBeCloseTo(1 - 1.005 ** 21, 12);
    expect(verdict.metrics).toMatchObject({ probabilityOfDrawdownBreach: 0, paths: 500, horizon: 21, alpha: 0.95, drawdownLimit: 0.1, observations: 39, grossExposure: 0.5 });
  });

  it('rejects a book whose TVaR and drawdown-breach probability exceed the limits, saying by how much', async () => {
    // Short 2 × UP: every period −2 %, loss 1 − 0.98²¹ ≈ 0.3457 > 0.1; the drawdown passes 10 % on every path.
    const simulator = new RiskSimulator({ stress: new RecordingStressTester(), limits, paths: 200 });
    const verdict = await simulator.evaluate(book([{ symbol: 'UP', weight: -2 }]), frame(), LAST);
    expect(verdict.approved).toBe(false);
    expect(verdict.metrics?.tvar).toBeCloseTo(1 - 0.98 ** 21, 12);
    expect(verdict.reasons).toEqual(['TVaR95 of the 21-bar loss 0.3457 > limit 0.1', 'P(drawdown > 0.1) = 1 > limit 0.05']);
  });

  it('rejects a book over the gross-exposure limit even when the stress passes', async () => {
    const simulator = new RiskSimulator({ stress: new RecordingStressTester(), limits: { maxTvar: 10, maxDrawdownBreachProbability: 1, maxGrossExposure: 2 }, paths: 50 });
    const verdict = await simulator.evaluate(book([{ symbol: 'UP', weight: 3 }]), frame(), LAST);
    expect(verdict.approved).toBe(false);
    expect(verdict.reasons).toEqual(['gross exposure 3 > limit 2']);
  });

  it('rejects an empty book without running a stress', async () => {
    const stress = new RecordingStressTester();
    const verdict = await new RiskSimulator({ stress, limits }).evaluate(book([]), frame(), LAST);
    expect(verdict).toMatchObject({ approved: false, metrics: null });
    expect(verdict.reasons[0]).toMatch(/no position/);
    expect(stress.requests).toHaveLength(0);
  });

  it('rejects, not throws, when the book cannot be stressed', async () => {
    const simulator = new RiskSimulator({ stress: new RecordingStressTester(), limits });
    const unknown = await simulator.evaluate(book([{ symbol: 'NOPE', weight: 0.1 }]), frame(), LAST);
    expect(unknown.reasons[0]).toMatch(/^stress test failed: .*NOPE/);
    // LATE has no bar at or before day 29.
    const early = await simulator.evaluate(book([{ symbol: 'LATE', weight: 0.1 }]), frame(), T0 + 29 * MS_PER_DAY);
    expect(early.approved).toBe(false);
    expect(early.reasons[0]).toMatch(/LATE/);
  });

  it('uses only returns up to the decision time, the last `lookback` of them, and one seed', async () => {
    const stress = new RecordingStressTester();
    const simulator = new RiskSimulator({ stress, limits, lookback: 15, seed: 42, paths: 10, horizon: 5 });
    const first = await simulator.evaluate(book([{ symbol: 'UP', weight: 0.5 }]), frame(), T0 + 20 * MS_PER_DAY);
    const second = await simulator.evaluate(book([{ symbol: 'UP', weight: 0.5 }]), frame(), T0 + 9 * MS_PER_DAY);
    expect(stress.requests[0]?.returns[0]?.length).toBe(15);
    // Day 9: closes of days 0…9, 9 returns.
    expect(stress.requests[1]?.returns[0]?.length).toBe(9);
    expect(stress.requests.map((r) => r.seed)).toEqual([42, 42]);
    expect(first.metrics?.observations).toBe(15);
    expect(second.metrics?.observations).toBe(9);
  });

  it('refuses bad options, naming them', () => {
    const stress = new RecordingStressTester();
    expect(() => new RiskSimulator({ stress, limits: { maxTvar: 0, maxDrawdownBreachProbability: 0.1 } })).toThrow(/limits\.maxTvar/);
    expect(() => new RiskSimulator({ stress, limits: { maxTvar: 0.1, maxDrawdownBreachProbability: 2 } })).toThrow(/maxDrawdownBreachProbability/);
    expect(() => new RiskSimulator({ stress, limits, paths: 0 })).toThrow(InvalidArgumentError);
    expect(() => new RiskSimulator({ stress, limits, seed: 0.5 })).toThrow(/seed/);
  });
});

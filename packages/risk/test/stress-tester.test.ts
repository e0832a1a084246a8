import { InvalidArgumentError } from '@alphaswarm/core';
import type { StressRequest, StressTester } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MonteCarloStressTester } from '../src/stress-tester.js';

describe('MonteCarloStressTester', () => {
  it('implements the core StressTester contract', () => {
    const tester: StressTester = new MonteCarloStressTester();
    expect(typeof tester.stress).toBe('function');
  });

  it('gives the compounded loss of a constant history on every path', () => {
    // Every period returns +1 % on a 2x weight: V_3 = 1.02³ = 1.061208, loss = −0.061208.
    const result = new MonteCarloStressTester().stress({ weights: [2], returns: [[0.01, 0.01, 0.01]], horizon: 3, paths: 500, seed: 1 });
    expect(result.meanLoss).toBeCloseTo(-0.061208, 12);
    expect(result.var).toBeCloseTo(-0.061208, 12);
    expect(result.tvar).toBeCloseTo(-0.061208, 12);
    expect(result.paths).toBe(500);
    expect(Number.isNaN(result.probabilityOfDrawdownBreach)).toBe(true);
  });

  it('bootstraps whole rows: a ±10 % history has VaR and TVaR of exactly 10 % at one period', () => {
    // Losses are 1 − 0.9 or 1 − 1.1 (≈ ±0.1) with probability 1/2 each: the 95 % quantile and the tail mean are 0.1.
    const result = new MonteCarloStressTester().stress({ weights: [1], returns: [[0.1, -0.1]], horizon: 1, paths: 20_000, seed: 3 });
    expect(result.var).toBeCloseTo(0.1, 12);
    expect(result.tvar).toBeCloseTo(0.1, 12);
    // Mean of ±0.1 coin flips: sd 0.1/√20000 ≈ 0.0007; four sd.
    expect(Math.abs(result.meanLoss)).toBeLessThan(0.003);
  });

  it('reports the drawdown-breach probability against the limit', () => {
    // −10 % every period: V = 0.9, 0.81, 0.729, a drawdown of 27.1 % at the horizon.
    const base: StressRequest = { weights: [1], returns: [[-0.1, -0.1]], horizon: 3, paths: 100, seed: 5 };
    const tester = new MonteCarloStressTester();
    expect(tester.stress({ ...base, drawdownLimit: 0.25 }).probabilityOfDrawdownBreach).toBe(1);
    expect(tester.stress({ ...base, drawdownLimit: 0.3 }).probabilityOfDrawdownBreach).toBe(0);
  });

  it('uses the method of the request over its own default', () => {
    // History ±10 %: sample sd = √((0.01 + 0.01) / 1) = 0.14142. Parametric one-period
    // VaR95 = 1.64485 × 0.14142 = 0.23262; the bootstrap can never lose more than 0.1.
    const request: StressRequest = { weights: [1], returns: [[0.1, -0.1]], horizon: 1, paths: 40_000, seed: 9 };
    const bootstrap = new MonteCarloStressTester({ method: 'bootstrap' });
    expect(bootstrap.stress(request).var).toBeCloseTo(0.1, 12);
    expect(bootstrap.stress({ ...request, method: 'parametric' }).var).toBeCloseTo(0.23262, 2);
    expect(new MonteCarloStressTester({ method: 'parametric' }).stress(request).var).toBeCloseTo(0.23262, 2);
  });

  it('uses its own confidence level when the request gives none', () => {
    // One-period parametric loss ~ N(0, 0.14142²): VaR99 = 2.32635 × 0.14142 = 0.32899.
    const request: StressRequest = { weights: [1], returns: [[0.1, -0.1]], horizon: 1, paths: 60_000, seed: 4, method: 'parametric' };
    expect(new MonteCarloStressTester({ alpha: 0.99 }).stress(request).var).toBeCloseTo(0.32899, 1);
    expect(new MonteCarloStressTester({ alpha: 0.99 }).stress({ ...request, alpha: 0.95 }).var).toBeCloseTo(0.23262, 2);
  });

  it('caps the bootstrap block at the history length instead of failing', () => {
    const tester = new MonteCarloStressTester({ blockSize: 50 });
    const result = tester.stress({ weights: [1], returns: [[0.01, 0.02, 0.03]], horizon: 10, paths: 10, seed: 2 });
    expect(Number.isFinite(result.var)).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const request: StressRequest = { weights: [0.6, -0.4], returns: [[0.01, -0.02, 0.03, 0.0], [0.02, 0.01, -0.01, 0.005]], horizon: 5, paths: 2000, seed: 42, drawdownLimit: 0.02 };
    const tester = new MonteCarloStressTester();
    expect(tester.stress(request)).toEqual(tester.stress(request));
    expect(tester.stress(request).meanLoss).not.toBe(tester.stress({ ...request, seed: 43 }).meanLoss);
  });

  it('refuses a request over its step budget, naming paths', () => {
    const tester = new MonteCarloStressTester({ maxSteps: 1000 });
    const run = (): unknown => tester.stress({ weights: [1], returns: [[0.01, 0.02]], horizon: 10, paths: 101, seed: 1 });
    expect(run).toThrow(InvalidArgumentError);
    expect(run).toThrow(/paths/);
    expect(() => tester.stress({ weights: [1], returns: [[0.01, 0.02]], horizon: 10, paths: 100, seed: 1 })).not.toThrow();
  });

  it('names the offending field of a malformed request', () => {
    const tester = new MonteCarloStressTester();
    expect(() => tester.stress({ weights: [1, 1], returns: [[0.01, 0.02]], horizon: 1, paths: 1, seed: 1 })).toThrow(/returns/);
    expect(() => tester.stress({ weights: [1], returns: [[0.01, Number.NaN]], horizon: 1, paths: 1, seed: 1 })).toThrow(/returns\[0\]\[1\]/);
    expect(() => tester.stress({ weights: [1], returns: [[0.01, 0.02]], horizon: 0, paths: 1, seed: 1 })).toThrow(/horizon/);
    expect(() => tester.stress({ weights: [1], returns: [[0.01, 0.02]], horizon: 1, paths: 1, seed: 1.5 })).toThrow(/seed/);
  });

  it('rejects bad options', () => {
    expect(() => new MonteCarloStressTester({ blockSize: 0 })).toThrow(InvalidArgumentError);
    expect(() => new MonteCarloStressTester({ alpha: 1 })).toThrow(/alpha/);
    expect(() => new MonteCarloStressTester({ method: 'historical' as 'bootstrap' })).toThrow(/method/);
  });

  it('keeps VaR ≤ TVaR and the breach probability in [0, 1]', () => {
    const tester = new MonteCarloStressTester();
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 2, maxLength: 30 }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer(),
        (series, weight, horizon, seed) => {
          const r = tester.stress({ weights: [weight], returns: [series], horizon, paths: 200, seed, drawdownLimit: 0.05 });
          expect(r.var).toBeLessThanOrEqual(r.tvar + 1e-12);
          expect(r.probabilityOfDrawdownBreach).toBeGreaterThanOrEqual(0);
          expect(r.probabilityOfDrawdownBreach).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});

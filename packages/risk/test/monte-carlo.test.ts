import { AlphaSwarmError, InvalidArgumentError } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choleskyFactor, monteCarloStress } from '../src/monte-carlo.js';
import type { MonteCarloStressOptions } from '../src/monte-carlo.js';

/** Mean and sample variance (n − 1) from raw sums. */
function meanVar(xs: ArrayLike<number>): { mean: number; variance: number } {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] ?? 0;
    s1 += x;
    s2 += x * x;
  }
  const n = xs.length;
  return { mean: s1 / n, variance: (s2 - (s1 * s1) / n) / (n - 1) };
}

/** Counts of each value of `xs` rounded to 10 decimals. */
function histogram(xs: ArrayLike<number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < xs.length; i++) {
    const key = Math.round((xs[i] ?? 0) * 1e10) / 1e10;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const bytes = (a: Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

// Two-point history: +10 %, −10 %.
const TWO_POINT: MonteCarloStressOptions = {
  weights: [1],
  returns: [[0.1, -0.1]],
  horizon: 2,
  paths: 40_000,
  method: 'bootstrap',
  seed: 11,
};

describe('monteCarloStress, bootstrap', () => {
  it('reproduces the enumerated horizon-2 loss distribution of a two-point history', () => {
    // Four equally likely paths: (+,+) V = 1.21, loss −0.21; (+,−) and (−,+) V = 0.99, loss 0.01;
    // (−,−) V = 0.81, loss 0.19. E[V] = 1.1·0.9… = (E[1 + r])² = 1, so the mean loss is 0.
    const result = monteCarloStress(TWO_POINT);
    const counts = histogram(result.losses);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-0.21, 0.01, 0.19]);
    const n = result.paths;
    // Binomial sd of a frequency ≤ √(0.25/40 000) = 0.0025; allow 5 sd.
    expect(Math.abs((counts.get(-0.21) ?? 0) / n - 0.25)).toBeLessThan(0.0125);
    expect(Math.abs((counts.get(0.01) ?? 0) / n - 0.5)).toBeLessThan(0.0125);
    expect(Math.abs((counts.get(0.19) ?? 0) / n - 0.25)).toBeLessThan(0.0125);
    // sd of one loss = √(0.25·0.0441 + 0.5·0.0001 + 0.25·0.0361) = 0.1418 → SE 0.0007.
    expect(Math.abs(result.meanLoss)).toBeLessThan(0.0035);
    // The top quarter of the sorted losses is 0.19, so the 95 % quantile and the tail mean are 0.19.
    expect(result.var).toBeCloseTo(0.19, 12);
    expect(result.tvar).toBeCloseTo(0.19, 12);
    expect(result.probabilityOfDrawdownBreach).toBeNaN();
    expect(result).toMatchObject({ paths: 40_000, horizon: 2, method: 'bootstrap', seed: 11, alpha: 0.95 });
  });

  it('takes the median loss as the 50 % VaR and averages the tail above it', () => {
    // VaR(0.5) = 0.01; ES = (0.5·0.01 + 0.25·0.19)/0.75 = 0.07 up to sampling error.
    const result = monteCarloStress({ ...TWO_POINT, alpha: 0.5 });
    expect(result.var).toBeCloseTo(0.01, 12);
    expect(Math.abs(result.tvar - 0.07)).toBeLessThan(0.005);
  });

  it('keeps blocks of consecutive rows: block size 2 on the two-point history always gives V = 0.99', () => {
    // A block starts at period 0 (+10 %, −10 %) or wraps from period 1 (−10 %, +10 %): V = 1.1·0.9 = 0.99.
    const result = monteCarloStress({ ...TWO_POINT, paths: 1000, blockSize: 2 });
    for (const loss of result.losses) expect(loss).toBeCloseTo(0.01, 14);
  });

  it('counts drawdown breaches on the compounded path', () => {
    // Drawdowns: (+,+) 0; (+,−) 1 − 0.99/1.1 = 0.1; (−,+) 0.1 at t = 1; (−,−) 0.19.
    // Limit 5 %: three paths of four breach; limit 15 %: only (−,−); limit 20 %: none.
    const p05 = monteCarloStress({ ...TWO_POINT, drawdownLimit: 0.05 }).probabilityOfDrawdownBreach;
    const p15 = monteCarloStress({ ...TWO_POINT, drawdownLimit: 0.15 }).probabilityOfDrawdownBreach;
    const p20 = monteCarloStress({ ...TWO_POINT, drawdownLimit: 0.2 }).probabilityOfDrawdownBreach;
    expect(Math.abs(p05 - 0.75)).toBeLessThan(0.011);
    expect(Math.abs(p15 - 0.25)).toBeLessThan(0.011);
    expect(p20).toBe(0);
    // With blocks of 2 every path has a drawdown of exactly 0.1.
    expect(monteCarloStress({ ...TWO_POINT, blockSize: 2, drawdownLimit: 0.05 }).probabilityOfDrawdownBreach).toBe(1);
    expect(monteCarloStress({ ...TWO_POINT, blockSize: 2, drawdownLimit: 0.15 }).probabilityOfDrawdownBreach).toBe(0);
  });

  it('draws whole cross-sectional rows, so a perfect hedge has no loss', () => {
    // Asset 2 is exactly −asset 1: with equal weights every row nets to 0.
    const a = [0.03, -0.02, 0.05, -0.04, 0.01];
    const result = monteCarloStress({
      weights: [0.5, 0.5],
      returns: [a, Float64Array.from(a, (r) => -r)],
      horizon: 10,
      paths: 500,
      method: 'bootstrap',
      seed: 3,
    });
    for (const loss of result.losses) expect(loss).toBe(0);
  });
});

describe('monteCarloStress, parametric', () => {
  // History with mean and sd from raw sums: Σr = 0.029, Σr² = 0.001995.
  const history = [0.01, -0.02, 0.015, 0.005, -0.01, 0.03, 0.012, -0.013];
  const { mean: mu, variance } = meanVar(history);
  const sigma = Math.sqrt(variance);

  it('matches the normal loss distribution at horizon 1: mean −μ, VaR −μ + 1.6449σ, TVaR −μ + 2.0627σ', () => {
    const paths = 200_000;
    const result = monteCarloStress({ weights: [1], returns: [history], horizon: 1, paths, method: 'parametric', seed: 2024 });
    // Standard errors: mean σ/√N = 0.0022σ; VaR √(α(1−α))/(φ(z)√N)·σ = 0.0047σ; TVaR ≈ 0.006σ.
    expect(Math.abs(result.meanLoss + mu)).toBeLessThan(0.012 * sigma);
    expect(Math.abs(result.var - (-mu + 1.6448536 * sigma))).toBeLessThan(0.025 * sigma);
    expect(Math.abs(result.tvar - (-mu + 2.062713 * sigma))).toBeLessThan(0.03 * sigma);
    expect(Math.sqrt(meanVar(result.losses).variance)).toBeCloseTo(sigma, 3);
  });

  it('reproduces the sample covariance of the assets', () => {
    // Three correlated assets built from two factors; Σ computed here from raw sums.
    const t = 40;
    const f1 = Array.from({ length: t }, (_, i) => Math.sin(1.3 * i) * 0.02);
    const f2 = Array.from({ length: t }, (_, i) => Math.cos(0.7 * i * i) * 0.01);
    const assets = [
      f1.map((x) => x + 0.001),
      f1.map((x, i) => 0.5 * x + (f2[i] ?? 0)),
      f2.map((x, i) => -x + 0.3 * (f1[i] ?? 0) + 0.0005 * Math.sin(5 * i)),
    ];
    const cov = (i: number, j: number): number => {
      const a = assets[i] ?? [];
      const b = assets[j] ?? [];
      const sum = a.map((x, k) => x + (b[k] ?? 0));
      // Var(a + b) = Var a + Var b + 2 Cov(a, b)
      return (meanVar(sum).variance - meanVar(a).variance - meanVar(b).variance) / 2;
    };
    const paths = 100_000;
    const lossVariance = (weights: number[]): number =>
      meanVar(monteCarloStress({ weights, returns: assets, horizon: 1, paths, method: 'parametric', seed: 99 }).losses)
        .variance;
    for (let i = 0; i < 3; i++) {
      const target = meanVar(assets[i] ?? []).variance;
      // SE of a variance estimate: σ²·√(2/N) = 0.0045σ²; allow 5 SE.
      expect(Math.abs(lossVariance([0, 1, 2].map((k) => (k === i ? 1 : 0))) - target)).toBeLessThan(0.025 * target);
      for (let j = i + 1; j < 3; j++) {
        const sumVariance = meanVar(assets[i] ?? []).variance + meanVar(assets[j] ?? []).variance + 2 * cov(i, j);
        const w = [0, 1, 2].map((k) => (k === i || k === j ? 1 : 0));
        expect(Math.abs(lossVariance(w) - sumVariance)).toBeLessThan(0.025 * sumVariance);
      }
    }
  });

  it('handles a singular covariance: a hedged pair of collinear assets has no risk', () => {
    // Asset 2 = 2 × asset 1 exactly: rank-one covariance; weights (2, −1) cancel.
    const a = [0.01, -0.02, 0.015, 0.005, -0.01];
    const returns = [a, a.map((x) => 2 * x)];
    const hedged = monteCarloStress({ weights: [2, -1], returns, horizon: 5, paths: 2000, method: 'parametric', seed: 5 });
    for (const loss of hedged.losses) expect(Math.abs(loss)).toBeLessThan(1e-12);
    const single = monteCarloStress({ weights: [1, 0], returns, horizon: 1, paths: 50_000, method: 'parametric', seed: 5 });
    const target = meanVar(a).variance;
    expect(Math.abs(meanVar(single.losses).variance - target)).toBeLessThan(0.04 * target);
  });

  it('compounds over the horizon: E[1 − V_H] = 1 − (1 + μ)^H for independent periods', () => {
    const horizon = 5;
    const result = monteCarloStress({ weights: [1], returns: [history], horizon, paths: 100_000, method: 'parametric', seed: 8 });
    // sd of V_H ≈ σ√H = 0.0395 → SE 0.000125; allow 5 SE.
    expect(Math.abs(result.meanLoss - (1 - (1 + mu) ** horizon))).toBeLessThan(0.0007);
  });
});

describe('monteCarloStress, determinism', () => {
  const returns = [
    [0.01, -0.02, 0.015, 0.005, -0.01, 0.03],
    [0.002, 0.01, -0.03, 0.02, 0.0, -0.004],
  ];
  for (const method of ['bootstrap', 'parametric'] as const) {
    it(`gives byte-identical losses for the same seed and different ones for another (${method})`, () => {
      const options: MonteCarloStressOptions = { weights: [0.7, 0.5], returns, horizon: 7, paths: 3000, method, seed: 42, blockSize: 2 };
      const first = monteCarloStress(options);
      const again = monteCarloStress(options);
      const other = monteCarloStress({ ...options, seed: 43 });
      expect(bytes(again.losses).equals(bytes(first.losses))).toBe(true);
      expect(bytes(other.losses).equals(bytes(first.losses))).toBe(false);
      expect(again.var).toBe(first.var);
      expect(again.tvar).toBe(first.tvar);
    });
  }
});

describe('monteCarloStress, properties', () => {
  it('has TVaR ≥ VaR and reports the losses in path order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 2, maxLength: 20 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        fc.constantFrom('bootstrap' as const, 'parametric' as const),
        (history, horizon, seed, method) => {
          const result = monteCarloStress({ weights: [1], returns: [history], horizon, paths: 50, method, seed });
          expect(result.tvar).toBeGreaterThanOrEqual(result.var);
          expect(result.losses).toHaveLength(50);
          const sorted = Float64Array.from(result.losses).sort();
          // the 100 % tail would be the maximum; TVaR never exceeds it
          expect(result.tvar).toBeLessThanOrEqual((sorted[49] ?? 0) + 1e-12);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('monteCarloStress, validation', () => {
  const base: MonteCarloStressOptions = { weights: [1], returns: [[0.01, -0.01, 0.02]], horizon: 2, paths: 10, method: 'bootstrap', seed: 1 };
  it.each([
    ['weights', { weights: [Number.NaN] }, /^weights\[0\]: /],
    ['returns count', { returns: [[0.01, 0.02], [0.01, 0.02]] }, /^returns: /],
    ['returns length', { returns: [[0.01]] }, /^returns\[0\]: expected at least 2/],
    ['returns value', { returns: [[0.01, Number.POSITIVE_INFINITY]] }, /^returns\[0\]\[1\]: /],
    ['horizon', { horizon: 0 }, /^horizon: expected a positive integer, got 0/],
    ['paths', { paths: 2.5 }, /^paths: expected a positive integer, got 2.5/],
    ['method', { method: 'garch' as 'bootstrap' }, /^method: /],
    ['seed', { seed: 0.5 }, /^seed: /],
    ['alpha', { alpha: 1 }, /^alpha: /],
    ['drawdownLimit', { drawdownLimit: -0.1 }, /^drawdownLimit: /],
    ['blockSize', { blockSize: 4 }, /^blockSize: expected an integer in \[1, 3\]/],
  ])('rejects a bad %s naming the option', (_name, patch, message) => {
    expect(() => monteCarloStress({ ...base, ...patch })).toThrow(InvalidArgumentError);
    expect(() => monteCarloStress({ ...base, ...patch })).toThrow(message);
  });

  it('rejects misaligned asset histories', () => {
    expect(() => monteCarloStress({ ...base, weights: [1, 1], returns: [[0.01, 0.02], [0.01, 0.02, 0.03]] })).toThrow(
      /^returns\[1\]: /,
    );
  });
});

describe('choleskyFactor', () => {
  const product = (f: readonly Float64Array[]): number[][] =>
    f.map((fi) => f.map((fj) => fi.reduce((sum, v, k) => sum + v * (fj[k] ?? 0), 0)));

  it('is the lower-triangular factor when the pivots come in order', () => {
    // L = [[3,0,0],[1,2,0],[−1,1,1]] gives Σ = L·Lᵀ = [[9,3,−3],[3,5,1],[−3,1,3]].
    // Pivots: 9 (index 0); residual variances 5 − 1 = 4 and 3 − 1 = 2 → index 1; then 2 − 1 = 1.
    const factor = choleskyFactor([
      [9, 3, -3],
      [3, 5, 1],
      [-3, 1, 3],
    ]);
    expect(factor.map((row) => Array.from(row))).toEqual([
      [3, 0, 0],
      [1, 2, 0],
      [-1, 1, 1],
    ]);
  });

  it('reproduces a matrix whose pivots are reordered', () => {
    // Textbook example [[4,12,−16],[12,37,−43],[−16,−43,98]] (unpivoted L = [[2],[6,1],[−8,5,3]]).
    const sigma = [
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ];
    const factor = choleskyFactor(sigma);
    // Index 2 (98) is the largest variance, so it is the first pivot: F[2][0] = √98.
    expect(factor[2]?.[0]).toBeCloseTo(Math.sqrt(98), 14);
    product(factor).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(sigma[i]?.[j] ?? 0, 12)));
  });

  it('factors a rank-one positive semi-definite matrix without jitter', () => {
    // [[1, 2], [2, 4]] = (1, 2)ᵀ(1, 2): pivot index 1 (4) → F[1][0] = 2, F[0][0] = 2/2 = 1, residual 1 − 1 = 0.
    const factor = choleskyFactor([
      [1, 2],
      [2, 4],
    ]);
    expect(factor.map((row) => Array.from(row))).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  it('rejects indefinite matrices with a clear error', () => {
    // [[1,2],[2,1]]: after pivot 0 the residual variance of index 1 is 1 − 4 = −3.
    const indefinite = (): Float64Array[] =>
      choleskyFactor([
        [1, 2],
        [2, 1],
      ]);
    expect(indefinite).toThrow(AlphaSwarmError);
    expect(indefinite).toThrow(/not positive semi-definite: residual variance of index 1 is -3/);
    try {
      indefinite();
    } catch (error) {
      expect(error).toMatchObject({ code: 'NOT_POSITIVE_SEMIDEFINITE', path: 'matrix[1][1]' });
    }
    // Zero variances with a non-zero covariance.
    expect(() =>
      choleskyFactor([
        [0, 1],
        [1, 0],
      ]),
    ).toThrow(/residual covariance \(1, 0\) is 1/);
  });

  it('rejects a non-square matrix', () => {
    expect(() => choleskyFactor([[1, 0]])).toThrow(InvalidArgumentError);
    expect(() => choleskyFactor([])).toThrow(/^matrix: /);
  });

  it('satisfies F·Fᵀ = Σ for Σ = A·Aᵀ, including rank-deficient and ill-conditioned ones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), {
            minLength: n,
            maxLength: n,
          }),
        ),
        (a) => {
          const sigma = a.map((ri) => a.map((rj) => ri.reduce((sum, v, k) => sum + v * (rj[k] ?? 0), 0)));
          const scale = Math.max(...sigma.map((row, i) => row[i] ?? 0));
          const rebuilt = product(choleskyFactor(sigma));
          rebuilt.forEach((row, i) =>
            row.forEach((v, j) => expect(Math.abs(v - (sigma[i]?.[j] ?? 0))).toBeLessThanOrEqual(1e-9 * scale)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

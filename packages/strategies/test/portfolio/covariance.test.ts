import { sampleCovariance as ssCovariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { columnMeans, sampleCovariance } from '../../src/portfolio/covariance.js';

describe('sampleCovariance', () => {
  it('uses the T − 1 divisor (hand example)', () => {
    // x = [1, 2, 3, 4], y = [2, 4, 6, 9]; x̄ = 2.5, ȳ = 5.25.
    // Σ(x−x̄)² = 5 ⇒ var x = 5/3; Σ(x−x̄)(y−ȳ) = 11.5 ⇒ cov = 11.5/3; Σ(y−ȳ)² = 26.75 ⇒ var y = 26.75/3.
    const c = sampleCovariance([Float64Array.of(1, 2, 3, 4), Float64Array.of(2, 4, 6, 9)]);
    expect(c.data[0]).toBeCloseTo(5 / 3, 14);
    expect(c.data[1]).toBeCloseTo(11.5 / 3, 14);
    expect(c.data[2]).toBe(c.data[1]);
    expect(c.data[3]).toBeCloseTo(26.75 / 3, 14);
  });

  it('agrees with simple-statistics on every pair', () => {
    const cols = [Float64Array.of(0.01, -0.02, 0.03, 0.0, 0.015), Float64Array.of(0.02, 0.01, -0.01, 0.005, 0.0), Float64Array.of(-0.01, 0.0, 0.02, 0.01, -0.03)];
    const c = sampleCovariance(cols);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(c.data[i * 3 + j]).toBeCloseTo(ssCovariance(Array.from(cols[i]!), Array.from(cols[j]!)), 15);
  });

  it('is not fooled by a large common level (two-pass)', () => {
    const c = sampleCovariance([Float64Array.of(1e9 + 1, 1e9 + 2, 1e9 + 3)]);
    expect(c.data[0]).toBeCloseTo(1, 6);
  });

  it('names columns of unequal length and too few observations', () => {
    expect(() => sampleCovariance([Float64Array.of(1, 2), Float64Array.of(1)])).toThrow(/columns\[1\]\.length/);
    expect(() => sampleCovariance([Float64Array.of(1)])).toThrow(/at least 2/);
  });
});

describe('columnMeans', () => {
  it('averages each column', () => {
    expect(Array.from(columnMeans([Float64Array.of(1, 2, 3), Float64Array.of(-1, 0, 4)]))).toEqual([2, 1]);
  });
});

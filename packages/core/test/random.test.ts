import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../src/index.js';

const draws = (rng: SeededRandom, n: number): number[] => Array.from({ length: n }, () => rng.next());

describe('SeededRandom', () => {
  it('gives the same numbers for the same seed and different ones for another seed', () => {
    expect(draws(new SeededRandom(42), 100)).toEqual(draws(new SeededRandom(42), 100));
    expect(draws(new SeededRandom(42), 100)).not.toEqual(draws(new SeededRandom(43), 100));
  });

  it('draws uniforms in [0, 1) with the moments of U(0,1)', () => {
    const values = draws(new SeededRandom(7), 200_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
    // U(0,1): mean 1/2, variance 1/12; standard error of the mean ≈ 0.00065.
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
  });

  it('draws standard normals with mean 0, variance 1 and about 95% within ±1.96', () => {
    const rng = new SeededRandom(11);
    const values = Array.from({ length: 200_000 }, () => rng.normal());
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
    const inside = values.filter((v) => Math.abs(v) < 1.959964).length / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.01);
    expect(Math.abs(inside - 0.95)).toBeLessThan(0.003);
  });

  it('resumes from a saved state with the same sequence', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 50 }), (seed, skip) => {
        const rng = new SeededRandom(seed);
        draws(rng, skip);
        const resumed = SeededRandom.fromState(rng.state());
        expect(draws(resumed, 20)).toEqual(draws(rng, 20));
      }),
    );
  });

  it('draws integers below n', () => {
    const rng = new SeededRandom(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i += 1) counts[rng.int(3)]! += 1;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
    expect(() => rng.int(0)).toThrow(/n: expected a positive integer/);
  });
});

import { describe, expect, it } from 'vitest';
import { SeededAverage } from '../../src/indicators/seeded-average.js';

describe('SeededAverage', () => {
  it('outputs nothing during the seed, then the seed mean, then smooths with alpha', () => {
    const average = new SeededAverage(2, 0.25);
    // 4, 8 → seed 6; then 6 + 0.25·(10 − 6) = 7; then 7 + 0.25·(3 − 7) = 6
    expect([4, 8, 10, 3].map((x) => average.push(x))).toEqual([NaN, 6, 7, 6]);
    expect(average.value).toBe(6);
  });

  it('with alpha 1/n is Wilder smoothing: avg·(n−1)/n + x/n', () => {
    const average = new SeededAverage(3, 1 / 3);
    [3, 6, 9].forEach((x) => average.push(x));
    // seed 6; then (6·2 + 12)/3 = 8
    expect(average.push(12)).toBeCloseTo(8, 14);
  });

  it('forgets everything on reset', () => {
    const average = new SeededAverage(1, 0.5);
    average.push(10);
    average.reset();
    expect(average.value).toBeNaN();
    expect(average.push(2)).toBe(2);
  });
});

import { InvalidArgumentError } from '@alphaswarm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fisherFCdf,
  logGamma,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTTwoSidedPValue,
  varianceRatioTwoSidedPValue,
} from '../../src/debate/distributions.js';

describe('logGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 12);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 12);
    expect(() => logGamma(0)).toThrow(InvalidArgumentError);
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches the closed forms I_x(a, 1) = xᵃ and I_x(1, b) = 1 − (1 − x)ᵇ', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.1, max: 30, noNaN: true }), (x, a) => {
        expect(regularizedIncompleteBeta(x, a, 1)).toBeCloseTo(x ** a, 10);
        expect(regularizedIncompleteBeta(x, 1, a)).toBeCloseTo(1 - (1 - x) ** a, 10);
      }),
    );
  });

  it('is symmetric: I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.2, max: 200, noNaN: true }), fc.double({ min: 0.2, max: 200, noNaN: true }), (x, a, b) => {
        expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(1 - regularizedIncompleteBeta(1 - x, b, a), 10);
      }),
    );
  });

  it('is 0 at 0 and 1 at 1, and refuses arguments out of domain', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(() => regularizedIncompleteBeta(1.5, 2, 3)).toThrow(/x/);
    expect(() => regularizedIncompleteBeta(0.5, -1, 3)).toThrow(/a/);
  });
});

describe('Student t', () => {
  it('matches tabulated quantiles', () => {
    // t_{0.975}(10) = 2.228138851986, t_{0.995}(20) = 2.845339709786, t_{0.95}(60) = 1.670648865.
    expect(studentTCdf(2.228138851986, 10)).toBeCloseTo(0.975, 10);
    expect(studentTCdf(-2.845339709786, 20)).toBeCloseTo(0.005, 10);
    expect(studentTCdf(1.670648865, 60)).toBeCloseTo(0.95, 8);
    expect(studentTTwoSidedPValue(2.228138851986, 10)).toBeCloseTo(0.05, 10);
  });

  it('matches the closed forms of 1 and 2 degrees of freedom', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (t) => {
        // Cauchy: ½ + atan(t)/π; t(2): ½ + t / (2√(2 + t²)).
        expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 11);
        expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 11);
      }),
    );
  });

  it('keeps tiny p-values and handles infinities', () => {
    const p = studentTTwoSidedPValue(30, 20);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-15);
    expect(studentTCdf(Number.POSITIVE_INFINITY, 5)).toBe(1);
    expect(studentTTwoSidedPValue(Number.NEGATIVE_INFINITY, 5)).toBe(0);
    expect(() => studentTCdf(1, 0)).toThrow(/df/);
  });
});

describe('Fisher F', () => {
  it('matches a tabulated quantile and the identity F(1, ν) = t(ν)²', () => {
    // F_{0.95}(5, 10) = 3.325834530; P(F(1, ν) ≤ t²) = 2·T_ν(t) − 1 with T_ν evaluated from the table above.
    expect(fisherFCdf(3.32583453, 5, 10)).toBeCloseTo(0.95, 8);
    expect(fisherFCdf(2.228138851986 ** 2, 1, 10)).toBeCloseTo(0.95, 10);
  });

  it('matches the closed form of 2 numerator degrees of freedom', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 40, noNaN: true }), fc.integer({ min: 1, max: 300 }), (f, d2) => {
        // P(F(2, d2) ≤ f) = 1 − (1 + 2f/d2)^(−d2/2).
        expect(fisherFCdf(f, 2, d2)).toBeCloseTo(1 - (1 + (2 * f) / d2) ** (-d2 / 2), 10);
      }),
    );
  });

  it('gives a two-sided variance-ratio p-value symmetric in swapping the samples', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.integer({ min: 2, max: 200 }), fc.integer({ min: 2, max: 200 }), (f, d1, d2) => {
        expect(varianceRatioTwoSidedPValue(f, d1, d2)).toBeCloseTo(varianceRatioTwoSidedPValue(1 / f, d2, d1), 10);
      }),
    );
    expect(varianceRatioTwoSidedPValue(1, 20, 20)).toBeCloseTo(1, 12);
    // F_{0.975}(5, 10) = 4.236085: the two-sided p-value is 0.05.
    expect(varianceRatioTwoSidedPValue(4.236085, 5, 10)).toBeCloseTo(0.05, 6);
    expect(fisherFCdf(-1, 3, 4)).toBe(0);
  });
});

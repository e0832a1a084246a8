/**
 * The distribution functions behind the market monitor's tests: the regularized
 * incomplete beta function, and through it the Student t and Fisher F tails.
 * Self-contained (the agents package depends on core only).
 *
 * @module
 */
import { InvalidArgumentError } from '@alphaswarm/core';

/** Lanczos coefficients (g = 7, n = 9), as in Numerical Recipes and most libms. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (relative error about 1e-15).
 *
 * @throws InvalidArgumentError when x is not a positive finite number.
 */
export function logGamma(x: number): number {
  if (!(x > 0 && Number.isFinite(x))) throw new InvalidArgumentError('x', x, 'a positive finite number');
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i += 1) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function (modified Lentz), for x < (a + 1)/(a + b + 2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const epsilon = 1e-15;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m += 1) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < epsilon) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), by the
 * continued fraction of Numerical Recipes (§6.4) with the symmetry
 * I_x(a, b) = 1 − I_{1−x}(b, a) for fast convergence.
 *
 * @throws InvalidArgumentError for x outside [0, 1] or a non-positive a or b.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1)) throw new InvalidArgumentError('x', x, 'a number in [0, 1]');
  if (!(a > 0 && Number.isFinite(a))) throw new InvalidArgumentError('a', a, 'a positive finite number');
  if (!(b > 0 && Number.isFinite(b))) throw new InvalidArgumentError('b', b, 'a positive finite number');
  if (x === 0) return 0;
  if (x === 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(logFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function checkDegrees(value: number, path: string): void {
  if (!(value > 0 && Number.isFinite(value))) throw new InvalidArgumentError(path, value, 'positive finite degrees of freedom');
}

/**
 * P(T ≤ t) for T ~ Student t with `df` degrees of freedom:
 * `1 − ½ I_{df/(df+t²)}(df/2, ½)` for t ≥ 0 (by symmetry below 0); for t² < df the
 * equal form `½ + ½ I_{t²/(df+t²)}(½, df/2)` is used, which keeps full precision near 0.
 *
 * @throws InvalidArgumentError for non-positive `df` or a NaN `t`.
 */
export function studentTCdf(t: number, df: number): number {
  checkDegrees(df, 'df');
  if (Number.isNaN(t)) throw new InvalidArgumentError('t', t, 'a number');
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const t2 = t * t;
  if (t2 < df) {
    // Near 0, use the complementary argument t²/(df + t²), which keeps full precision.
    const half = 0.5 * regularizedIncompleteBeta(t2 / (df + t2), 0.5, df / 2);
    return t >= 0 ? 0.5 + half : 0.5 - half;
  }
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * Two-sided p-value P(|T| ≥ |t|) of a t statistic with `df` degrees of freedom:
 * `I_{df/(df+t²)}(df/2, ½)` (computed directly, so tiny p-values keep their precision).
 *
 * @throws InvalidArgumentError for non-positive `df` or a NaN `t`.
 */
export function studentTTwoSidedPValue(t: number, df: number): number {
  checkDegrees(df, 'df');
  if (Number.isNaN(t)) throw new InvalidArgumentError('t', t, 'a number');
  if (!Number.isFinite(t)) return 0;
  return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * P(F ≤ f) for F ~ Fisher F(d1, d2): `I_{d1 f/(d1 f + d2)}(d1/2, d2/2)`; 0 for f ≤ 0.
 *
 * @throws InvalidArgumentError for non-positive degrees of freedom or a NaN `f`.
 */
export function fisherFCdf(f: number, d1: number, d2: number): number {
  checkDegrees(d1, 'd1');
  checkDegrees(d2, 'd2');
  if (Number.isNaN(f)) throw new InvalidArgumentError('f', f, 'a number');
  if (f <= 0) return 0;
  if (f === Number.POSITIVE_INFINITY) return 1;
  return regularizedIncompleteBeta((d1 * f) / (d1 * f + d2), d1 / 2, d2 / 2);
}

/**
 * Two-sided p-value of a variance-ratio statistic f ~ F(d1, d2) under equal
 * variances: `2 × min(P(F ≤ f), P(F ≥ f))`, capped at 1. The upper tail is
 * computed as `I_{d2/(d2 + d1 f)}(d2/2, d1/2)`, so tiny p-values keep their precision.
 *
 * @throws InvalidArgumentError for non-positive degrees of freedom or a NaN `f`.
 */
export function varianceRatioTwoSidedPValue(f: number, d1: number, d2: number): number {
  checkDegrees(d1, 'd1');
  checkDegrees(d2, 'd2');
  if (Number.isNaN(f)) throw new InvalidArgumentError('f', f, 'a number');
  if (f <= 0 || f === Number.POSITIVE_INFINITY) return 0;
  const lower = regularizedIncompleteBeta((d1 * f) / (d1 * f + d2), d1 / 2, d2 / 2);
  const upper = regularizedIncompleteBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
  return Math.min(1, 2 * Math.min(lower, upper));
}

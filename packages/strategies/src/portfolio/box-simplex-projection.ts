import { InvalidArgumentError } from '@alphaswarm/core';

/**
 * Euclidean projection of `v` onto the box-constrained simplex
 * `{w : Σ wᵢ = total, lower ≤ wᵢ ≤ upper}`: the unique `w = clip(v − τ, lower, upper)`
 * whose entries sum to `total`. The shift `τ` is found exactly: the sum is a
 * non-increasing piecewise-linear function of `τ` with breakpoints `vᵢ − upper` and
 * `vᵢ − lower`, so it is located between two sorted breakpoints and solved linearly.
 * O(n²) for n assets; the portfolio models call it on tens of assets, never per bar.
 *
 * @throws `InvalidArgumentError` when the set is empty (`n·lower > total` or
 * `n·upper < total`, or `lower > upper`) or an entry of `v` is not finite.
 */
export function projectOntoBoxSimplex(v: ArrayLike<number>, lower = 0, upper = 1, total = 1): Float64Array {
  const n = v.length;
  if (!(lower <= upper)) throw new InvalidArgumentError('lower', lower, `a bound at most upper = ${upper}`);
  const tolerance = 1e-12 * Math.max(1, Math.abs(total));
  if (n * lower > total + tolerance || n * upper < total - tolerance) {
    throw new InvalidArgumentError('total', total, `a total in [n·lower, n·upper] = [${n * lower}, ${n * upper}]`);
  }
  for (let i = 0; i < n; i++) if (!Number.isFinite(v[i] as number)) throw new InvalidArgumentError(`v[${i}]`, v[i], 'a finite number');
  const sumAt = (tau: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.min(upper, Math.max(lower, (v[i] as number) - tau));
    return s;
  };
  const breakpoints: number[] = [];
  for (let i = 0; i < n; i++) breakpoints.push((v[i] as number) - upper, (v[i] as number) - lower);
  breakpoints.sort((a, b) => a - b);
  // sumAt(breakpoints[0]) = n·upper ≥ total ≥ n·lower = sumAt(last breakpoint).
  let tau = breakpoints[breakpoints.length - 1] ?? 0;
  let previous = breakpoints[0] ?? 0;
  let previousSum = sumAt(previous);
  for (let k = 1; k < breakpoints.length; k++) {
    const current = breakpoints[k] as number;
    const currentSum = sumAt(current);
    if (currentSum <= total) {
      tau = previousSum === currentSum ? previous : previous + ((previousSum - total) * (current - previous)) / (previousSum - currentSum);
      break;
    }
    previous = current;
    previousSum = currentSum;
  }
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = Math.min(upper, Math.max(lower, (v[i] as number) - tau));
  return w;
}

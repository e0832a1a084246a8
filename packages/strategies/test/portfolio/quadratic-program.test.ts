import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveQuadraticProgram } from '../../src/portfolio/quadratic-program.js';
import { squareMatrix } from '../../src/portfolio/square-matrix.js';

describe('solveQuadraticProgram', () => {
  it('solves Nocedal & Wright Example 16.4 to (1.4, 1.7)', () => {
    // min (x₁ − 1)² + (x₂ − 2.5)² ⇒ G = 2I, c = (−2, −5);
    // x₁ − 2x₂ + 2 ≥ 0, −x₁ − 2x₂ + 6 ≥ 0, −x₁ + 2x₂ + 2 ≥ 0, x₁ ≥ 0, x₂ ≥ 0; start (2, 0).
    const row = (a: number, b: number): Float64Array => Float64Array.of(a, b);
    const solution = solveQuadraticProgram({
      hessian: squareMatrix([
        [2, 0],
        [0, 2],
      ]),
      linear: [-2, -5],
      inequalities: { rows: [row(1, -2), row(-1, -2), row(-1, 2), row(1, 0), row(0, 1)], rhs: [-2, -6, -2, 0, 0] },
      start: [2, 0],
    });
    expect(solution.x[0]).toBeCloseTo(1.4, 12);
    expect(solution.x[1]).toBeCloseTo(1.7, 12);
    expect(solution.active).toEqual([0]);
  });

  it('solves an equality-constrained problem in one step', () => {
    // min ½(x² + y²) s.t. x + y = 1 ⇒ (½, ½).
    const { x } = solveQuadraticProgram({
      hessian: squareMatrix([
        [1, 0],
        [0, 1],
      ]),
      equalities: { rows: [Float64Array.of(1, 1)], rhs: [1] },
      start: [1, 0],
    });
    expect(x[0]).toBeCloseTo(0.5, 14);
    expect(x[1]).toBeCloseTo(0.5, 14);
  });

  it('refuses an infeasible start', () => {
    expect(() =>
      solveQuadraticProgram({
        hessian: squareMatrix([[1]]),
        inequalities: { rows: [Float64Array.of(1)], rhs: [1] },
        start: [0],
      }),
    ).toThrow(/feasible start/);
  });

  it('matches the clipped minimiser of a separable problem with box bounds (property)', () => {
    // min Σ dᵢ(xᵢ − tᵢ)²/2 s.t. 0 ≤ xᵢ ≤ 1 has the solution clip(tᵢ, 0, 1).
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0.1, max: 5, noNaN: true }), fc.double({ min: -2, max: 3, noNaN: true })), { minLength: 1, maxLength: 6 }),
        (terms) => {
          const n = terms.length;
          const rows: Float64Array[] = [];
          const rhs: number[] = [];
          for (let i = 0; i < n; i++) {
            const lo = new Float64Array(n);
            lo[i] = 1;
            const hi = new Float64Array(n);
            hi[i] = -1;
            rows.push(lo, hi);
            rhs.push(0, -1);
          }
          const g = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? terms[i]![0] : 0)));
          const { x } = solveQuadraticProgram({
            hessian: squareMatrix(g),
            linear: terms.map(([d, t]) => -d * t),
            inequalities: { rows, rhs },
            start: new Array(n).fill(0.5),
          });
          terms.forEach(([, t], i) => expect(x[i]).toBeCloseTo(Math.min(1, Math.max(0, t)), 9));
        },
      ),
      { numRuns: 200 },
    );
  });
});

import { AlphaSwarmError, InvalidArgumentError } from '@alphaswarm/core';
import { solveLinearSystem } from './linear-solve.js';
import type { SquareMatrix } from './square-matrix.js';

/** Linear constraints `A x (= or ≥) b`, one row of `A` per constraint. */
export interface LinearConstraints {
  /** The rows of `A`, each of length n. */
  readonly rows: readonly Float64Array[];
  /** The right-hand sides `b`, one per row. */
  readonly rhs: readonly number[];
}

/**
 * A convex quadratic program
 * `minimise ½ xᵀ G x + cᵀ x  subject to  A_E x = b_E,  A_I x ≥ b_I`.
 */
export interface QuadraticProgram {
  /** `G`: symmetric, positive definite on the null space of every working set (use a ridge otherwise). */
  readonly hessian: SquareMatrix;
  /** `c`; zero when omitted. */
  readonly linear?: ArrayLike<number>;
  /** `A_E x = b_E` (linearly independent rows). */
  readonly equalities?: LinearConstraints;
  /** `A_I x ≥ b_I`. */
  readonly inequalities?: LinearConstraints;
  /** A feasible starting point. */
  readonly start: ArrayLike<number>;
}

/** The solution of a {@link QuadraticProgram}. */
export interface QuadraticProgramSolution {
  /** The minimiser. */
  readonly x: Float64Array;
  /** Indices of the inequalities active (in the working set) at the solution. */
  readonly active: readonly number[];
  /** Iterations used. */
  readonly iterations: number;
}

/**
 * Solves a convex {@link QuadraticProgram} with the primal active-set method
 * (Nocedal & Wright, *Numerical Optimization*, Algorithm 16.3). Each iteration solves
 * the equality-constrained subproblem on the working set through its KKT system
 * `[G −Aᵀ; A 0][p; λ] = [−(Gx + c); 0]`; a step is cut at the first blocking
 * inequality, which joins the working set (blocking constraints are always
 * independent of the working set, so the KKT system stays non-singular); at a
 * stationary point the inequality with the most negative multiplier leaves it. The
 * method terminates in finitely many steps at the exact optimum (up to rounding).
 *
 * Tolerances: a multiplier counts as negative below `−1e-12 × max(1, max|λ|)`; a
 * step direction is zero when its largest entry is at most `1e-15 × max(1, |x|∞)`.
 *
 * @throws `InvalidArgumentError` when the start is infeasible by more than 1e-9;
 * `AlphaSwarmError` `QP_DID_NOT_CONVERGE` after `50 (n + m) + 100` iterations
 * (cycling), `SINGULAR_MATRIX` when a KKT system is singular.
 */
export function solveQuadraticProgram(problem: QuadraticProgram): QuadraticProgramSolution {
  const g = problem.hessian;
  const n = g.n;
  const c = problem.linear ?? new Float64Array(n);
  const eq = problem.equalities ?? { rows: [], rhs: [] };
  const ineq = problem.inequalities ?? { rows: [], rhs: [] };
  const mE = eq.rows.length;
  const mI = ineq.rows.length;
  const x = Float64Array.from(problem.start);
  if (x.length !== n) throw new InvalidArgumentError('start.length', x.length, `${n} (the size of the hessian)`);
  const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
    let s = 0;
    for (let k = 0; k < n; k++) s += (a[k] as number) * (b[k] as number);
    return s;
  };
  for (let i = 0; i < mE; i++) {
    const r = dot(eq.rows[i] as Float64Array, x) - (eq.rhs[i] as number);
    if (Math.abs(r) > 1e-9 * Math.max(1, Math.abs(eq.rhs[i] as number))) throw new InvalidArgumentError(`start (equality ${i})`, r, 'a feasible start (residual 0)');
  }
  for (let i = 0; i < mI; i++) {
    const r = dot(ineq.rows[i] as Float64Array, x) - (ineq.rhs[i] as number);
    if (r < -1e-9 * Math.max(1, Math.abs(ineq.rhs[i] as number))) throw new InvalidArgumentError(`start (inequality ${i})`, r, 'a feasible start (slack ≥ 0)');
  }

  const working: number[] = [];
  const inWorking = new Uint8Array(mI);
  const maxIterations = 50 * (n + mE + mI) + 100;
  let stationary = false;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const k = mE + working.length;
    const size = n + k;
    const kkt = new Float64Array(size * size);
    const rhs = new Float64Array(size);
    for (let i = 0; i < n; i++) {
      let gx = c[i] as number;
      for (let j = 0; j < n; j++) {
        const gij = g.data[i * n + j] as number;
        kkt[i * size + j] = gij;
        gx += gij * (x[j] as number);
      }
      rhs[i] = -gx;
    }
    for (let r = 0; r < k; r++) {
      const row = (r < mE ? eq.rows[r] : ineq.rows[working[r - mE] as number]) as Float64Array;
      for (let j = 0; j < n; j++) {
        kkt[(n + r) * size + j] = row[j] as number;
        kkt[j * size + n + r] = -(row[j] as number);
      }
    }
    const solution = solveLinearSystem(kkt, size, rhs);
    let pNorm = 0;
    let xNorm = 0;
    for (let j = 0; j < n; j++) {
      pNorm = Math.max(pNorm, Math.abs(solution[j] as number));
      xNorm = Math.max(xNorm, Math.abs(x[j] as number));
    }
    if (stationary || pNorm <= 1e-15 * Math.max(1, xNorm)) {
      stationary = false;
      let maxAbs = 0;
      for (let r = 0; r < k; r++) maxAbs = Math.max(maxAbs, Math.abs(solution[n + r] as number));
      let worst = -1;
      let worstValue = -1e-12 * Math.max(1, maxAbs);
      for (let w = 0; w < working.length; w++) {
        const lambda = solution[n + mE + w] as number;
        if (lambda < worstValue) {
          worstValue = lambda;
          worst = w;
        }
      }
      if (worst < 0) return { x, active: [...working].sort((a, b) => a - b), iterations: iteration };
      inWorking[working[worst] as number] = 0;
      working.splice(worst, 1);
      continue;
    }
    let alpha = 1;
    let blocking = -1;
    for (let i = 0; i < mI; i++) {
      if (inWorking[i] === 1) continue;
      const row = ineq.rows[i] as Float64Array;
      const ap = dot(row, solution);
      if (ap >= -1e-15 * Math.max(1, pNorm)) continue;
      const slack = dot(row, x) - (ineq.rhs[i] as number);
      const step = Math.max(0, slack) / -ap;
      if (step < alpha) {
        alpha = step;
        blocking = i;
      }
    }
    for (let j = 0; j < n; j++) x[j] = (x[j] as number) + alpha * (solution[j] as number);
    if (blocking >= 0) {
      working.push(blocking);
      inWorking[blocking] = 1;
    } else {
      stationary = true;
    }
  }
  throw new AlphaSwarmError('QP_DID_NOT_CONVERGE', `quadratic program of size ${n} did not converge in ${maxIterations} iterations`);
}

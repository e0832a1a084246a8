import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { squareMatrix } from '../../src/portfolio/square-matrix.js';
import { covarianceIsUsable, equalWeights } from '../../src/portfolio/weight-fallback.js';
import { TestContext, makeBars } from './fixtures.js';

describe('weight fallback', () => {
  it('gives sign/N', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [1], 'B.X': [1] })).step();
    const out = new Float64Array(2);
    equalWeights([ctx.insight({ symbol: SymbolId.parse('A.X'), direction: 'up' }), ctx.insight({ symbol: SymbolId.parse('B.X'), direction: 'down' })], out);
    expect(Array.from(out)).toEqual([0.5, -0.5]);
  });

  it('accepts only finite covariances with positive variances', () => {
    expect(covarianceIsUsable(squareMatrix([[1, 0], [0, 2]]))).toBe(true);
    expect(covarianceIsUsable(squareMatrix([[1, 0], [0, 0]]))).toBe(false);
    expect(covarianceIsUsable({ n: 1, data: Float64Array.of(Number.NaN) })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import {
  checkArray,
  checkEquity,
  checkFinite,
  checkPeriodsPerYear,
  checkSameLength,
  checkSeries,
} from '../../src/statistics/validate.js';
import { expectPath } from './helpers.js';

describe('checkFinite', () => {
  it('accepts finite numbers and rejects NaN, ±Infinity and non-numbers by path', () => {
    expect(() => checkFinite('riskFree', -0.5)).not.toThrow();
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1', null, undefined]) {
      expectPath(() => checkFinite('riskFree', bad), 'riskFree');
    }
  });
});

describe('checkPeriodsPerYear', () => {
  it('accepts any finite positive number and rejects 0, negatives and non-finite values', () => {
    for (const ok of [1, 12, 252, 365.25, 98_280]) expect(() => checkPeriodsPerYear('periodsPerYear', ok)).not.toThrow();
    for (const bad of [0, -252, Number.NaN, Number.POSITIVE_INFINITY, '252']) {
      expectPath(() => checkPeriodsPerYear('periodsPerYear', bad), 'periodsPerYear');
    }
  });
});

describe('checkSeries', () => {
  it('accepts arrays and typed arrays of finite numbers', () => {
    expect(() => checkSeries('returns', [0.1, -0.2])).not.toThrow();
    expect(() => checkSeries('returns', new Float64Array([0.1, -0.2]))).not.toThrow();
  });

  it('names the first non-finite entry with its index', () => {
    expectPath(() => checkSeries('returns', [0.1, 0.2, Number.NaN, Number.POSITIVE_INFINITY]), 'returns[2]');
    expectPath(() => checkSeries('returns', [0.1, '0.2']), 'returns[1]');
  });

  it('rejects non-arrays and series shorter than the minimum, giving the length as the value', () => {
    expectPath(() => checkSeries('returns', null), 'returns');
    expectPath(() => checkSeries('returns', 'abc'), 'returns');
    expectPath(() => checkSeries('returns', []), 'returns');
    try {
      checkSeries('returns', [1, 2], 3);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).value).toBe(2);
      expect((error as InvalidArgumentError).message).toBe('returns: expected a length of at least 3, got 2');
    }
  });
});

describe('checkEquity', () => {
  it('needs at least 2 points, each finite and > 0', () => {
    expect(() => checkEquity('equity', [100, 101])).not.toThrow();
    expectPath(() => checkEquity('equity', [100]), 'equity');
    expectPath(() => checkEquity('equity', [100, 101, 0]), 'equity[2]');
    expectPath(() => checkEquity('equity', [100, -1]), 'equity[1]');
    expectPath(() => checkEquity('equity', new Float64Array([100, 101, 102, Number.NaN])), 'equity[3]');
    expectPath(() => checkEquity('equity', undefined), 'equity');
  });
});

describe('checkArray and checkSameLength', () => {
  it('rejects a non-array and a length mismatch by path', () => {
    expect(() => checkArray('trades', [])).not.toThrow();
    expectPath(() => checkArray('trades', { pnl: 1 }), 'trades');
    expect(() => checkSameLength('benchmark', [1, 2], 2)).not.toThrow();
    expectPath(() => checkSameLength('benchmark', [1, 2, 3], 2), 'benchmark');
  });
});

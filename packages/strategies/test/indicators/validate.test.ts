import { InvalidArgumentError } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { requirePeriod, requirePositiveNumber, requireSameLength } from '../../src/indicators/validate.js';

describe('requirePeriod', () => {
  it('accepts integers at or above the minimum', () => {
    expect(requirePeriod('n', 1)).toBe(1);
    expect(requirePeriod('n', 2, 2)).toBe(2);
  });

  it('rejects non-integers, too-small values and non-numbers with the parameter name and value', () => {
    for (const bad of [0, -1, 1.5, NaN, Infinity, '3', undefined]) {
      expect(() => requirePeriod('kPeriod', bad)).toThrow(InvalidArgumentError);
    }
    expect(() => requirePeriod('n', 1, 2)).toThrow('n: expected an integer >= 2, got 1');
    try {
      requirePeriod('dPeriod', 0);
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', path: 'dPeriod', value: 0 });
    }
  });
});

describe('requirePositiveNumber', () => {
  it('accepts finite positive numbers and rejects the rest', () => {
    expect(requirePositiveNumber('k', 0.5)).toBe(0.5);
    for (const bad of [0, -2, NaN, Infinity]) expect(() => requirePositiveNumber('k', bad)).toThrow(/^k: /);
  });
});

describe('requireSameLength', () => {
  it('returns the common length', () => {
    expect(requireSameLength(['high', [1, 2]], ['low', new Float64Array(2)])).toBe(2);
  });

  it('names the first series whose length differs', () => {
    expect(() => requireSameLength(['high', [1, 2]], ['low', [1, 2]], ['close', [1]])).toThrow(
      'close.length: expected 2 (the length of high), got 1'
    );
  });
});

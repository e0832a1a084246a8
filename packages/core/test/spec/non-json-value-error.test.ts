import { describe, expect, it } from 'vitest';
import { AlphaSwarmError, NonJsonValueError } from '../../src/index.js';

describe('NonJsonValueError', () => {
  it('carries code, path, value and reason, and names the path in its message', () => {
    const fn = function price(): number {
      return 1;
    };
    const error = new NonJsonValueError('kwargs.fast', fn, 'a function is not a JSON value');
    expect(error).toBeInstanceOf(AlphaSwarmError);
    expect([error.code, error.path, error.value, error.reason]).toEqual(['NON_JSON_VALUE', 'kwargs.fast', fn, 'a function is not a JSON value']);
    expect(error.message).toBe('kwargs.fast: a function is not a JSON value (got function price)');
  });

  it('shows the root as (root) and class instances by their class', () => {
    expect(new NonJsonValueError('', new Date(0), 'only plain objects are JSON objects').message).toBe(
      '(root): only plain objects are JSON objects (got a Date)',
    );
    expect(new NonJsonValueError('n', 5n, 'x').message).toBe('n: x (got 5n)');
  });
});

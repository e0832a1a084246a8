import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MonotonicDeque } from '../../src/indicators/monotonic-deque.js';

describe('MonotonicDeque', () => {
  it('holds the maximum or minimum of the last size values', () => {
    const max = new MonotonicDeque(3, true);
    const min = new MonotonicDeque(3, false);
    const maxima: number[] = [];
    const minima: number[] = [];
    for (const x of [5, 1, 3, 2, 0, 4]) {
      max.push(x);
      min.push(x);
      maxima.push(max.extreme);
      minima.push(min.extreme);
    }
    // windows: [5] [5,1] [5,1,3] [1,3,2] [3,2,0] [2,0,4]
    expect(maxima).toEqual([5, 5, 5, 3, 3, 4]);
    expect(minima).toEqual([5, 1, 1, 1, 0, 0]);
  });

  it('reports full from the size-th push and NaN when empty', () => {
    const deque = new MonotonicDeque(2, true);
    expect(deque.extreme).toBeNaN();
    deque.push(1);
    expect(deque.full).toBe(false);
    deque.push(2);
    expect(deque.full).toBe(true);
  });

  it('matches a direct scan on any sequence, over many wraps of the ring', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        (xs, size, keepsMax) => {
          const deque = new MonotonicDeque(size, keepsMax);
          xs.forEach((x, t) => {
            deque.push(x);
            const window = xs.slice(Math.max(0, t - size + 1), t + 1);
            expect(deque.extreme).toBe(keepsMax ? Math.max(...window) : Math.min(...window));
          });
        }
      )
    );
  });

  it('empties on reset', () => {
    const deque = new MonotonicDeque(3, false);
    deque.push(-10);
    deque.reset();
    expect(deque.full).toBe(false);
    deque.push(4);
    expect(deque.extreme).toBe(4);
  });
});

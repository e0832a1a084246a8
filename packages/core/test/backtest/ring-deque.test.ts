import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RingDeque } from '../../src/index.js';

describe('RingDeque', () => {
  it('behaves like an array used as a deque under any sequence of operations', () => {
    type Op = { op: 'push' | 'unshift'; value: number } | { op: 'shift' | 'pop' };
    const op = fc.oneof(
      fc.record({ op: fc.constantFrom('push' as const, 'unshift' as const), value: fc.integer() }),
      fc.record({ op: fc.constantFrom('shift' as const, 'pop' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops: Op[]) => {
        const deque = new RingDeque<number>(2);
        const model: number[] = [];
        for (const o of ops) {
          if (o.op === 'push') {
            deque.push(o.value);
            model.push(o.value);
          } else if (o.op === 'unshift') {
            deque.unshift(o.value);
            model.unshift(o.value);
          } else if (o.op === 'shift') expect(deque.shift()).toBe(model.shift());
          else expect(deque.pop()).toBe(model.pop());
          expect(deque.length).toBe(model.length);
          expect(deque.peek()).toBe(model[0]);
        }
      }),
    );
  });

  it('empties on clear', () => {
    const deque = new RingDeque<string>();
    deque.push('a');
    deque.push('b');
    deque.clear();
    expect(deque.length).toBe(0);
    expect(deque.shift()).toBeUndefined();
  });
});

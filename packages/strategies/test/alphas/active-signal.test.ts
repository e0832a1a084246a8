import { describe, expect, it } from 'vitest';
import { ActiveSignal } from '../../src/alphas/active-signal.js';

describe('ActiveSignal', () => {
  it('holds nothing at first', () => {
    expect(new ActiveSignal().sign(0)).toBe(0);
  });

  it('reports the sign of the last insight while it is active, and 0 from its close time on', () => {
    const s = new ActiveSignal();
    s.set('down', 100, 50);
    expect([s.sign(100), s.sign(149), s.sign(150)]).toEqual([-1, -1, 0]);
    s.set('up', 200, undefined);
    expect(s.sign(1e15)).toBe(1);
    s.set('flat', 300, undefined);
    expect(s.sign(301)).toBe(0);
  });

  it('names the direction to emit only when the wanted sign changes, and again after expiry', () => {
    const s = new ActiveSignal();
    expect(s.changeTo(0, 0)).toBeUndefined(); // nothing held, flat wanted: no change
    expect(s.changeTo(1, 0)).toBe('up');
    s.set('up', 0, 100);
    expect(s.changeTo(1, 50)).toBeUndefined();
    expect(s.changeTo(-1, 50)).toBe('down');
    expect(s.changeTo(0, 50)).toBe('flat');
    expect(s.changeTo(1, 100)).toBe('up'); // the up insight expired at 100
  });
});

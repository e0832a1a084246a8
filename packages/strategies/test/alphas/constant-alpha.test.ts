import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { ConstantAlpha } from '../../src/alphas/constant-alpha.js';
import { ScheduledUniverse } from '../../src/universe/scheduled-universe.js';
import { brief, DAY, emitted, expectFillsAtNextOpen, makeBars, runAlpha, T0, tradeAlpha } from './fixtures.js';

const CLOSES = [10, 11, 12, 13, 14, 15, 16, 17];
const A = 'AAA.X';
const B = 'BBB.X';

describe('ConstantAlpha', () => {
  it('emits one open-ended insight per symbol, on its first bar', () => {
    const list = emitted(runAlpha(new ConstantAlpha({ direction: 'up' }), makeBars({ [A]: CLOSES, [B]: CLOSES })));
    expect(brief(list)).toEqual([
      [0, A, 'up'],
      [0, B, 'up'],
    ]);
    expect(list.every((e) => e.closeTime === null)).toBe(true);
  });

  it('renews a timed insight as it expires (LEAN-like), once the bar interval is known', () => {
    // No barInterval: the interval is unknown on the very first bar, so the first insight
    // waits for bar 1; period 3 bars → again at 4 and 7.
    const inferred = emitted(runAlpha(new ConstantAlpha({ direction: 'down', period: 3 }), makeBars({ [A]: CLOSES })));
    expect(inferred.map((e) => [e.index, e.direction, e.closeTime])).toEqual([
      [1, 'down', T0 + 4 * DAY],
      [4, 'down', T0 + 7 * DAY],
      [7, 'down', T0 + 10 * DAY],
    ]);
    // With barInterval the first insight is on bar 0: 0, 3, 6.
    const fixed = emitted(runAlpha(new ConstantAlpha({ direction: 'down', period: 3, barInterval: DAY }), makeBars({ [A]: CLOSES })));
    expect(fixed.map((e) => e.index)).toEqual([0, 3, 6]);
  });

  it('sets the given magnitude, confidence and weight', () => {
    const [e] = emitted(runAlpha(new ConstantAlpha({ direction: 'up', magnitude: 0.02, confidence: 0.4, weight: 0.5 }), makeBars({ [A]: CLOSES })));
    expect([e!.magnitude, e!.confidence, e!.weight]).toEqual([0.02, 0.4, 0.5]);
  });

  it('restricts itself to `symbols` when given', () => {
    const list = emitted(runAlpha(new ConstantAlpha({ direction: 'flat', symbols: [B] }), makeBars({ [A]: CLOSES, [B]: CLOSES })));
    expect(brief(list)).toEqual([[0, B, 'flat']]);
  });

  it('emits again when a symbol leaves the universe and rejoins', () => {
    // BBB is out of the universe on bars 3–4 and back on bar 5.
    const a = SymbolId.parse(A);
    const b = SymbolId.parse(B);
    const universe = new ScheduledUniverse({
      schedule: { kind: 'bars', every: 1 },
      selector: (ctx) => (ctx.time >= T0 + 3 * DAY && ctx.time < T0 + 5 * DAY ? [a] : [a, b]),
    });
    const list = emitted(runAlpha(new ConstantAlpha({ direction: 'up' }), makeBars({ [A]: CLOSES, [B]: CLOSES }), { universe }));
    expect(brief(list)).toEqual([
      [0, A, 'up'],
      [0, B, 'up'],
      [5, B, 'up'],
    ]);
  });

  it('fills at the open of the bar after the insight bar (end to end)', () => {
    const data = makeBars({ [A]: CLOSES });
    const result = tradeAlpha(new ConstantAlpha({ direction: 'up' }), data);
    expect(expectFillsAtNextOpen(result, data)).toEqual([1]);
    // Sized on bar 0's close 10: trunc(100,000 / 10) = 10,000, filled at bar 1's open 10.
    expect(result.fills[0]!.quantity).toBe(10_000);
  });

  it('validates its options', () => {
    expect(() => new ConstantAlpha({ direction: 'sideways' as 'up' })).toThrow(/direction/);
    expect(() => new ConstantAlpha({ direction: 'up', magnitude: Number.POSITIVE_INFINITY })).toThrow(/magnitude/);
    expect(() => new ConstantAlpha({ direction: 'up', symbols: ['bad symbol'] })).toThrow(/symbols\.0/);
  });
});

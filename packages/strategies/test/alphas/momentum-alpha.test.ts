import { describe, expect, it } from 'vitest';
import { MomentumAlpha } from '../../src/alphas/momentum-alpha.js';
import { brief, DAY, emitted, expectFillsAtNextOpen, makeBars, runAlpha, tradeAlpha } from './fixtures.js';

// ROC(2) = close / close[2 bars ago] − 1:
//  i   AAA   BBB   CCC    ROC AAA          ROC BBB          ROC CCC
//  2   12    10    8      12/10−1 = +0.2   0                8/10−1 = −0.2     first ready bar: rank
//  5   12    13    8      12/12−1 = 0      13/11−1 = +0.18  8/8−1 = 0         rank (3 bars later)
//  8    9    13    11     9/11−1 = −0.18   13/13−1 = 0      11/9−1 = +0.22    rank
const DATA = {
  'AAA.X': [10, 11, 12, 12, 12, 12, 11, 10, 9],
  'BBB.X': [10, 10, 10, 11, 12, 13, 13, 13, 13],
  'CCC.X': [10, 9, 8, 8, 8, 8, 9, 10, 11],
};

describe('MomentumAlpha: cross-sectional ranking on a hand-computed panel', () => {
  it('ranks at the first ready bar and every `every` bars after, up for the top k, down for the bottom k, flat for the dropped', () => {
    const list = emitted(runAlpha(new MomentumAlpha({ lookback: 2, k: 1, rebalance: { kind: 'bars', every: 3 } }), makeBars(DATA)));
    expect(brief(list)).toEqual([
      // bar 2: AAA top, CCC bottom.
      [2, 'AAA.X', 'up'],
      [2, 'CCC.X', 'down'],
      // bar 5: BBB top; AAA and CCC tie at 0 and sort by name, so CCC is the bottom; AAA dropped → flat.
      [5, 'BBB.X', 'up'],
      [5, 'CCC.X', 'down'],
      [5, 'AAA.X', 'flat'],
      // bar 8: CCC top, AAA bottom, BBB dropped → flat.
      [8, 'CCC.X', 'up'],
      [8, 'AAA.X', 'down'],
      [8, 'BBB.X', 'flat'],
    ]);
  });

  it('sets magnitude to the rate of change on up and down insights', () => {
    const list = emitted(runAlpha(new MomentumAlpha({ lookback: 2, k: 1, rebalance: { kind: 'bars', every: 3 } }), makeBars(DATA)));
    const mags = list.map((e) => e.magnitude);
    const expected = [12 / 10 - 1, 8 / 10 - 1, 13 / 11 - 1, 8 / 8 - 1, null, 11 / 9 - 1, 9 / 11 - 1, null];
    mags.forEach((m, i) => (expected[i] === null ? expect(m).toBeNull() : expect(m).toBeCloseTo(expected[i]!, 12)));
  });

  it('emits flat for the bottom leg when longOnly', () => {
    const list = emitted(runAlpha(new MomentumAlpha({ lookback: 2, k: 1, rebalance: { kind: 'bars', every: 3 }, longOnly: true }), makeBars(DATA)));
    expect(brief(list)).toEqual([
      [2, 'AAA.X', 'up'],
      [2, 'CCC.X', 'flat'],
      [5, 'BBB.X', 'up'],
      [5, 'CCC.X', 'flat'],
      [5, 'AAA.X', 'flat'],
      [8, 'CCC.X', 'up'],
      [8, 'AAA.X', 'flat'],
      [8, 'BBB.X', 'flat'],
    ]);
  });

  it('fills the top leg first when there are fewer than 2k symbols', () => {
    const list = emitted(runAlpha(new MomentumAlpha({ lookback: 2, k: 2, rebalance: { kind: 'bars', every: 100 } }), makeBars(DATA)));
    // bar 2: AAA (0.2), BBB (0) up; CCC down.
    expect(brief(list)).toEqual([
      [2, 'AAA.X', 'up'],
      [2, 'BBB.X', 'up'],
      [2, 'CCC.X', 'down'],
    ]);
  });

  it('follows a weekly schedule from the first ready bar', () => {
    // T0 is a Monday: bar 2 is Wednesday (first ready: rank), the next Monday is bar 7.
    //  bar 7 ROC: AAA 10/12−1 < 0, BBB 13/13−1 = 0, CCC 10/8−1 = +0.25 → CCC up, AAA down, BBB (never held) nothing.
    const list = emitted(runAlpha(new MomentumAlpha({ lookback: 2, k: 1, rebalance: { kind: 'weekly' } }), makeBars(DATA)));
    expect(brief(list)).toEqual([
      [2, 'AAA.X', 'up'],
      [2, 'CCC.X', 'down'],
      [7, 'CCC.X', 'up'],
      [7, 'AAA.X', 'down'],
    ]);
  });

  it('puts period, weight and confidence on its insights', () => {
    const list = emitted(runAlpha(new MomentumAlpha({ lookback: 2, rebalance: { kind: 'bars', every: 3 }, period: 3, weight: 0.1, confidence: 0.5 }), makeBars(DATA)));
    for (const e of list) expect([e.period, e.weight, e.confidence]).toEqual([3 * DAY, 0.1, 0.5]);
  });

  it('fills at the open of the bar after the ranking bar (end to end)', () => {
    const data = makeBars(DATA);
    const result = tradeAlpha(new MomentumAlpha({ lookback: 2, k: 1, rebalance: { kind: 'bars', every: 3 } }), data);
    const indices = expectFillsAtNextOpen(result, data);
    expect(new Set(indices)).toEqual(new Set([3, 6]));
  });

  it('validates its options', () => {
    expect(() => new MomentumAlpha({ k: 0 })).toThrow(/k/);
    expect(() => new MomentumAlpha({ lookback: 1.5 })).toThrow(/lookback/);
    expect(() => new MomentumAlpha({ rebalance: { kind: 'bars', every: 0 } })).toThrow(/every/);
  });
});

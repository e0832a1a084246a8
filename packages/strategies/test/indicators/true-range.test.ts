import { describe, expect, it } from 'vitest';
import { trueRangeOf } from '../../src/indicators/true-range.js';

describe('trueRangeOf', () => {
  it('is the high − low span when the previous close is inside the bar', () => {
    expect(trueRangeOf(11, 9, 10)).toBe(2);
  });

  it('reaches down to a previous close below the bar (gap up)', () => {
    expect(trueRangeOf(12, 11, 9)).toBe(3);
  });

  it('reaches up to a previous close above the bar (gap down)', () => {
    expect(trueRangeOf(8, 7, 10)).toBe(3);
  });

  it('is NaN without a previous close', () => {
    expect(trueRangeOf(11, 9, NaN)).toBeNaN();
  });
});

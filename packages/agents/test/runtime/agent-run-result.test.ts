import { describe, expect, it } from 'vitest';
import { holdOutput, isHoldOutput } from '../../src/runtime/agent-run-result.js';

describe('holdOutput / isHoldOutput', () => {
  it('makes the safe HOLD object with its reason', () => {
    expect(holdOutput('cost cap')).toEqual({ action: 'HOLD', reason: 'cost cap' });
  });

  it('recognises only HOLD objects with a reason', () => {
    expect(isHoldOutput({ action: 'HOLD', reason: 'x' })).toBe(true);
    expect(isHoldOutput({ action: 'BUY', reason: 'x' })).toBe(false);
    expect(isHoldOutput({ action: 'HOLD' })).toBe(false);
    expect(isHoldOutput('HOLD')).toBe(false);
    expect(isHoldOutput(null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { Portfolio, parseSessionState } from '../../src/index.js';

const valid = {
  version: 1,
  sessionId: 's',
  algorithm: 'a',
  specHash: null,
  symbols: ['AAA.X'],
  status: 'running',
  haltReason: null,
  cycles: 3,
  bars: 3,
  lastTime: 1000,
  nextOrderId: 2,
  nextInsightId: 1,
  journalCount: 4,
  cuts: [],
  portfolio: new Portfolio({ initialCash: 100 }).snapshot(),
  openOrders: [],
  broker: null,
};

describe('parseSessionState', () => {
  it('accepts a saved state and keeps its values', () => {
    const state = parseSessionState(JSON.parse(JSON.stringify(valid)));
    expect(state.cycles).toBe(3);
    expect(state.portfolio.initialCash).toBe(100);
    expect(state.broker).toBeNull();
  });

  it('names the path of the first problem', () => {
    expect(() => parseSessionState({ ...valid, cycles: -1 })).toThrow(/state\.cycles/);
    expect(() => parseSessionState({ ...valid, status: 'exploded' })).toThrow(/state\.status/);
    expect(() => parseSessionState({ ...valid, portfolio: { ...valid.portfolio, cash: 'x' } })).toThrow(/state\.portfolio: snapshot\.cash/);
    expect(() => parseSessionState('nope')).toThrow(expect.objectContaining({ code: 'INVALID_SESSION_STATE' }));
  });
});

import { describe, expect, it } from 'vitest';
import { AlphaSwarmError, EventLog, InvalidArgumentError } from '../../src/index.js';

function sampleLog(): EventLog {
  const log = new EventLog();
  log.append({ time: 0, kind: 'start', algorithm: 'a', initialCash: 1000, symbols: ['X'], periodsPerYear: 252 });
  log.append({ time: 1, kind: 'market', bars: [{ symbol: 'X', open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }] });
  log.append({ time: 1, kind: 'risk', model: 'm', symbol: 'X', action: 'zero', reason: 'r', details: { z: 1, a: 'x' } });
  log.append({ time: 1, kind: 'end', halted: false, reason: null });
  return log;
}

describe('EventLog', () => {
  it('assigns sequence numbers in order', () => {
    const log = sampleLog();
    expect([...log].map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(log.kindAt(2)).toBe('risk');
    expect(log.get(1)).toEqual({ seq: 1, time: 1, kind: 'market', bars: [{ symbol: 'X', open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }] });
  });

  it('writes one JSON object per line with a fixed key order', () => {
    const lines = sampleLog().toJsonl().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(lines[2]).toBe('{"seq":2,"time":1,"kind":"risk","model":"m","symbol":"X","action":"zero","reason":"r","details":{"a":"x","z":1}}');
  });

  it('round-trips through JSON Lines and Arrow with the same hash', () => {
    const log = sampleLog();
    expect(EventLog.fromJsonl(log.toJsonl()).hash()).toBe(log.hash());
    expect(EventLog.fromArrow(log.toArrow()).hash()).toBe(log.hash());
    expect(log.hash()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a gap in sequence numbers and a line that is not JSON', () => {
    const lines = sampleLog().toJsonl().split('\n');
    expect(() => EventLog.fromJsonl([lines[0], lines[2]].join('\n'))).toThrow(InvalidArgumentError);
    expect(() => EventLog.fromJsonl(`${lines[0]}\n{oops`)).toThrow(/line 2: not valid JSON/);
  });

  it('refuses market events by reference without a market source', () => {
    expect(() => new EventLog().appendMarket(0)).toThrow(AlphaSwarmError);
  });
});

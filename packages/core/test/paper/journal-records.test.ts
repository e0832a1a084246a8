import { describe, expect, it } from 'vitest';
import { cycleRecords } from '../../src/index.js';
import type { JournalEntry } from '../../src/index.js';

const entry = (seq: number, kind: string, payload: unknown, time = 100): JournalEntry => ({ sessionId: 's', seq, time, kind, payload: payload as JournalEntry['payload'] });

describe('cycleRecords', () => {
  it('groups fills, order updates and submissions by cycle, in order', () => {
    const records = cycleRecords([
      entry(0, 'snapshot', { cycle: 0 }),
      entry(1, 'order', { cycle: 0, orderId: 1, symbol: 'AAA.X', quantity: 10, submission: 'submitted', reason: null }),
      entry(2, 'fill', { cycle: 1, clientOrderId: 's-1', quantity: 4, price: 9.5, fee: 0.1, slippage: 0 }, 200),
      entry(3, 'order_update', { cycle: 1, clientOrderId: 's-1', status: 'cancelled', reason: 'day order expired' }),
      entry(4, 'order', { cycle: 1, orderId: 2, symbol: 'AAA.X', quantity: -4, submission: 'rejected', reason: 'order rejected: no' }),
    ]);
    expect([...records.keys()]).toEqual([0, 1]);
    expect(records.get(0)!.updates).toEqual([]);
    expect(records.get(0)!.submissions.get(1)).toMatchObject({ submission: 'submitted' });
    expect(records.get(1)!.updates).toEqual([
      { kind: 'fill', clientOrderId: 's-1', time: 200, quantity: 4, price: 9.5, fee: 0.1, slippage: 0 },
      { kind: 'cancelled', clientOrderId: 's-1', reason: 'day order expired' },
    ]);
    expect(records.get(1)!.submissions.get(2)).toMatchObject({ submission: 'rejected', reason: 'order rejected: no' });
  });

  it('leaves out entries covered by a void entry', () => {
    const records = cycleRecords([
      entry(0, 'fill', { cycle: 3, clientOrderId: 'a', quantity: 1, price: 1, fee: 0, slippage: 0 }),
      entry(1, 'fill', { cycle: 3, clientOrderId: 'b', quantity: 1, price: 1, fee: 0, slippage: 0 }),
      entry(2, 'void', { fromSeq: 1, toSeq: 1, reason: 'x' }),
    ]);
    expect(records.get(3)!.updates.map((u) => u.clientOrderId)).toEqual(['a']);
  });

  it('names the entry and the field of a malformed payload', () => {
    expect(() => cycleRecords([entry(7, 'fill', { cycle: 0, clientOrderId: 'a', quantity: 'x' })])).toThrow(/journal entry 7 \(fill\): payload\.quantity/);
  });
});

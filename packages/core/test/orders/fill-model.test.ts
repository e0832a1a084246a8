import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { DefaultFillModel, Order } from '../../src/orders/index.js';
import { SymbolId } from '../../src/symbol-id.js';
import { MS_PER_DAY, parseIso } from '../../src/time.js';
import type { BarView, OrderRequest } from '../../src/orders/index.js';

const SYM = SymbolId.parse('XYZ');
const T0 = parseIso('2024-01-02T14:30:00Z');
const MINUTE = 60_000;

let barIndex = 0;
/** The next one-minute bar after T0, with volume 1e6 unless given. */
function bar(open: number, high: number, low: number, close: number, volume = 1_000_000): BarView {
  barIndex += 1;
  return { time: T0 + barIndex * MINUTE, open, high, low, close, volume };
}

const order = (request: Partial<OrderRequest>): Order => Order.create(1, { symbol: SYM, quantity: 100, ...request }, T0);
const model = new DefaultFillModel();

describe('DefaultFillModel: market orders', () => {
  it('fill the whole remaining quantity at the open', () => {
    expect(model.fill(order({ quantity: 100 }), bar(50, 55, 45, 52))).toEqual({ quantity: 100, price: 50 });
    expect(model.fill(order({ quantity: -30 }), bar(50, 55, 45, 52))).toEqual({ quantity: -30, price: 50 });
  });

  it('fill only the remainder of a partially filled order', () => {
    const o = order({ quantity: 100 });
    o.fill(60, 49);
    expect(model.fill(o, bar(50, 55, 45, 52))).toEqual({ quantity: 40, price: 50 });
  });

  it('never fill a closed order or against a bar from before the order', () => {
    const cancelled = order({});
    cancelled.cancel('x');
    expect(model.fill(cancelled, bar(50, 55, 45, 52))).toBeUndefined();
    const early: BarView = { time: T0 - MINUTE, open: 50, high: 55, low: 45, close: 52, volume: 1e6 };
    expect(model.fill(order({}), early)).toBeUndefined();
  });
});

describe('DefaultFillModel: limit orders', () => {
  const buy = (): Order => order({ type: 'limit', limitPrice: 100, quantity: 10 });
  const sell = (): Order => order({ type: 'limit', limitPrice: 100, quantity: -10 });

  it('buy at the open when the bar gaps below the limit', () => {
    expect(model.fill(buy(), bar(99, 101, 98, 100))?.price).toBe(99);
    expect(model.fill(buy(), bar(100, 101, 98, 100))?.price).toBe(100);
  });

  it('buy at the limit when the low reaches it, and not at all otherwise', () => {
    expect(model.fill(buy(), bar(101, 102, 99.5, 101))?.price).toBe(100);
    expect(model.fill(buy(), bar(101, 102, 100, 101))?.price).toBe(100);
    expect(model.fill(buy(), bar(101, 102, 100.5, 101))).toBeUndefined();
  });

  it('sell at the open when the bar gaps above the limit', () => {
    expect(model.fill(sell(), bar(101, 102, 99, 100))).toEqual({ quantity: -10, price: 101 });
  });

  it('sell at the limit when the high reaches it, and not at all otherwise', () => {
    expect(model.fill(sell(), bar(99, 100.5, 98, 99))?.price).toBe(100);
    expect(model.fill(sell(), bar(99, 99.9, 98, 99))).toBeUndefined();
  });
});

describe('DefaultFillModel: stop orders', () => {
  const buy = (): Order => order({ type: 'stop', stopPrice: 100, quantity: 10 });
  const sell = (): Order => order({ type: 'stop', stopPrice: 100, quantity: -10 });

  it('buy at the (worse) open when the bar gaps above the stop', () => {
    expect(model.fill(buy(), bar(102, 103, 101, 102))?.price).toBe(102);
  });

  it('buy at the stop when the high reaches it, and not at all otherwise', () => {
    expect(model.fill(buy(), bar(98, 100.5, 97, 100))?.price).toBe(100);
    expect(model.fill(buy(), bar(98, 99.9, 97, 99))).toBeUndefined();
  });

  it('sell at the (worse) open when the bar gaps below the stop', () => {
    expect(model.fill(sell(), bar(97, 98, 95, 96))).toEqual({ quantity: -10, price: 97 });
  });

  it('sell at the stop when the low reaches it, and not at all otherwise', () => {
    expect(model.fill(sell(), bar(101, 102, 99, 100))?.price).toBe(100);
    expect(model.fill(sell(), bar(101, 102, 100.1, 101))).toBeUndefined();
  });
});

describe('DefaultFillModel: stop-limit orders', () => {
  it('stay untriggered while the stop is not reached', () => {
    const o = order({ type: 'stop_limit', stopPrice: 100, limitPrice: 101 });
    expect(model.fill(o, bar(98, 99.5, 97, 99))).toBeUndefined();
    expect(o.stopTriggered).toBe(false);
  });

  it('fill at the stop when triggered intrabar and the stop is within the limit', () => {
    const o = order({ type: 'stop_limit', stopPrice: 100, limitPrice: 101 });
    expect(model.fill(o, bar(98, 103, 97, 102))?.price).toBe(100);
    expect(o.stopTriggered).toBe(true);
  });

  it('do not fill in a bar that triggers intrabar beyond the limit, then work as a limit across bars', () => {
    // Buy stop 100, limit 99: the stop trades at 100 intrabar; the low of 97 may have come before it.
    const o = order({ type: 'stop_limit', stopPrice: 100, limitPrice: 99 });
    expect(model.fill(o, bar(98, 101, 97, 100))).toBeUndefined();
    expect(o.stopTriggered).toBe(true);
    // Next bars: a plain buy limit at 99, wherever the stop is.
    expect(model.fill(o, bar(100, 100.5, 99.5, 100))).toBeUndefined();
    expect(o.stopTriggered).toBe(true);
    expect(model.fill(o, bar(100, 100.5, 98.5, 99))?.price).toBe(99);
    expect(model.fill(o, bar(98.7, 99.5, 98, 99))?.price).toBe(98.7);
  });

  it('fill at the open when the bar gaps through the stop to a price within the limit', () => {
    const o = order({ type: 'stop_limit', stopPrice: 100, limitPrice: 101 });
    expect(model.fill(o, bar(100.5, 102, 100, 101))?.price).toBe(100.5);
  });

  it('fill at the limit when the bar gaps beyond the limit and comes back to it', () => {
    const o = order({ type: 'stop_limit', stopPrice: 100, limitPrice: 101 });
    expect(model.fill(o, bar(105, 106, 100.8, 102))?.price).toBe(101);
    const p = order({ type: 'stop_limit', stopPrice: 100, limitPrice: 101 });
    expect(model.fill(p, bar(105, 106, 102, 103))).toBeUndefined();
    expect(p.stopTriggered).toBe(true);
    expect(model.fill(p, bar(102, 103, 100.9, 101))?.price).toBe(101);
  });

  it('mirror all of it for sells', () => {
    const inLimit = order({ type: 'stop_limit', stopPrice: 100, limitPrice: 99, quantity: -10 });
    expect(model.fill(inLimit, bar(101, 102, 98, 99))).toEqual({ quantity: -10, price: 100 });
    const beyond = order({ type: 'stop_limit', stopPrice: 100, limitPrice: 101, quantity: -10 });
    expect(model.fill(beyond, bar(102, 103, 99, 100))).toBeUndefined();
    expect(beyond.stopTriggered).toBe(true);
    expect(model.fill(beyond, bar(100, 101.2, 99, 100))?.price).toBe(101);
    const gap = order({ type: 'stop_limit', stopPrice: 100, limitPrice: 101, quantity: -10 });
    expect(model.fill(gap, bar(97, 101.5, 96, 100))?.price).toBe(101);
    const gapWithin = order({ type: 'stop_limit', stopPrice: 100, limitPrice: 98, quantity: -10 });
    expect(model.fill(gapWithin, bar(99, 99.5, 97, 98))?.price).toBe(99);
    const untouched = order({ type: 'stop_limit', stopPrice: 100, limitPrice: 99, quantity: -10 });
    expect(model.fill(untouched, bar(101, 102, 100.5, 101))).toBeUndefined();
    expect(untouched.stopTriggered).toBe(false);
  });
});

describe('DefaultFillModel: participation cap', () => {
  it('fills at most floor(maxParticipation × volume) per bar, across several bars', () => {
    const capped = new DefaultFillModel({ maxParticipation: 0.1 });
    const o = order({ quantity: 300 });
    const steps: [number, number | undefined][] = [
      [1000, 100], // cap floor(100) = 100
      [1505, 150], // cap floor(150.5) = 150
      [9, undefined], // cap floor(0.9) = 0: nothing this bar
      [10_000, 50], // cap 1000, only 50 remain
    ];
    for (const [volume, expected] of steps) {
      const result = capped.fill(o, bar(20, 21, 19, 20, volume));
      expect(result?.quantity).toBe(expected);
      if (result !== undefined) o.fill(result.quantity, result.price);
    }
    expect(o.status).toBe('filled');
    expect(o.filledQuantity).toBe(300);
  });

  it('caps sells with the sign kept, and fills nothing on zero volume', () => {
    const capped = new DefaultFillModel({ maxParticipation: 0.25 });
    expect(capped.fill(order({ quantity: -1000 }), bar(20, 21, 19, 20, 400))).toEqual({ quantity: -100, price: 20 });
    expect(capped.fill(order({ quantity: -1000 }), bar(20, 21, 19, 20, 0))).toBeUndefined();
  });

  it('ignores volume when no cap is set', () => {
    expect(model.fill(order({ quantity: 500 }), bar(20, 21, 19, 20, 0))?.quantity).toBe(500);
  });

  it('refuses a cap outside (0, 1]', () => {
    for (const maxParticipation of [0, -0.1, 1.5, Number.NaN]) {
      expect(() => new DefaultFillModel({ maxParticipation })).toThrow(InvalidArgumentError);
    }
    expect(new DefaultFillModel({ maxParticipation: 1 }).maxParticipation).toBe(1);
  });
});

describe('DefaultFillModel: time', () => {
  it('fills an order against a bar of a later day (expiry is the simulator’s job)', () => {
    const late: BarView = { time: T0 + 3 * MS_PER_DAY, open: 10, high: 11, low: 9, close: 10, volume: 1e6 };
    expect(model.fill(order({ timeInForce: 'day' }), late)?.price).toBe(10);
  });
});

import { describe, expect, it } from 'vitest';
import type { BarLookup, BarView, Fill, MatchListener, Order } from '../../src/index.js';
import { BacktestBroker, FillSimulator, Order as OrderClass, Portfolio, SymbolId } from '../../src/index.js';

const DAY = 86_400_000;
const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');

function bars(time: number, prices: Record<string, number>): BarLookup {
  return {
    bar: (s) => {
      const p = prices[s.value];
      return p === undefined ? undefined : ({ time, open: p, high: p * 1.01, low: p * 0.99, close: p, volume: 1e6 } satisfies BarView);
    },
  };
}

function recorder(): MatchListener & { fills: Fill[]; ended: string[] } {
  const fills: Fill[] = [];
  const ended: string[] = [];
  return { fills, ended, onFill: (f) => fills.push(f), onOrderEnded: (o: Order, status, reason) => ended.push(`${o.id} ${status} ${reason}`) };
}

describe('BacktestBroker over a generic bar lookup', () => {
  it('matches an order only after its creation time and only when its symbol has a bar', () => {
    const broker = new BacktestBroker(new FillSimulator());
    const portfolio = new Portfolio({ initialCash: 10_000 });
    broker.submit(OrderClass.create(1, { symbol: A, quantity: 10 }, 0));
    const listener = recorder();
    broker.match(0, bars(0, { 'AAA.X': 100 }), portfolio, listener);
    broker.match(DAY, bars(DAY, { 'BBB.X': 50 }), portfolio, listener);
    expect(listener.fills).toHaveLength(0);
    broker.match(2 * DAY, bars(2 * DAY, { 'AAA.X': 101 }), portfolio, listener);
    expect(listener.fills.map((f) => [f.orderId, f.time, f.quantity, f.price])).toEqual([[1, 2 * DAY, 10, 101]]);
    expect(broker.openCount).toBe(0);
  });

  it('matches reducing orders first, then by id', () => {
    const broker = new BacktestBroker(new FillSimulator());
    // All 5,000 of cash is in 100 BBB: the buy of 40 AAA at 100 (id 1) is funded only once the sale (id 2) is done.
    const portfolio = new Portfolio({ initialCash: 5_000 });
    portfolio.applyFill({ orderId: 0, symbol: B, time: 0, quantity: 100, price: 50, fee: 0, slippage: 0 });
    broker.submit(OrderClass.create(1, { symbol: A, quantity: 40 }, 0));
    broker.submit(OrderClass.create(2, { symbol: B, quantity: -100 }, 0));
    const listener = recorder();
    broker.match(DAY, bars(DAY, { 'AAA.X': 100, 'BBB.X': 50 }), portfolio, listener);
    expect(listener.fills.map((f) => f.orderId)).toEqual([2, 1]);
  });

  it('cancels an open order on request and forgets it', () => {
    const broker = new BacktestBroker(new FillSimulator());
    const order = OrderClass.create(3, { symbol: A, quantity: 5, timeInForce: 'day' }, 0);
    broker.submit(order);
    expect(broker.cancel(3, 'client cancel')).toBe(order);
    expect(order.status).toBe('cancelled');
    expect(order.cancelReason).toBe('client cancel');
    expect(broker.openCount).toBe(0);
    expect(broker.cancel(3, 'again')).toBeUndefined();
  });

  it('remembers the first eligible day of a day order, and a restored one expires on the same bar', () => {
    const listener = recorder();
    const broker = new BacktestBroker(new FillSimulator());
    const portfolio = new Portfolio({ initialCash: 100 });
    // A buy limit far below the market never fills; it first becomes eligible on day 1.
    broker.submit(OrderClass.create(1, { symbol: A, quantity: 1, type: 'limit', limitPrice: 1, timeInForce: 'day' }, 0));
    broker.match(DAY + 60_000, bars(DAY + 60_000, { 'AAA.X': 50 }), portfolio, listener);
    expect(broker.firstEligibleDay(1)).toBe(1);
    const restored = new BacktestBroker(new FillSimulator());
    restored.submit(OrderClass.create(1, { symbol: A, quantity: 1, type: 'limit', limitPrice: 1, timeInForce: 'day' }, 0), broker.firstEligibleDay(1));
    restored.match(2 * DAY, bars(2 * DAY, { 'AAA.X': 50 }), portfolio, listener);
    expect(listener.ended).toEqual(['1 cancelled day order expired']);
  });
});

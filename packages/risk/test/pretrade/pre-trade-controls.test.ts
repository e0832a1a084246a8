import { ACCEPTED, EventDrivenBacktester, SymbolId, type PreTradeControl } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { DuplicateOrderThrottle, MaxOrderQuantity, PreTradeControls, PriceCollar, RestrictedSymbols } from '../../src/index.js';
import { DAY, ScriptedExecution, StubContext, T0, algorithm, barsFromCloses } from '../risk-fixtures.js';

const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');

describe('PreTradeControls in a backtest with a spy execution model', () => {
  // The spy submits, at bar 2: 100 AAA (fine), 5,000 AAA (too large), 10 BBB (restricted); at bar 3: a buy limit of
  // 10 AAA at 80 (20 % under the last price of 100, outside a 10 % collar) and a buy limit at 95 (inside).
  const data = barsFromCloses({ 'AAA.X': [100, 100, 100, 100, 100], 'BBB.X': [50, 50, 50, 50, 50] });
  const script = {
    2: [
      { symbol: A, quantity: 100 },
      { symbol: A, quantity: 5000 },
      { symbol: B, quantity: 10 },
    ],
    3: [
      { symbol: A, quantity: 10, type: 'limit' as const, limitPrice: 80 },
      { symbol: A, quantity: 10, type: 'limit' as const, limitPrice: 95 },
    ],
  };
  const controls = (): PreTradeControl[] => [new MaxOrderQuantity({ maxQuantity: 1000 }), new RestrictedSymbols({ symbols: [B] }), new PriceCollar({ maxDeviation: 0.1 })];

  it('never submits a rejected order and records the rule and the numbers', () => {
    const spy = new ScriptedExecution(script);
    const result = new EventDrivenBacktester().run(algorithm({ execution: spy, preTradeControls: controls() }), data);
    expect(spy.submitted).toHaveLength(5);
    expect(result.orders.map((o) => [o.createdAt, o.symbol, o.quantity, o.type])).toEqual([
      [T0 + 2 * DAY, 'AAA.X', 100, 'market'],
      [T0 + 3 * DAY, 'AAA.X', 10, 'limit'],
    ]);
    expect(result.fills.every((f) => f.symbol === A)).toBe(true);
    expect(result.fills.map((f) => f.quantity)).toEqual([100]);
    const rejections = result.riskEvents.filter((e) => e.action === 'reject');
    expect(rejections.map((e) => [e.time, e.model, e.symbol, e.details['rule']])).toEqual([
      [T0 + 2 * DAY, 'MaxOrderQuantity', 'AAA.X', 'max_order_quantity'],
      [T0 + 2 * DAY, 'RestrictedSymbols', 'BBB.X', 'restricted_symbol'],
      [T0 + 3 * DAY, 'PriceCollar', 'AAA.X', 'price_collar'],
    ]);
    expect(rejections[0]!.details).toMatchObject({ quantity: 5000, limit: 1000 });
    expect(rejections[2]!.details).toMatchObject({ limitPrice: 80, lastPrice: 100, maxDeviation: 0.1 });
    expect(rejections[2]!.details['deviation']).toBeCloseTo(0.2, 12);
  });

  it('gives the same orders as one composite control, naming the part that rejected', () => {
    const result = new EventDrivenBacktester().run(algorithm({ execution: new ScriptedExecution(script), preTradeControls: [new PreTradeControls(controls())] }), data);
    expect(result.orders).toHaveLength(2);
    const rejections = result.riskEvents.filter((e) => e.action === 'reject');
    expect(rejections.map((e) => [e.model, e.details['control'], e.details['rule']])).toEqual([
      ['PreTradeControls', 'MaxOrderQuantity', 'max_order_quantity'],
      ['PreTradeControls', 'RestrictedSymbols', 'restricted_symbol'],
      ['PreTradeControls', 'PriceCollar', 'price_collar'],
    ]);
  });
});

describe('PreTradeControls', () => {
  it('stops at the first rejection, so later stateful controls do not count what was rejected', () => {
    const ctx = new StubContext(100_000, [A]);
    const throttle = new DuplicateOrderThrottle({ windowMs: 1000, maxDuplicates: 0 });
    let consulted = 0;
    const counting: PreTradeControl = { name: 'Counting', check: () => ((consulted += 1), ACCEPTED) };
    const composite = new PreTradeControls([new MaxOrderQuantity({ maxQuantity: 10 }), throttle, counting]);
    expect(composite.check(ctx, { symbol: A, quantity: 11 }, 1).accepted).toBe(false);
    expect(composite.check(ctx, { symbol: A, quantity: 10 }, 1).accepted).toBe(true);
    expect(composite.check(ctx, { symbol: A, quantity: 10 }, 1)).toMatchObject({ accepted: false, rule: 'duplicate_order', details: { control: 'DuplicateOrderThrottle' } });
    expect(consulted).toBe(1);
  });

  it('accepts everything when empty, and refuses a part that is not a control', () => {
    expect(new PreTradeControls([]).check(new StubContext(), { symbol: A, quantity: 1e9 }, 1).accepted).toBe(true);
    expect(() => new PreTradeControls([{} as PreTradeControl])).toThrow(/controls\[0\]/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { DAY_ORDER_EXPIRED, dayOrderExpiry, DefaultFillModel, expireDayOrders, FillSimulator, FixedBpsSlippage, FixedFee, Order, PerShareFee, VolatilitySlippage } from '../../src/orders/index.js';
import { Portfolio } from '../../src/portfolio/index.js';
import { SymbolId } from '../../src/symbol-id.js';
import { MS_PER_DAY, parseIso } from '../../src/time.js';
import type { AlphaSwarmError } from '../../src/errors.js';
import type { BarView, FillModel, OrderRequest } from '../../src/orders/index.js';

const SYM = SymbolId.parse('ACME');
const OTHER = SymbolId.parse('BETA');
const T0 = parseIso('2024-01-02T15:00:00Z');
const HOUR = 3_600_000;

const bar = (time: number, open: number, high = open, low = open, close = open, volume = 1_000_000): BarView => ({
  time,
  open,
  high,
  low,
  close,
  volume,
});

let nextId = 1;
const order = (request: Partial<OrderRequest>, createdAt = T0): Order =>
  Order.create(nextId++, { symbol: SYM, quantity: 100, ...request }, createdAt);

const json = (portfolio: Portfolio): string => JSON.stringify(portfolio.snapshot());

describe('FillSimulator.process: fills', () => {
  it('fills a market buy at the open with slippage and fee and books it', () => {
    const sim = new FillSimulator({ slippage: new FixedBpsSlippage(10), fees: new PerShareFee({ perShare: 0.01, minimum: 1 }) });
    const portfolio = new Portfolio({ initialCash: 100_000 });
    const o = order({ quantity: 100 });
    const fill = sim.process(o, bar(T0 + HOUR, 50, 51, 49, 50.5), portfolio);
    // price 50 × 1.001 = 50.05; fee max(1, 100 × 0.01) = 1; slippage (50.05 − 50) × 100 = 5
    expect(fill).toBeDefined();
    expect(fill?.orderId).toBe(o.id);
    expect(fill?.symbol).toBe(SYM);
    expect(fill?.time).toBe(T0 + HOUR);
    expect(fill?.quantity).toBe(100);
    expect(fill?.price).toBeCloseTo(50.05, 12);
    expect(fill?.fee).toBe(1);
    expect(fill?.slippage).toBeCloseTo(5, 9);
    expect(o.status).toBe('filled');
    expect(o.averageFillPrice).toBeCloseTo(50.05, 12);
    // cash 100 000 − 5 005 − 1 = 94 994
    expect(portfolio.cash).toBeCloseTo(94_994, 9);
    expect(portfolio.quantity(SYM)).toBe(100);
  });

  it('reports sell slippage as a positive cost too', () => {
    const sim = new FillSimulator({ slippage: new VolatilitySlippage({ factor: 0.5 }) });
    const portfolio = new Portfolio({ initialCash: 10_000 });
    sim.process(order({ quantity: 10 }), bar(T0 + HOUR, 100), portfolio);
    const fill = sim.process(order({ quantity: -10 }), bar(T0 + 2 * HOUR, 100, 104, 98), portfolio);
    // range 6 % × 0.5 = 3 %: 100 × 0.97 = 97; cost (97 − 100) × −10 = 30
    expect(fill?.price).toBeCloseTo(97, 12);
    expect(fill?.slippage).toBeCloseTo(30, 9);
  });

  it('returns nothing and changes nothing when the fill model gives no fill or the order is closed', () => {
    const sim = new FillSimulator();
    const portfolio = new Portfolio({ initialCash: 10_000 });
    const limit = order({ type: 'limit', limitPrice: 10, quantity: 10 });
    const before = json(portfolio);
    expect(sim.process(limit, bar(T0 + HOUR, 12, 13, 11), portfolio)).toBeUndefined();
    expect(limit.status).toBe('submitted');
    const done = order({ quantity: 1 });
    done.cancel('x');
    expect(sim.process(done, bar(T0 + HOUR, 12), portfolio)).toBeUndefined();
    expect(json(portfolio)).toBe(before);
  });

  it('fills across several bars under a participation cap', () => {
    const sim = new FillSimulator({ fillModel: new DefaultFillModel({ maxParticipation: 0.1 }) });
    const portfolio = new Portfolio({ initialCash: 100_000 });
    const o = order({ quantity: 250 });
    const volumes = [1000, 500, 2000];
    const fills = volumes.map((volume, i) => sim.process(o, bar(T0 + (i + 1) * HOUR, 100, 100, 100, 100, volume), portfolio));
    expect(fills.map((f) => f?.quantity)).toEqual([100, 50, 100]);
    expect(o.status).toBe('filled');
    expect(portfolio.quantity(SYM)).toBe(250);
  });

  it('refuses a leverage that is not a positive finite number', () => {
    for (const leverage of [0, -1, Number.NaN, Infinity]) expect(() => new FillSimulator({ leverage })).toThrow(InvalidArgumentError);
  });

  it('refuses what a misbehaving model returns, changing nothing', () => {
    const liar: FillModel = { fill: (o) => ({ quantity: o.remainingQuantity * 2, price: 10 }) };
    const zeroPrice: FillModel = { fill: (o) => ({ quantity: o.remainingQuantity, price: 0 }) };
    const portfolio = new Portfolio({ initialCash: 10_000 });
    const before = json(portfolio);
    for (const fillModel of [liar, zeroPrice]) {
      const o = order({ quantity: 10 });
      try {
        new FillSimulator({ fillModel }).process(o, bar(T0 + HOUR, 10), portfolio);
        throw new Error('expected an error');
      } catch (error) {
        expect((error as AlphaSwarmError).code).toBe('INVALID_FILL');
      }
      expect(o.status).toBe('submitted');
    }
    expect(() => new FillSimulator({ fees: { fee: () => -1 } }).process(order({}), bar(T0 + HOUR, 10), portfolio)).toThrow(/fee/);
    expect(json(portfolio)).toBe(before);
  });
});

describe('FillSimulator.process: buying power', () => {
  it('rejects a buy that needs more cash than there is, naming the numbers, and leaves the portfolio byte-identical', () => {
    const sim = new FillSimulator({ fees: new FixedFee(50) });
    const portfolio = new Portfolio({ initialCash: 9_000 });
    const before = json(portfolio);
    const o = order({ quantity: 100 });
    // needs 100 × 100 + 50 = 10 050; has 9 000
    expect(sim.process(o, bar(T0 + HOUR, 100), portfolio)).toBeUndefined();
    expect(o.status).toBe('rejected');
    expect(o.rejectReason).toBe('insufficient buying power: needs 10,050.00, has 9,000.00');
    expect(json(portfolio)).toBe(before);
  });

  it('accepts a buy that spends exactly all the cash', () => {
    const sim = new FillSimulator({ fees: new FixedFee(50) });
    const portfolio = new Portfolio({ initialCash: 10_050 });
    expect(sim.process(order({ quantity: 100 }), bar(T0 + HOUR, 100), portfolio)).toBeDefined();
    expect(portfolio.cash).toBe(0);
  });

  it('counts the margin already used by other positions', () => {
    const sim = new FillSimulator();
    const portfolio = new Portfolio({ initialCash: 10_000 });
    sim.process(Order.create(nextId++, { symbol: OTHER, quantity: 60 }, T0), bar(T0 + HOUR, 100), portfolio);
    // cash 4 000 left; a buy of 50 × 100 = 5 000 needs 5 000, has 10 000 − 6 000 = 4 000
    const o = order({ quantity: 50 });
    sim.process(o, bar(T0 + HOUR, 100), portfolio);
    expect(o.rejectReason).toBe('insufficient buying power: needs 5,000.00, has 4,000.00');
  });

  it('allows gross exposure up to leverage × equity', () => {
    const sim = new FillSimulator({ leverage: 2 });
    const portfolio = new Portfolio({ initialCash: 10_000 });
    expect(sim.process(order({ quantity: 150 }), bar(T0 + HOUR, 100), portfolio)).toBeDefined();
    expect(portfolio.cash).toBe(-5_000);
    expect(portfolio.equity).toBe(10_000);
    // 60 more: gross 21 000 > 2 × 10 000. needs 6 000 / 2 = 3 000; has 10 000 − 15 000 / 2 = 2 500
    const more = order({ quantity: 60 });
    sim.process(more, bar(T0 + 2 * HOUR, 100), portfolio);
    expect(more.rejectReason).toBe('insufficient buying power: needs 3,000.00, has 2,500.00');
    expect(sim.process(order({ quantity: 50 }), bar(T0 + 2 * HOUR, 100), portfolio)).toBeDefined();
  });

  it('lets a short open up to equity at leverage 1', () => {
    const sim = new FillSimulator();
    const a = new Portfolio({ initialCash: 10_000 });
    expect(sim.process(order({ quantity: -100 }), bar(T0 + HOUR, 100), a)).toBeDefined();
    expect(a.cash).toBe(20_000);
    const b = new Portfolio({ initialCash: 10_000 });
    const tooBig = order({ quantity: -101 });
    sim.process(tooBig, bar(T0 + HOUR, 100), b);
    expect(tooBig.rejectReason).toBe('insufficient buying power: needs 10,100.00, has 10,000.00');
  });

  it('always lets a reduction through, even in an over-extended account', () => {
    const sim = new FillSimulator({ fees: new FixedFee(10) });
    const portfolio = new Portfolio({ initialCash: 10_010 });
    // short 100 at 100 needs 10 000 + 10 fee: cash 10 010 + 10 000 − 10 = 20 000
    expect(sim.process(order({ quantity: -100 }), bar(T0 + HOUR, 100), portfolio)).toBeDefined();
    portfolio.mark(SYM, 190);
    // equity 20 000 − 19 000 = 1 000, gross 19 000: far beyond leverage 1
    const more = order({ quantity: -1 });
    sim.process(more, bar(T0 + 2 * HOUR, 190), portfolio);
    expect(more.status).toBe('rejected');
    const cover = order({ quantity: 100 });
    expect(sim.process(cover, bar(T0 + 2 * HOUR, 190), portfolio)).toBeDefined();
    // 20 000 − 19 000 − 10 = 990
    expect(portfolio.cash).toBe(990);
    expect(portfolio.quantity(SYM)).toBe(0);
  });

  it('judges a flip as a whole, on the position after it', () => {
    const sim = new FillSimulator();
    const portfolio = new Portfolio({ initialCash: 10_000 });
    sim.process(order({ quantity: 100 }), bar(T0 + HOUR, 100), portfolio);
    // long 100 → short 200: gross 20 000 > equity 10 000. needs (200 − 100) × 100 = 10 000; has 10 000 − 10 000 = 0
    const big = order({ quantity: -300 });
    sim.process(big, bar(T0 + 2 * HOUR, 100), portfolio);
    expect(big.rejectReason).toBe('insufficient buying power: needs 10,000.00, has 0.00');
    expect(portfolio.quantity(SYM)).toBe(100);
    expect(sim.process(order({ quantity: -200 }), bar(T0 + 2 * HOUR, 100), portfolio)).toBeDefined();
    expect(portfolio.quantity(SYM)).toBe(-100);
  });

  it('cancels (cannot reject) a partially filled order whose next part lacks buying power', () => {
    const sim = new FillSimulator({ fillModel: new DefaultFillModel({ maxParticipation: 0.5 }) });
    const portfolio = new Portfolio({ initialCash: 7_500 });
    const o = order({ quantity: 100 });
    expect(sim.process(o, bar(T0 + HOUR, 100, 100, 100, 100, 100), portfolio)?.quantity).toBe(50);
    const before = json(portfolio);
    expect(sim.process(o, bar(T0 + 2 * HOUR, 100, 100, 100, 100, 100), portfolio)).toBeUndefined();
    expect(o.status).toBe('cancelled');
    expect(o.cancelReason).toBe('insufficient buying power: needs 5,000.00, has 2,500.00');
    expect(o.filledQuantity).toBe(50);
    expect(json(portfolio)).toBe(before);
  });
});

describe('day orders', () => {
  it('expire at the end of the UTC day they were created on', () => {
    expect(dayOrderExpiry(T0)).toBe(parseIso('2024-01-03'));
    expect(dayOrderExpiry(parseIso('2024-01-02'))).toBe(parseIso('2024-01-03'));
  });

  it('can fill on their creation day, and are cancelled by expireDayOrders before a bar of the next day', () => {
    const sim = new FillSimulator();
    const portfolio = new Portfolio({ initialCash: 100_000 });
    const o = order({ type: 'limit', limitPrice: 10, quantity: 10, timeInForce: 'day' });
    const sameDay = bar(parseIso('2024-01-02T20:59:00Z'), 12, 12.5, 11);
    expect(sim.expireDayOrders([o], sameDay.time)).toHaveLength(0);
    expect(sim.process(o, sameDay, portfolio)).toBeUndefined();
    expect(o.status).toBe('submitted');
    // Next day the limit would be reached, but the order expires first.
    const nextDay = bar(parseIso('2024-01-03T14:30:00Z'), 9.5);
    expect(sim.expireDayOrders([o], nextDay.time)).toEqual([o]);
    expect(o.status).toBe('cancelled');
    expect(o.cancelReason).toBe(DAY_ORDER_EXPIRED);
    expect(sim.process(o, nextDay, portfolio)).toBeUndefined();
    expect(portfolio.position(SYM)).toBeUndefined();
  });

  it('are left to the caller’s time-in-force policy by process itself', () => {
    // process applies no expiry of its own: an engine with another day rule stays in control.
    const sim = new FillSimulator();
    const portfolio = new Portfolio({ initialCash: 100_000 });
    const o = order({ quantity: 10, timeInForce: 'day' });
    expect(sim.process(o, bar(parseIso('2024-01-03T14:30:00Z'), 9.5), portfolio)?.price).toBe(9.5);
  });

  it('are cancelled in bulk by expireDayOrders, which returns only those it cancelled', () => {
    const yesterday = order({ timeInForce: 'day' }, T0 - MS_PER_DAY);
    const oldGtc = order({}, T0 - MS_PER_DAY);
    const today = order({ timeInForce: 'day' });
    const filled = order({ timeInForce: 'day', quantity: 1 }, T0 - MS_PER_DAY);
    filled.fill(1, 10);
    const expired = expireDayOrders([yesterday, oldGtc, today, filled], T0 + HOUR);
    expect(expired).toEqual([yesterday]);
    expect(yesterday.status).toBe('cancelled');
    expect([oldGtc.status, today.status, filled.status]).toEqual(['submitted', 'submitted', 'filled']);
    expect(expireDayOrders([oldGtc, today], T0 + HOUR)).toHaveLength(0);
  });

  it('expire exactly at midnight UTC, not a millisecond before', () => {
    const sim = new FillSimulator();
    const midnight = parseIso('2024-01-03');
    const a = order({ timeInForce: 'day' });
    expect(sim.expireDayOrders([a], midnight - 1)).toHaveLength(0);
    expect(sim.expireDayOrders([a], midnight)).toEqual([a]);
  });
});

describe('FillSimulator properties', () => {
  const SYMS = [SYM, OTHER];
  const step = fc.record({
    symbol: fc.integer({ min: 0, max: 1 }),
    quantity: fc.integer({ min: -400, max: 400 }).filter((q) => q !== 0),
    open: fc.double({ min: 1, max: 1000, noNaN: true }),
    spread: fc.double({ min: 0, max: 0.2, noNaN: true }),
  });

  it('a refused order changes no state; an accepted opening fill respects leverage × equity', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), fc.constantFrom(0.5, 1, 2), (steps, leverage) => {
        const sim = new FillSimulator({
          leverage,
          slippage: new FixedBpsSlippage(5),
          fees: new PerShareFee({ perShare: 0.01, minimum: 1 }),
        });
        const portfolio = new Portfolio({ initialCash: 50_000 });
        steps.forEach((s, i) => {
          const symbol = SYMS[s.symbol]!;
          const b = bar(T0 + (i + 1) * HOUR, s.open, s.open * (1 + s.spread), s.open * (1 - s.spread));
          const held = portfolio.quantity(symbol);
          const before = json(portfolio);
          const o = Order.create(nextId++, { symbol, quantity: s.quantity }, T0);
          const fill = sim.process(o, b, portfolio);
          if (fill === undefined) {
            expect(o.status).toBe('rejected');
            expect(o.rejectReason).toMatch(/^insufficient buying power: needs -?[\d,]+\.\d\d, has -?[\d,]+\.\d\d$/);
            expect(json(portfolio)).toBe(before);
          } else {
            expect(o.status).toBe('filled');
            const reduces = held !== 0 && Math.sign(held) !== Math.sign(s.quantity) && Math.abs(s.quantity) <= Math.abs(held);
            if (!reduces) expect(portfolio.grossExposure).toBeLessThanOrEqual(leverage * portfolio.equity * (1 + 1e-9) + 1e-9);
          }
          for (const symbolId of SYMS) portfolio.mark(symbolId, b.close, b.high, b.low);
        });
      }),
    );
  });
});

import { SymbolId, type AlgorithmContext, type Insight } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import {
  BlackLittermanPortfolio,
  ConfidenceWeightedPortfolio,
  EqualWeightPortfolio,
  InsightWeightingPortfolio,
  MeanVarianceOptimizationPortfolio,
  PortfolioModelBase,
  RiskParityPortfolio,
} from '../../src/portfolio/index.js';
import { TestContext, makeBars, pricesFromReturns, targetMap } from './fixtures.js';

const [A, B, C] = ['A.X', 'B.X', 'C.X'].map((s) => SymbolId.parse(s)) as [SymbolId, SymbolId, SymbolId];
const flat = (n: number, price = 100): number[] => new Array(n).fill(price);

describe('PortfolioModelBase: insights to targets', () => {
  it('uses only the most recent active insight of each symbol', () => {
    const ctx = new TestContext(makeBars({ 'A.X': flat(3), 'B.X': flat(3) })).step();
    const early = ctx.insight({ symbol: A, direction: 'up' }, 'First');
    ctx.step();
    const late = ctx.insight({ symbol: A, direction: 'down' }, 'Second');
    const other = ctx.insight({ symbol: B, direction: 'up' });
    const targets = new EqualWeightPortfolio().createTargets(ctx, [late, other, early]);
    expect(targetMap(targets)).toEqual({ 'A.X': -0.5, 'B.X': 0.5 });
  });

  it('ignores insights that are no longer active', () => {
    const ctx = new TestContext(makeBars({ 'A.X': flat(3), 'B.X': flat(3) })).step();
    const short = ctx.insight({ symbol: A, direction: 'up', period: 1 });
    const lasting = ctx.insight({ symbol: B, direction: 'up' });
    ctx.step();
    expect(targetMap(new EqualWeightPortfolio().createTargets(ctx, [short, lasting]))).toEqual({ 'B.X': 1 });
  });

  it('treats insights against the bias as flat', () => {
    const ctx = new TestContext(makeBars({ 'A.X': flat(2), 'B.X': flat(2), 'C.X': flat(2) })).step();
    const insights = [ctx.insight({ symbol: A, direction: 'up' }), ctx.insight({ symbol: B, direction: 'down' }), ctx.insight({ symbol: C, direction: 'up' })];
    expect(targetMap(new EqualWeightPortfolio({ portfolioBias: 'long' }).createTargets(ctx, insights))).toEqual({ 'A.X': 0.5, 'C.X': 0.5 });
    expect(targetMap(new EqualWeightPortfolio({ portfolioBias: 'short' }).createTargets(ctx, insights))).toEqual({ 'B.X': -1 });
  });

  it('emits a zero quantity for a symbol whose insight turned flat or disappeared', () => {
    const ctx = new TestContext(makeBars({ 'A.X': flat(3), 'B.X': flat(3), 'C.X': flat(3) })).step();
    const model = new EqualWeightPortfolio();
    const a = ctx.insight({ symbol: A, direction: 'up' });
    const b = ctx.insight({ symbol: B, direction: 'up' });
    const c = ctx.insight({ symbol: C, direction: 'up' });
    model.createTargets(ctx, [a, b, c]);
    ctx.step();
    const bFlat = ctx.insight({ symbol: B, direction: 'flat' });
    expect(targetMap(model.createTargets(ctx, [a, bFlat]))).toEqual({ 'A.X': 1, 'B.X': 'q:0', 'C.X': 'q:0' });
    expect([...model.targetWeights]).toEqual([[A, 1]]);
  });

  it('re-emits only the weights that changed after an insight change', () => {
    const ctx = new TestContext(makeBars({ 'A.X': flat(3), 'B.X': flat(3) })).step();
    const model = new InsightWeightingPortfolio();
    const a = ctx.insight({ symbol: A, direction: 'up', weight: 0.3 });
    const b = ctx.insight({ symbol: B, direction: 'up', weight: 0.2 });
    expect(targetMap(model.createTargets(ctx, [a, b]))).toEqual({ 'A.X': 0.3, 'B.X': 0.2 });
    ctx.step();
    const b2 = ctx.insight({ symbol: B, direction: 'up', weight: 0.4 });
    expect(targetMap(model.createTargets(ctx, [a, b2]))).toEqual({ 'B.X': 0.4 });
  });

  it('re-emits every target on a scheduled rebalance, every N timestamps', () => {
    const ctx = new TestContext(makeBars({ 'A.X': flat(8) }));
    const model = new EqualWeightPortfolio({ rebalance: { kind: 'bars', every: 3 } });
    const due: boolean[] = [];
    let a: Insight | undefined;
    for (let i = 0; i < 7; i++) {
      ctx.step();
      due.push(model.rebalanceDue(ctx));
      expect(model.rebalanceDue(ctx)).toBe(due[i]); // stable within a timestamp
      if (i === 1) {
        a = ctx.insight({ symbol: A, direction: 'up' });
        expect(targetMap(model.createTargets(ctx, [a]))).toEqual({ 'A.X': 1 });
      }
      if (i === 4) expect(model.createTargets(ctx, [a!])).toEqual([]);
      if (i === 6) expect(targetMap(model.createTargets(ctx, [a!]))).toEqual({ 'A.X': 1 });
    }
    // Due at the 1st timestamp and every 3rd after it.
    expect(due).toEqual([true, false, false, true, false, false, true]);
  });

  it('never rebalances on schedule with rebalance: never', () => {
    const ctx = new TestContext(makeBars({ 'A.X': flat(3) })).step();
    const model = new EqualWeightPortfolio();
    expect(model.rebalanceDue(ctx)).toBe(false);
    expect(model.rebalance).toBe('never');
  });

  it('rebalances weekly on the first timestamp of each week', () => {
    // Daily bars from Monday 2020-01-06: weeks start at indices 0, 7, 14.
    const ctx = new TestContext(makeBars({ 'A.X': flat(15) }));
    const model = new EqualWeightPortfolio({ rebalance: { kind: 'weekly' } });
    const due: number[] = [];
    for (let i = 0; i < 15; i++) if (model.rebalanceDue(ctx.step())) due.push(i);
    expect(due).toEqual([0, 7, 14]);
  });

  describe('drift threshold', () => {
    // Equity 100,000 at price 100: 500 shares = weight 0.5.
    const setup = (threshold: number): { ctx: TestContext; model: EqualWeightPortfolio; a: Insight; b: Insight } => {
      const ctx = new TestContext(makeBars({ 'A.X': flat(4), 'B.X': flat(4), 'C.X': flat(4) })).step();
      const model = new EqualWeightPortfolio({ driftThreshold: threshold });
      const a = ctx.insight({ symbol: A, direction: 'up' });
      const b = ctx.insight({ symbol: B, direction: 'up' });
      model.createTargets(ctx, [a, b]);
      ctx.hold(A, 500);
      ctx.hold(B, 500);
      ctx.step();
      return { ctx, model, a, b };
    };

    it('suppresses re-targeting within the threshold but still opens new positions', () => {
      const { ctx, model, a, b } = setup(0.2);
      const c = ctx.insight({ symbol: C, direction: 'up' });
      // Targets become 1/3 each; A and B sit at 0.5, |0.5 − 1/3| ≈ 0.167 ≤ 0.2.
      expect(targetMap(model.createTargets(ctx, [a, b, c]))).toEqual({ 'C.X': 1 / 3 });
    });

    it('re-targets beyond the threshold', () => {
      const { ctx, model, a, b } = setup(0.1);
      const c = ctx.insight({ symbol: C, direction: 'up' });
      expect(targetMap(model.createTargets(ctx, [a, b, c]))).toEqual({ 'A.X': 1 / 3, 'B.X': 1 / 3, 'C.X': 1 / 3 });
    });

    it('never suppresses closing or flipping a position', () => {
      const { ctx, model, a } = setup(5);
      const bDown = ctx.insight({ symbol: B, direction: 'down' });
      expect(targetMap(model.createTargets(ctx, [a, bDown]))).toEqual({ 'B.X': -0.5 });
      ctx.step();
      // B's insight is gone: it is closed; A's move from 0.5 to 1 is within the (huge) threshold.
      expect(targetMap(model.createTargets(ctx, [a]))).toEqual({ 'B.X': 'q:0' });
    });

    it('counts open orders as committed', () => {
      const { ctx, model, a, b } = setup(0.2);
      // An open buy of 300 A makes A's committed weight 0.8: |0.8 − 1/3| > 0.2.
      ctx.openOrder({ symbol: A, quantity: 300 });
      const c = ctx.insight({ symbol: C, direction: 'up' });
      expect(targetMap(model.createTargets(ctx, [a, b, c]))).toEqual({ 'A.X': 1 / 3, 'C.X': 1 / 3 });
    });
  });

  it('names bad common options', () => {
    expect(() => new EqualWeightPortfolio({ portfolioBias: 'sideways' as never })).toThrow(/portfolioBias/);
    expect(() => new EqualWeightPortfolio({ driftThreshold: -0.1 })).toThrow(/driftThreshold/);
    expect(() => new EqualWeightPortfolio({ rebalance: { kind: 'bars', every: 0 } })).toThrow(/rebalance\.every/);
    expect(() => new EqualWeightPortfolio({ name: '' })).toThrow(/name/);
  });

  it('takes its name from the options, else the class name', () => {
    expect(new EqualWeightPortfolio().name).toBe('EqualWeightPortfolio');
    expect(new EqualWeightPortfolio({ name: 'EW2' }).name).toBe('EW2');
  });

  it('rejects a subclass weight that is not finite', () => {
    class Broken extends PortfolioModelBase {
      constructor() {
        super('Broken');
      }
      protected computeWeights(_ctx: AlgorithmContext, _insights: readonly Insight[], out: Float64Array): void {
        out.fill(Number.NaN);
      }
    }
    const ctx = new TestContext(makeBars({ 'A.X': flat(2) })).step();
    expect(() => new Broken().createTargets(ctx, [ctx.insight({ symbol: A, direction: 'up' })])).toThrow(/weight NaN for A\.X/);
  });
});

describe('every portfolio model', () => {
  const ra = [0.012, -0.008, 0.02, 0.004, -0.006, 0.015, 0.01, -0.004];
  const rb = [0.006, 0.01, -0.004, 0.008, 0.002, -0.002, 0.007, 0.005];
  const models = [
    () => new EqualWeightPortfolio(),
    () => new InsightWeightingPortfolio(),
    () => new ConfidenceWeightedPortfolio(),
    () => new RiskParityPortfolio({ lookback: 8 }),
    () => new MeanVarianceOptimizationPortfolio({ lookback: 8 }),
    () => new BlackLittermanPortfolio({ lookback: 8 }),
  ];

  it.each(models.map((make) => [make().name, make] as const))('%s emits a zero target for a symbol that lost its insight', (_name, make) => {
    const ctx = new TestContext(makeBars({ 'A.X': pricesFromReturns(ra), 'B.X': pricesFromReturns(rb, 50) })).stepTo(7);
    const model = make();
    const a = ctx.insight({ symbol: A, direction: 'up', weight: 0.5, confidence: 0.5 });
    const b = ctx.insight({ symbol: B, direction: 'up', weight: 0.5, confidence: 0.5 });
    const first = model.createTargets(ctx, [a, b]);
    expect(first.map((t) => t.symbol.value).sort()).toEqual(['A.X', 'B.X']);
    for (const t of first) expect(t.weight!).toBeGreaterThan(0);
    ctx.step();
    const second = model.createTargets(ctx, [a]);
    expect(second.find((t) => t.symbol === B)).toEqual({ symbol: B, quantity: 0 });
    expect([...model.targetWeights.keys()]).toEqual([A]);
  });

  it.each(models.map((make) => [make().name, make] as const))('%s keeps Σ|w| ≤ 1 and the bias sign', (_name, make) => {
    const ctx = new TestContext(makeBars({ 'A.X': pricesFromReturns(ra), 'B.X': pricesFromReturns(rb, 50) })).stepTo(8);
    const model = make();
    const insights = [ctx.insight({ symbol: A, direction: 'up', weight: 0.7, confidence: 0.9, magnitude: 0.01 }), ctx.insight({ symbol: B, direction: 'up', weight: 0.6, confidence: 0.4 })];
    const targets = model.createTargets(ctx, insights);
    const gross = targets.reduce((s, t) => s + Math.abs(t.weight ?? 0), 0);
    expect(gross).toBeLessThanOrEqual(1 + 1e-12);
    for (const t of targets) expect(t.weight!).toBeGreaterThanOrEqual(0);
  });
});

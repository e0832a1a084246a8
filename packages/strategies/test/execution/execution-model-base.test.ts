import { SymbolId, type AlgorithmContext, type OrderRequest } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { ExecutionModelBase, type WorkingTarget } from '../../src/execution/execution-model-base.js';
import { TestContext, makeBars } from '../portfolio/fixtures.js';

/** Records what the base hands over, and orders one share at a time. */
class OneAtATime extends ExecutionModelBase<WorkingTarget & { adopted: number }> {
  readonly seen: [string, number][] = [];
  constructor() {
    super('OneAtATime');
  }
  protected adopt(_ctx: AlgorithmContext, _symbol: SymbolId, quantity: number, previous: (WorkingTarget & { adopted: number }) | undefined) {
    return { quantity, done: false, adopted: (previous?.adopted ?? 0) + 1 };
  }
  protected work(_ctx: AlgorithmContext, symbol: SymbolId, _state: WorkingTarget, unordered: number): OrderRequest | undefined {
    this.seen.push([symbol.value, unordered]);
    return unordered === 0 ? undefined : { symbol, quantity: Math.sign(unordered) };
  }
}

describe('ExecutionModelBase', () => {
  const A = SymbolId.parse('A.X');

  it('returns one shared frozen empty array when nothing is working', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [10, 10] })).step();
    const model = new OneAtATime();
    const first = model.execute(ctx, []);
    expect(first).toHaveLength(0);
    expect(Object.isFrozen(first)).toBe(true);
    expect(model.execute(ctx, [])).toBe(first);
  });

  it('keeps a target working across calls and hands it the unordered quantity', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [10, 10, 10, 10] })).step();
    const model = new OneAtATime();
    expect(model.execute(ctx, [{ symbol: A, quantity: 3 }])).toEqual([{ symbol: A, quantity: 1 }]);
    ctx.step();
    ctx.hold(A, 1);
    ctx.openOrder({ symbol: A, quantity: 1 });
    model.execute(ctx, []);
    expect(model.seen).toEqual([
      ['A.X', 3],
      ['A.X', 1],
    ]);
    expect(model.workingTargets()).toEqual(new Map([[A, 3]]));
  });

  it('drops a target once the holdings reach it', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [10, 10, 10] })).step();
    const model = new OneAtATime();
    model.execute(ctx, [{ symbol: A, quantity: 2 }]);
    ctx.step();
    ctx.hold(A, 2);
    expect(model.execute(ctx, [])).toEqual([]);
    expect(model.workingTargets().size).toBe(0);
  });

  it('replaces a working target with a new one for the same symbol', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [10, 10, 10] })).step();
    const model = new OneAtATime();
    model.execute(ctx, [{ symbol: A, quantity: 5 }]);
    model.execute(ctx, [{ symbol: A, quantity: -5 }]);
    expect(model.workingTargets()).toEqual(new Map([[A, -5]]));
    expect(model.seen.at(-1)).toEqual(['A.X', -5]);
  });

  it('resolves a weight target handed to it directly', () => {
    const ctx = new TestContext(makeBars({ 'A.X': [40, 40] }), 10_000).step();
    const model = new OneAtATime();
    model.execute(ctx, [{ symbol: A, weight: 0.5 }]);
    // trunc(0.5 × 10,000 / 40) = 125.
    expect(model.workingTargets()).toEqual(new Map([[A, 125]]));
  });

  it('names an empty name', () => {
    class Named extends OneAtATime {}
    expect(new Named().name).toBe('OneAtATime');
  });
});

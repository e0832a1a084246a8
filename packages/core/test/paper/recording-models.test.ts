import { describe, expect, it } from 'vitest';
import { RecordingPortfolioModel, RecordingRiskModel, SymbolId } from '../../src/index.js';
import type { AlgorithmContext, PortfolioConstructionModel, PortfolioTarget, RiskManagementModel } from '../../src/index.js';

const A = SymbolId.parse('AAA.X');
const ctx = {} as AlgorithmContext;

describe('recording models', () => {
  it('pass the wrapped portfolio model through and record its non-empty output', () => {
    const calls: string[] = [];
    const inner: PortfolioConstructionModel = {
      name: 'Inner',
      createTargets: (_c, insights) => (insights.length === 0 ? [] : [{ symbol: A, weight: 0.5 }]),
      rebalanceDue: () => true,
      onSecuritiesChanged: () => void calls.push('changed'),
    };
    const recorded: [string, readonly PortfolioTarget[]][] = [];
    const model = new RecordingPortfolioModel(inner, (name, targets) => recorded.push([name, targets]));
    expect(model.name).toBe('Inner');
    expect(model.createTargets(ctx, [])).toEqual([]);
    const out = model.createTargets(ctx, [{} as never]);
    expect(recorded).toEqual([['Inner', out]]);
    expect(model.rebalanceDue(ctx)).toBe(true);
    model.onSecuritiesChanged(ctx, { added: [], removed: [] });
    expect(calls).toEqual(['changed']);
    expect(new RecordingPortfolioModel({ name: 'N', createTargets: () => [] }, () => undefined).rebalanceDue(ctx)).toBe(false);
  });

  it('pass the wrapped risk model through and record the post-risk targets', () => {
    const inner: RiskManagementModel = { name: 'Stop', manageRisk: (_c, targets) => [...targets, { symbol: A, quantity: 0 }] };
    const recorded: string[] = [];
    const model = new RecordingRiskModel(inner, (name, targets) => recorded.push(`${name}:${targets.length}`));
    expect(model.manageRisk(ctx, [])).toEqual([{ symbol: A, quantity: 0 }]);
    expect(recorded).toEqual(['Stop:1']);
    model.onSecuritiesChanged(ctx, { added: [], removed: [] });
  });
});

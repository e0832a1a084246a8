import { ModelRegistry, SpecValidationError, SymbolId, type UniverseSelectionModel } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { FilterUniverse } from '../../src/universe/filter-universe.js';
import { ManualUniverse } from '../../src/universe/manual-universe.js';
import { registerUniverseModels } from '../../src/universe/register.js';
import { ScheduledUniverse } from '../../src/universe/scheduled-universe.js';
import { StaticUniverse } from '../../src/universe/static-universe.js';
import { selectionContext } from './spies.js';

const a = SymbolId.parse('AAA.X');
const b = SymbolId.parse('BBB.X');

describe('registerUniverseModels', () => {
  const registry = registerUniverseModels(new ModelRegistry());

  it('registers every universe model under its class name, kind universe', () => {
    expect(registry.names('universe')).toEqual(['FilterUniverse', 'ManualUniverse', 'ScheduledUniverse', 'StaticUniverse']);
    for (const name of registry.names('universe')) expect(registry.describe(name)?.description).not.toBe('');
  });

  it('builds working instances from snake_case kwargs', () => {
    const s = registry.create<UniverseSelectionModel>({ class: 'StaticUniverse', kwargs: { symbols: ['AAA.X', 'BBB.X'], name: 'core' } });
    expect(s).toBeInstanceOf(StaticUniverse);
    expect(s.name).toBe('core');
    expect(s.select(selectionContext([a, b]))).toEqual([a, b]);

    const m = registry.create<ManualUniverse>({ class: 'ManualUniverse', kwargs: {} });
    expect(m).toBeInstanceOf(ManualUniverse);
    m.add(a);
    expect(m.select(selectionContext([a, b]))).toEqual([a]);

    const f = registry.create<FilterUniverse>({ class: 'FilterUniverse', kwargs: { top_n: 3, lookback: 5, min_price: 1, max_price: 500, refresh: { kind: 'weekly', weekday: 1 } } });
    expect(f).toBeInstanceOf(FilterUniverse);
    expect([f.topN, f.lookback, f.minPrice, f.maxPrice]).toEqual([3, 5, 1, 500]);

    const sched = registry.create<ScheduledUniverse>({
      class: 'ScheduledUniverse',
      kwargs: { selections: [{ from: '2020-01-01', symbols: ['AAA.X'] }, { from: '2020-06-01', symbols: ['AAA.X', 'BBB.X'] }] },
    });
    expect(sched).toBeInstanceOf(ScheduledUniverse);
    expect(sched.select(selectionContext([a, b], Date.UTC(2020, 2, 1)))).toEqual([a]);
    expect(sched.select(selectionContext([a, b], Date.UTC(2020, 6, 1)))).toEqual([a, b]);
  });

  it('names the path of a bad kwarg', () => {
    const bad = (spec: unknown): SpecValidationError => {
      try {
        registry.create(spec, 'universe');
      } catch (error) {
        return error as SpecValidationError;
      }
      throw new Error('expected an error');
    };
    expect(bad({ class: 'StaticUniverse', kwargs: { symbols: ['AAA.X', 'bad symbol'] } }).path).toBe('universe.kwargs.symbols.1');
    expect(bad({ class: 'StaticUniverse', kwargs: { symbols: ['AAA.X'], extra: 1 } }).message).toMatch(/universe\.kwargs.*extra/);
    expect(bad({ class: 'FilterUniverse', kwargs: { top_n: 'ten' } }).path).toBe('universe.kwargs.top_n');
    expect(bad({ class: 'FilterUniverse', kwargs: { refresh: { kind: 'bars', every: 0 } } }).path).toBe('universe.kwargs.refresh.every');
    expect(bad({ class: 'ScheduledUniverse', kwargs: { selections: [{ from: 'soon', symbols: [] }] } }).path).toBe('universe.kwargs.selections.0.from');
    expect(bad({ class: 'StaticUniverse', kwargs: {} })).toBeInstanceOf(SpecValidationError);
  });
});

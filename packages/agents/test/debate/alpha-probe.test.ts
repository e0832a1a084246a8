import { InvalidArgumentError, MS_PER_DAY, SymbolId } from '@alphaswarm/core';
import type { AlgorithmContext, AlphaModel, InsightInit, SecurityChanges, Slice } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { probeAlpha } from '../../src/debate/alpha-probe.js';
import { BrokenAlpha, FixedBookAlpha, T0, TrendFollowAlpha, fixtureMarket } from './fixtures/debate-fixtures.js';

describe('probeAlpha', () => {
  const frame = fixtureMarket();
  const times = frame.timestamps();
  const last = times[times.length - 1] ?? 0;

  it('returns the insights still active at asOf, leaving flat ones out', () => {
    const insights = probeAlpha(new FixedBookAlpha([{ symbol: 'CALM', direction: 'up', weight: 2 }, { symbol: 'WILD', direction: 'down' }]), frame, { asOf: last, maxBars: 50 });
    expect(insights.map((i) => [i.symbol.value, i.direction, i.weight])).toEqual([
      ['CALM', 'up', 2],
      ['WILD', 'down', undefined],
    ]);
    // FixedBookAlpha emits at its first bar: the first of the last 50 bar times.
    expect(insights[0]?.generatedTime).toBe(times[times.length - 50]);
  });

  it('never shows the model a bar after asOf', () => {
    const asOf = T0 + 100 * MS_PER_DAY;
    const model = new TrendFollowAlpha(10);
    probeAlpha(model, frame, { asOf });
    expect(model.lastSeen).toBe(asOf);
    // A time between bars: the model sees the bar before it.
    const between = new TrendFollowAlpha(10);
    probeAlpha(between, frame, { asOf: asOf + MS_PER_DAY / 2 });
    expect(between.lastSeen).toBe(asOf);
  });

  it('expires insights by their period and lets a newer one replace an older one', () => {
    const calm = SymbolId.parse('CALM');
    let calls = 0;
    const model: AlphaModel = {
      name: 'Scripted',
      update(_ctx: AlgorithmContext, slice: Slice): readonly InsightInit[] {
        calls += 1;
        if (calls === 1) return [{ symbol: calm, direction: 'up', period: 2 * MS_PER_DAY }];
        if (calls === 3) return [{ symbol: SymbolId.parse('WILD'), direction: 'up' }];
        if (calls === 4) return [{ symbol: SymbolId.parse('WILD'), direction: 'down', tag: String(slice.time) }];
        return [];
      },
    };
    const asOf = times[9] ?? 0;
    const insights = probeAlpha(model, frame, { asOf, maxBars: 10 });
    // CALM's insight closed after two days; WILD's up was replaced by down.
    expect(insights.map((i) => [i.symbol.value, i.direction])).toEqual([['WILD', 'down']]);
  });

  it('announces every symbol once through onSecuritiesChanged, with history up to the first bar', () => {
    const seen: string[] = [];
    let historyLength = -1;
    const model: AlphaModel = {
      name: 'Watcher',
      onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
        seen.push(...changes.added.map((s) => s.value));
        historyLength = ctx.history(SymbolId.parse('CALM'), 'close', 1000).length;
      },
      update: () => [],
    };
    probeAlpha(model, frame, { asOf: times[20] ?? 0, maxBars: 5 });
    expect(seen).toEqual(['CALM', 'WILD']);
    // The replay starts 5 bar times before asOf: the first replayed bar is its only history.
    expect(historyLength).toBe(1);
  });

  it('lets a failing model throw and refuses a time before the data', () => {
    expect(() => probeAlpha(new BrokenAlpha(), frame, { asOf: last })).toThrow(/blew up/);
    expect(() => probeAlpha(new TrendFollowAlpha(3), frame, { asOf: T0 - 1 })).toThrow(InvalidArgumentError);
    expect(() => probeAlpha(new TrendFollowAlpha(3), frame, { asOf: last, maxBars: 0 })).toThrow(/maxBars/);
  });
});

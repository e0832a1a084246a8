import type { AlgorithmContext, AlphaModel, InsightInit, SecurityChanges } from '@alphaswarm/core';
import { SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { priorHistory } from '../../src/alphas/prior-history.js';
import { ScheduledUniverse } from '../../src/universe/scheduled-universe.js';
import { DAY, makeBars, runAlpha, T0 } from './fixtures.js';

/** Records priorHistory of every added symbol. */
class Probe implements AlphaModel {
  readonly name = 'Probe';
  readonly seen: [string, number, number[]][] = [];
  update(): readonly InsightInit[] {
    return [];
  }
  onSecuritiesChanged(ctx: AlgorithmContext, changes: SecurityChanges): void {
    for (const s of changes.added) this.seen.push([s.value, (ctx.time - T0) / DAY, Array.from(priorHistory(ctx, s, 'close', 3))]);
  }
}

describe('priorHistory', () => {
  it('returns the bars before the current one, at most n, oldest first', () => {
    // AAA joins at bar 0 (nothing before it); BBB joins at bar 4 (bars 1–3 before it);
    // CCC has no bar at bar 4 (its bars are 0, 1, 2) and joins there: its last 3 bars.
    const a = SymbolId.parse('AAA.X');
    const b = SymbolId.parse('BBB.X');
    const c = SymbolId.parse('CCC.X');
    const universe = new ScheduledUniverse({ schedule: { kind: 'bars', every: 1 }, selector: (ctx) => (ctx.time < T0 + 4 * DAY ? [a] : [a, b, c]) });
    const probe = new Probe();
    runAlpha(probe, makeBars({ 'AAA.X': [1, 2, 3, 4, 5, 6], 'BBB.X': [10, 11, 12, 13, 14, 15], 'CCC.X': [7, 8, 9] }), { universe });
    expect(probe.seen).toEqual([
      ['AAA.X', 0, []],
      ['BBB.X', 4, [11, 12, 13]],
      ['CCC.X', 4, [7, 8, 9]],
    ]);
  });
});

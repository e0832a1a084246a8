// Composition of risk models with core's CompositeRiskManagementModel: the order of the chain matters, and every
// decision of every part lands in the event log.
import { CompositeRiskManagementModel, EventDrivenBacktester, SeededRandom, SymbolId } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { MaximumPositionPercent, TVaRInterceptor } from '../src/index.js';
import { DAY, ScriptedAlpha, T0, algorithm, barsFromCloses } from './risk-fixtures.js';

const A = SymbolId.parse('AAA.X');
const B = SymbolId.parse('BBB.X');

function walk(seed: number, n: number, start: number, vol: number): number[] {
  const rng = new SeededRandom(seed);
  const out = [start];
  for (let i = 1; i < n; i += 1) out.push(Math.round(out[i - 1]! * (1 + vol * rng.normal()) * 100) / 100);
  return out;
}

/** Normal TVaR at 95 % by hand: −mean + sd × φ(z)/(1 − α), z = Φ⁻¹(0.95) = 1.6448536269514722. */
function handTVaR(xs: readonly number[]): number {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
  return -mean + (sd * Math.exp(-(1.6448536269514722 ** 2) / 2)) / Math.sqrt(2 * Math.PI) / 0.05;
}

describe('CompositeRiskManagementModel of risk-package models', () => {
  const ca = walk(7, 50, 100, 0.03);
  const cb = walk(8, 50, 40, 0.01);
  const data = barsFromCloses({ 'AAA.X': ca, 'BBB.X': cb });
  const alpha = (): ScriptedAlpha =>
    new ScriptedAlpha({
      40: [
        { symbol: A, direction: 'up', weight: 0.8 },
        { symbol: B, direction: 'up', weight: 0.2 },
      ],
    });
  // What the portfolio model asks for at bar 40, and the tail loss of books over the 30 returns up to bar 40.
  const E = 100_000;
  const pa = ca[40]!;
  const pb = cb[40]!;
  const qa = Math.trunc((0.8 * E) / pa);
  const qb = Math.trunc((0.2 * E) / pb);
  const capped = Math.floor((0.3 * E) / pa);
  const tvarOf = (sa: number, sb: number): number => {
    const book: number[] = [];
    for (let t = 11; t <= 40; t += 1) book.push(((sa * pa) / E) * (ca[t]! / ca[t - 1]! - 1) + ((sb * pb) / E) * (cb[t]! / cb[t - 1]! - 1));
    return handTVaR(book);
  };
  const full = tvarOf(qa, qb);
  const clipped = tvarOf(capped, qb);
  const limit = (full + clipped) / 2;
  const run = (order: 'cap-first' | 'tvar-first') => {
    const cap = new MaximumPositionPercent({ maxPercent: 0.3 });
    const tvar = new TVaRInterceptor({ limit, lookback: 30 });
    const risk = new CompositeRiskManagementModel(order === 'cap-first' ? [cap, tvar] : [tvar, cap]);
    return new EventDrivenBacktester({ initialCash: E, freePortfolioValuePct: 0 }).run(algorithm({ alpha: alpha(), risk }), data);
  };

  it('cap then TVaR: the clipped book is under the limit, so only the cap acts', () => {
    expect(clipped).toBeLessThan(limit);
    const result = run('cap-first');
    expect(result.config.models.risk).toBe('MaximumPositionPercent>TVaRInterceptor');
    expect(result.riskEvents.map((e) => [e.time, e.model, e.action, e.symbol])).toEqual([[T0 + 40 * DAY, 'MaximumPositionPercent', 'clip', 'AAA.X']]);
    expect(result.fills.map((f) => [f.symbol.value, f.quantity])).toEqual([
      ['AAA.X', capped],
      ['BBB.X', qb],
    ]);
  });

  it('TVaR then cap: the full book is scaled first, then AAA is still clipped, and BBB ends smaller', () => {
    const result = run('tvar-first');
    const factor = limit / full;
    expect(Math.trunc(qa * factor) * pa).toBeGreaterThan(0.3 * E); // so the cap still clips AAA
    expect(result.riskEvents.map((e) => [e.time, e.model, e.action, e.symbol])).toEqual([
      [T0 + 40 * DAY, 'TVaRInterceptor', 'scale', null],
      [T0 + 40 * DAY, 'MaximumPositionPercent', 'clip', 'AAA.X'],
    ]);
    expect(result.riskEvents[0]!.details['estimate']).toBeCloseTo(full, 12);
    expect(result.riskEvents[1]!.details).toMatchObject({ before: Math.trunc(qa * factor), after: capped });
    expect(result.fills.map((f) => [f.symbol.value, f.quantity])).toEqual([
      ['AAA.X', capped],
      ['BBB.X', Math.trunc(qb * factor)],
    ]);
    // Every decision is in the event log, in the order it was taken, and replays to the same list.
    expect(result.eventLog.filter('risk')).toEqual(result.riskEvents);
  });
});

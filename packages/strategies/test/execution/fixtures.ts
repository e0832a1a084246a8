// Helpers shared by the execution tests (the context and stage fixtures live in ../portfolio/fixtures.ts).
import { SeededRandom, type BacktestResult, type BarSource, type OrderSummary } from '@alphaswarm/core';
import { DAY, T0, makeBars } from '../portfolio/fixtures.js';

/** A seeded random walk of `n` closes with volumes in [lowVolume, 2·lowVolume). */
export function randomBars(seed: number, symbols: readonly string[], n: number, lowVolume = 5_000): BarSource {
  const rng = new SeededRandom(seed);
  const spec: Record<string, { close: number[]; volume: number[] }> = {};
  for (const s of symbols) {
    const close: number[] = [];
    const volume: number[] = [];
    let p = 100;
    for (let i = 0; i < n; i++) {
      p *= Math.exp(0.015 * rng.normal());
      close.push(Math.round(p * 100) / 100);
      volume.push(lowVolume + rng.int(lowVolume));
    }
    spec[s] = { close, volume };
  }
  return makeBars(spec);
}

/** The bar index (days since T0) at which an order was created. */
export function dayOf(order: OrderSummary): number {
  return Math.round((order.createdAt - T0) / DAY);
}

/** `[bar index, quantity]` of every order of `symbol`, in order. */
export function orderPlan(result: BacktestResult, symbol: string): [number, number][] {
  return result.orders.filter((o) => o.symbol === symbol).map((o) => [dayOf(o), o.quantity]);
}

/** Final signed position of `symbol`, from the result's portfolio snapshot. */
export function finalQuantity(result: BacktestResult, symbol: string): number {
  return result.portfolio.positions.find((p) => p.symbol === symbol)?.quantity ?? 0;
}

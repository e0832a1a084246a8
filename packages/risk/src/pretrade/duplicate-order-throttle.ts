import { ACCEPTED } from '@alphaswarm/core';
import type { AlgorithmContext, OrderRequest, PreTradeControl, PreTradeVerdict } from '@alphaswarm/core';
import { integerAtLeast, modelName, positive } from '../caps/option-checks.js';
import { rejection } from './verdicts.js';

/** Options of {@link DuplicateOrderThrottle}. */
export interface DuplicateOrderThrottleOptions {
  /** Length of the look-back window, in ms (a finite number > 0). */
  readonly windowMs: number;
  /** Number of repeats of one order allowed within the window, an integer ≥ 0 (0: no repeat). */
  readonly maxDuplicates: number;
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * Throttles repeated identical orders (a runaway-loop guard in the spirit of MiFID
 * II RTS 6 art. 15 and SEC 15c3-5 duplicative-order checks). Two requests are
 * duplicates when they have the same symbol, side and quantity (the same signed
 * quantity). A request is rejected when at least `maxDuplicates + 1` identical
 * requests were accepted by this control within the window before it, i.e. those at
 * times `t` with `now − t < windowMs` (`now` = `ctx.time`); so at most
 * `1 + maxDuplicates` identical orders pass per window. It counts the requests it
 * passed (a later control may still reject them). Rule `duplicate_order`; details
 * `duplicates` (identical requests in the window), `maxDuplicates`, `windowMs`.
 */
export class DuplicateOrderThrottle implements PreTradeControl {
  /** Name used in risk events. */
  readonly name: string;
  /** The window, ms. */
  readonly windowMs: number;
  /** Repeats allowed per window. */
  readonly maxDuplicates: number;
  private readonly seen = new Map<string, number[]>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  /** @throws InvalidArgumentError when `windowMs` is not > 0 or `maxDuplicates` not an integer ≥ 0. */
  constructor(options: DuplicateOrderThrottleOptions) {
    this.windowMs = positive('windowMs', options.windowMs);
    this.maxDuplicates = integerAtLeast('maxDuplicates', options.maxDuplicates, 0);
    this.name = modelName(options.name, 'DuplicateOrderThrottle');
  }

  /** Accepts while fewer than `maxDuplicates + 1` identical requests passed within the window. */
  check(ctx: AlgorithmContext, request: OrderRequest, _price?: number): PreTradeVerdict {
    const now = ctx.time;
    if (now - this.lastSweep >= this.windowMs) this.sweep(now);
    const key = `${request.symbol.value}\u0000${request.quantity}`;
    const times = this.seen.get(key) ?? [];
    let first = 0;
    while (first < times.length && !(now - (times[first] ?? now) < this.windowMs)) first += 1;
    if (first > 0) times.splice(0, first);
    if (times.length > this.maxDuplicates) {
      this.seen.set(key, times);
      return rejection('duplicate_order', `${times.length} identical orders (${request.symbol.value} ${request.quantity}) within ${this.windowMs} ms, at most ${this.maxDuplicates} repeat(s) allowed`, {
        duplicates: times.length,
        maxDuplicates: this.maxDuplicates,
        windowMs: this.windowMs,
      });
    }
    times.push(now);
    this.seen.set(key, times);
    return ACCEPTED;
  }

  /** Forgets the keys whose last request left the window (keeps memory bounded by one window of orders). */
  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, times] of this.seen) {
      const last = times[times.length - 1];
      if (last === undefined || !(now - last < this.windowMs)) this.seen.delete(key);
    }
  }
}

import { ACCEPTED } from '@alphaswarm/core';
import type { AlgorithmContext, OrderRequest, PreTradeControl, PreTradeVerdict } from '@alphaswarm/core';
import { modelName } from '../caps/option-checks.js';
import { projectedQuantity, rejection } from './verdicts.js';

/** Options of {@link KillSwitchControl}. */
export interface KillSwitchControlOptions {
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * While the run's kill switch is halted (`ctx.killSwitch.isHalted`), lets through
 * only orders that reduce a position (SEC 15c3-5 / MiFID II RTS 6 art. 12 kill
 * functionality): with `p` the holding plus the remaining quantity of the symbol's
 * open orders, an order of quantity `q` passes when `p ≠ 0`, `q` has the opposite
 * sign of `p`, and `|q| ≤ |p|` (it reduces or closes, never flips). Every order
 * passes while the switch is not halted. Rule `kill_switch`; details `position`
 * (`p`), `reason` (the halt reason).
 *
 * The backtester itself stops a halted run before any further step, so in a
 * backtest this control never sees a halted switch; it matters in paper and live
 * sessions, where the session keeps running to unwind positions after a halt.
 */
export class KillSwitchControl implements PreTradeControl {
  /** Name used in risk events. */
  readonly name: string;

  /** @throws InvalidArgumentError on an empty name. */
  constructor(options: KillSwitchControlOptions = {}) {
    this.name = modelName(options.name, 'KillSwitchControl');
  }

  /** Accepts anything while running; only reducing orders while halted. */
  check(ctx: AlgorithmContext, request: OrderRequest, _price?: number): PreTradeVerdict {
    if (!ctx.killSwitch.isHalted) return ACCEPTED;
    const position = projectedQuantity(ctx, request.symbol);
    const q = request.quantity;
    if (position !== 0 && q * position < 0 && Math.abs(q) <= Math.abs(position)) return ACCEPTED;
    return rejection('kill_switch', `kill switch halted (${ctx.killSwitch.reason ?? 'halted'}): only orders that reduce a position pass; ${request.symbol.value} holds ${position}, order ${q}`, {
      position,
      reason: ctx.killSwitch.reason ?? null,
    });
  }
}

import { ACCEPTED, InvalidArgumentError } from '@alphaswarm/core';
import type { AlgorithmContext, OrderRequest, PreTradeControl, PreTradeVerdict } from '@alphaswarm/core';
import { modelName } from '../caps/option-checks.js';

/** Options of {@link PreTradeControls}. */
export interface PreTradeControlsOptions {
  /** Name in risk events; defaults to the class name. */
  readonly name?: string;
}

/**
 * Several pre-trade controls acting as one, checked in the given order: the first
 * rejection wins and the later controls are not consulted (so stateful controls
 * such as {@link DuplicateOrderThrottle} only count what the earlier ones passed).
 * The rejection is returned as the part gave it, with the part's name added to its
 * details as `control`. Equivalent to listing the parts in
 * `FrameworkAlgorithm.preTradeControls`, except that risk events carry the
 * composite's name as the model.
 */
export class PreTradeControls implements PreTradeControl {
  /** Name used in risk events. */
  readonly name: string;
  /** The parts, in the order they are checked. */
  readonly controls: readonly PreTradeControl[];

  /**
   * @param controls - the parts, in order (may be empty: everything passes)
   * @throws InvalidArgumentError when a part is not a pre-trade control
   */
  constructor(controls: readonly PreTradeControl[], options: PreTradeControlsOptions = {}) {
    if (!Array.isArray(controls)) throw new InvalidArgumentError('controls', controls, 'an array of pre-trade controls');
    controls.forEach((control, i) => {
      if (control === null || typeof control !== 'object' || typeof control.check !== 'function') {
        throw new InvalidArgumentError(`controls[${i}]`, control, 'a pre-trade control (an object with check)');
      }
    });
    this.controls = [...controls];
    this.name = modelName(options.name, 'PreTradeControls');
  }

  /** The first part's rejection, or acceptance when every part accepts. */
  check(ctx: AlgorithmContext, request: OrderRequest, price: number): PreTradeVerdict {
    for (const control of this.controls) {
      const verdict = control.check(ctx, request, price);
      if (verdict.accepted) continue;
      return { accepted: false, rule: verdict.rule, reason: verdict.reason, details: { ...verdict.details, control: control.name } };
    }
    return ACCEPTED;
  }
}

import type { ModelRegistry } from '@alphaswarm/core';
import { z } from 'zod';
import { ImmediateExecutionModel } from './immediate-execution-model.js';
import { LimitOffsetExecutionModel } from './limit-offset-execution-model.js';
import { StandardDeviationExecutionModel } from './standard-deviation-execution-model.js';
import { TWAPExecutionModel } from './twap-execution-model.js';
import { VWAPExecutionModel } from './vwap-execution-model.js';

const name = z.string().min(1).optional();

const ImmediateKwargs = z.object({ name, min_quantity: z.number().finite().min(0).optional(), min_order_value: z.number().finite().min(0).optional() }).strict();
const VWAPKwargs = z.object({ name, participation: z.number().gt(0).max(1).optional() }).strict();
const StandardDeviationKwargs = z.object({ name, period: z.number().int().min(2).optional(), deviations: z.number().finite().positive().optional() }).strict();
const TWAPKwargs = z.object({ name, slices: z.number().int().min(1).optional() }).strict();
const LimitOffsetKwargs = z.object({ name, offset_bps: z.number().min(0).lt(10_000).optional(), time_in_force: z.enum(['day', 'gtc']).optional() }).strict();

/**
 * Registers the execution models under their class names, kind `execution`, with
 * snake_case kwargs as written in specs (every model also accepts `name`):
 *
 * - `ImmediateExecutionModel {min_quantity, min_order_value}`
 * - `VWAPExecutionModel {participation}` — fraction of each bar's volume, (0, 1]
 * - `StandardDeviationExecutionModel {period, deviations}`
 * - `TWAPExecutionModel {slices}`
 * - `LimitOffsetExecutionModel {offset_bps, time_in_force: day|gtc}`
 *
 * Unknown kwargs are errors. Returns the registry.
 */
export function registerExecutionModels(registry: ModelRegistry): ModelRegistry {
  const meta = (description: string): { kind: 'execution'; description: string } => ({ kind: 'execution', description });
  registry.register(
    'ImmediateExecutionModel',
    (k) => new ImmediateExecutionModel({ name: k.name, minQuantity: k.min_quantity, minOrderValue: k.min_order_value }),
    ImmediateKwargs,
    meta('Market orders for target − holdings − open orders, at once.'),
  );
  registry.register(
    'VWAPExecutionModel',
    (k) => new VWAPExecutionModel({ name: k.name, participation: k.participation }),
    VWAPKwargs,
    meta('At most a fraction of each bar’s volume, only when the close is favourable against the intraday VWAP.'),
  );
  registry.register(
    'StandardDeviationExecutionModel',
    (k) => new StandardDeviationExecutionModel({ name: k.name, period: k.period, deviations: k.deviations }),
    StandardDeviationKwargs,
    meta('Buys below mean − k·sd and sells above mean + k·sd of recent closes.'),
  );
  registry.register(
    'TWAPExecutionModel',
    (k) => new TWAPExecutionModel({ name: k.name, slices: k.slices }),
    TWAPKwargs,
    meta('Splits each trade into N equal market orders over N bars.'),
  );
  registry.register(
    'LimitOffsetExecutionModel',
    (k) => new LimitOffsetExecutionModel({ name: k.name, offsetBps: k.offset_bps, timeInForce: k.time_in_force }),
    LimitOffsetKwargs,
    meta('Limit orders at the last price minus (buys) or plus (sells) an offset in basis points.'),
  );
  return registry;
}

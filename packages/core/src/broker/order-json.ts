import { z } from 'zod';
import { InvalidArgumentError } from '../errors.js';
import { Order, type OrderJson, type OrderStatus } from '../orders/order.js';
import { SymbolId } from '../symbol-id.js';

const price = z.number().finite().positive().nullable();

const orderJsonSchema = z.strictObject({
  id: z.number().int().refine(Number.isSafeInteger, 'a safe integer'),
  symbol: z.string().min(1),
  quantity: z.number().finite().refine((q) => q !== 0, 'a non-zero quantity'),
  type: z.enum(['market', 'limit', 'stop', 'stop_limit']),
  limitPrice: price,
  stopPrice: price,
  timeInForce: z.enum(['day', 'gtc']),
  tag: z.string().nullable(),
  createdAt: z.number().finite(),
  status: z.enum(['submitted', 'partially_filled', 'filled', 'cancelled', 'rejected']),
  filledQuantity: z.number().finite(),
  averageFillPrice: z.number().finite().min(0),
  stopTriggered: z.boolean(),
  rejectReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
});

/**
 * Rebuilds an {@link Order} from its {@link Order.toJSON} form (or the JSON parse of
 * it): same id, request, creation time, filled quantity, average fill price (as one
 * fill of the filled quantity), triggered stop and final status with its reason.
 *
 * @throws {@link InvalidArgumentError} naming the field (`order.quantity`, …) of a
 * malformed record, or one whose status does not match its filled quantity.
 */
export function orderFromJson(json: OrderJson): Order {
  const parsed = orderJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.map(String).join('.') ?? '';
    throw new InvalidArgumentError(`order${key === '' ? '' : `.${key}`}`, key === '' ? json : (json as unknown as Record<string, unknown>)[key], issue?.message ?? 'an order record');
  }
  const o = parsed.data;
  const order = Order.create(
    o.id,
    {
      symbol: SymbolId.parse(o.symbol),
      quantity: o.quantity,
      type: o.type,
      ...(o.limitPrice === null ? {} : { limitPrice: o.limitPrice }),
      ...(o.stopPrice === null ? {} : { stopPrice: o.stopPrice }),
      timeInForce: o.timeInForce,
      ...(o.tag === null ? {} : { tag: o.tag }),
    },
    o.createdAt,
  );
  if (o.stopTriggered) order.markStopTriggered();
  if (o.filledQuantity !== 0) {
    if (!(o.averageFillPrice > 0)) throw new InvalidArgumentError('order.averageFillPrice', o.averageFillPrice, 'a positive price when something filled');
    order.fill(o.filledQuantity, o.averageFillPrice);
  }
  if (!consistent(o.status, order.status)) {
    throw new InvalidArgumentError('order.status', o.status, `a status consistent with filledQuantity ${o.filledQuantity} of ${o.quantity}`);
  }
  if (o.status === 'cancelled') order.cancel(o.cancelReason ?? 'cancelled');
  else if (o.status === 'rejected') order.reject(o.rejectReason ?? 'rejected');
  return order;
}

/** Whether a recorded status can follow from the rebuilt fill state (`submitted`, `partially_filled` or `filled`). */
function consistent(recorded: OrderStatus, rebuilt: OrderStatus): boolean {
  switch (recorded) {
    case 'submitted':
    case 'rejected':
      return rebuilt === 'submitted';
    case 'partially_filled':
    case 'filled':
      return rebuilt === recorded;
    case 'cancelled':
      return rebuilt !== 'filled';
  }
}

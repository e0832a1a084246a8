import { AlphaSwarmError } from '../errors.js';
import type { Fill } from '../orders/fill.js';
import { Portfolio } from '../portfolio/portfolio.js';
import { SymbolId } from '../symbol-id.js';
import type { EventLog } from './event-log.js';
import type { BarRecord, StartEvent } from './events.js';
import { BacktestResult, type BacktestConfigRecord } from './result.js';

/**
 * Rebuilds a run from its event log alone, running no model: the account is
 * replayed from the start event, market events (marks at the open when orders
 * were pending, then at the close) and fill events. The result's fills, orders,
 * trades, equity curve, statistics and risk events equal those of the original run.
 *
 * @param config - the original configuration record, when known (the replay keeps
 * it in its result); otherwise one is rebuilt from the start event.
 */
export function replay(eventLog: EventLog, config?: BacktestConfigRecord): BacktestResult {
  let start: StartEvent | undefined;
  let portfolio: Portfolio | undefined;
  const fills: Fill[] = [];
  const times: number[] = [];
  const equity: number[] = [];
  const exposure: number[] = [];
  const openOrders = new Set<number>();
  const remaining = new Map<number, number>();
  let pendingClose: readonly BarRecord[] | undefined;
  let halted = false;
  let haltReason: string | null = null;
  let bars = 0;

  const closeSlice = (book: Portfolio): void => {
    if (pendingClose === undefined) return;
    for (const bar of pendingClose) book.mark(SymbolId.parse(bar.symbol), bar.close, bar.high, bar.low);
    pendingClose = undefined;
    equity.push(book.equity);
    exposure.push(book.grossExposure);
  };

  for (const event of eventLog) {
    if (event.kind === 'start') {
      start = event;
      portfolio = new Portfolio({ initialCash: event.initialCash });
      continue;
    }
    if (portfolio === undefined) throw new AlphaSwarmError('EVENT_LOG', `event ${event.seq} (${event.kind}) comes before the start event`);
    if (event.kind === 'fill') {
      const f = event.fill;
      const fill: Fill = { orderId: f.orderId, symbol: SymbolId.parse(f.symbol), time: event.time, quantity: f.quantity, price: f.price, fee: f.fee, slippage: f.slippage };
      portfolio.applyFill(fill);
      fills.push(fill);
      const left = (remaining.get(f.orderId) ?? 0) - f.quantity;
      remaining.set(f.orderId, left);
      if (Math.abs(left) <= 1e-9) openOrders.delete(f.orderId);
      continue;
    }
    if (event.kind === 'order_update') {
      openOrders.delete(event.orderId);
      continue;
    }
    if (event.kind === 'market') {
      closeSlice(portfolio);
      if (openOrders.size > 0) for (const bar of event.bars) portfolio.mark(SymbolId.parse(bar.symbol), bar.open);
      pendingClose = event.bars;
      times.push(event.time);
      bars += event.bars.length;
      continue;
    }
    closeSlice(portfolio);
    if (event.kind === 'order') {
      openOrders.add(event.order.id);
      remaining.set(event.order.id, event.order.quantity);
    } else if (event.kind === 'end') {
      halted = event.halted;
      haltReason = event.reason;
    }
  }
  if (start === undefined || portfolio === undefined) throw new AlphaSwarmError('EVENT_LOG', 'the event log has no start event');
  closeSlice(portfolio);

  const record: BacktestConfigRecord = config ?? {
    algorithm: start.algorithm,
    initialCash: start.initialCash,
    periodsPerYear: start.periodsPerYear,
    symbols: start.symbols,
    models: { universe: '', alpha: '', portfolio: '', risk: '', execution: '' },
    preTradeControls: [],
    freePortfolioValuePct: 0,
    leverage: 1,
    seed: 0,
    progressEvery: 1,
    taskId: 'replay',
  };
  return new BacktestResult({
    config: record,
    specHash: null,
    eventLog,
    fills,
    trades: portfolio.trades,
    openTrades: portfolio.openTrades(),
    equityCurve: { timestamps: Float64Array.from(times), equity: Float64Array.from(equity), exposure: Float64Array.from(exposure) },
    portfolio: portfolio.snapshot(),
    halted,
    haltReason,
    bars,
  });
}

import type { Fill } from '../orders/fill.js';
import type { OrderStatus } from '../orders/order.js';
import type { PortfolioSnapshot } from '../portfolio/snapshot.js';
import type { OpenTrade, Trade } from '../portfolio/trade.js';
import { computeStatistics, type Statistics } from '../statistics/compute-statistics.js';
import type { BacktestSettings } from './config.js';
import type { EventLog } from './event-log.js';
import type { OrderRecord, RiskEvent, UnsequencedEvent } from './events.js';

/** What a run was configured with, as recorded in its result. */
export interface BacktestConfigRecord extends BacktestSettings {
  /** Name of the algorithm. */
  readonly algorithm: string;
  /** Names of the stage models: universe, alpha, portfolio, risk, execution. */
  readonly models: Readonly<Record<'universe' | 'alpha' | 'portfolio' | 'risk' | 'execution', string>>;
  /** Names of the pre-trade controls. */
  readonly preTradeControls: readonly string[];
  /** Symbols of the data. */
  readonly symbols: readonly string[];
}

/** An order in its final state, rebuilt from the event log. */
export interface OrderSummary extends OrderRecord {
  /** Time the order was submitted, epoch ms. */
  readonly createdAt: number;
  /** Final status. */
  readonly status: OrderStatus;
  /** Signed quantity filled. */
  readonly filledQuantity: number;
  /** Average fill price, or null when nothing filled. */
  readonly averageFillPrice: number | null;
  /** Why it was cancelled or rejected, or null. */
  readonly reason: string | null;
}

/**
 * The equity curve: one point per timestamp, after everything at that timestamp.
 * A result's arrays are shared with its event log (the timestamps are the market
 * events' times): read them, copy them to change them.
 */
export interface EquityCurve {
  /** Timestamps, epoch ms. */
  readonly timestamps: Float64Array;
  /** Equity (cash + market value at the closes) at each timestamp. */
  readonly equity: Float64Array;
  /** Gross exposure (Σ |quantity| × close) at each timestamp. */
  readonly exposure: Float64Array;
}

/** The parts a {@link BacktestResult} is made of. */
export interface BacktestResultParts {
  /** Configuration record. */
  readonly config: BacktestConfigRecord;
  /** Hash of the spec that produced the run, when a spec did. */
  readonly specHash: string | null;
  /** The event log. */
  readonly eventLog: EventLog;
  /** Fills, in order. */
  readonly fills: readonly Fill[];
  /** Closed round-trip trades. */
  readonly trades: readonly Trade[];
  /** Trades still open at the end. */
  readonly openTrades: readonly OpenTrade[];
  /** The equity curve. */
  readonly equityCurve: EquityCurve;
  /** Final portfolio state. */
  readonly portfolio: PortfolioSnapshot;
  /** True when the kill switch stopped the run. */
  readonly halted: boolean;
  /** The halt reason, or null. */
  readonly haltReason: string | null;
  /** Bars processed. */
  readonly bars: number;
}

/**
 * Everything a backtest produced: configuration, event log, orders, fills, trades,
 * equity curve, statistics and risk events. Orders and risk events are read from the
 * event log, so a replayed result has them by construction; they, the statistics and
 * the log's hash are derived on first access, so a run pays only for what is read.
 */
export class BacktestResult implements BacktestResultParts {
  /** Configuration record. */
  readonly config: BacktestConfigRecord;
  /** Hash of the producing spec, or null. */
  readonly specHash: string | null;
  /** The event log. */
  readonly eventLog: EventLog;
  /** Fills, in order. */
  readonly fills: readonly Fill[];
  /** Closed round-trip trades. */
  readonly trades: readonly Trade[];
  /** Trades open at the end. */
  readonly openTrades: readonly OpenTrade[];
  /** The equity curve. */
  readonly equityCurve: EquityCurve;
  /** Final portfolio state. */
  readonly portfolio: PortfolioSnapshot;
  /** True when the kill switch stopped the run. */
  readonly halted: boolean;
  /** The halt reason, or null. */
  readonly haltReason: string | null;
  /** Bars processed. */
  readonly bars: number;
  private cachedStatistics: Statistics | undefined;
  private cachedOrders: readonly OrderSummary[] | undefined;
  private cachedRiskEvents: readonly RiskEvent[] | undefined;

  /** Assembles a result; orders, risk events and statistics are derived from it when first read. */
  constructor(parts: BacktestResultParts) {
    this.config = parts.config;
    this.specHash = parts.specHash;
    this.eventLog = parts.eventLog;
    this.fills = parts.fills;
    this.trades = parts.trades;
    this.openTrades = parts.openTrades;
    this.equityCurve = parts.equityCurve;
    this.portfolio = parts.portfolio;
    this.halted = parts.halted;
    this.haltReason = parts.haltReason;
    this.bars = parts.bars;
  }

  /**
   * Every order in its final state, rebuilt from the order, fill and order-update
   * events of the log on first access and cached (a busy run has tens of thousands).
   */
  get orders(): readonly OrderSummary[] {
    this.cachedOrders ??= ordersFromLog(this.eventLog.records('order', 'fill', 'order_update'));
    return this.cachedOrders;
  }

  /** Every risk decision, in order: the log's risk events, read on first access and cached. */
  get riskEvents(): readonly RiskEvent[] {
    this.cachedRiskEvents ??= this.eventLog.filter('risk');
    return this.cachedRiskEvents;
  }

  /**
   * Statistics of the equity curve (with the initial cash as its first point), the
   * trades and the fills; `startTime` and `endTime` are the times of the first and
   * last bar processed (null when none was). Computed on first access and cached: a
   * run that never reads them does not pay for them.
   */
  get statistics(): Statistics {
    if (this.cachedStatistics === undefined) {
      const times = this.equityCurve.timestamps;
      const statistics = computeStatistics({
        equity: withStart(this.config.initialCash, this.equityCurve.equity),
        periodsPerYear: this.config.periodsPerYear,
        trades: this.trades,
        fills: this.fills,
        exposure: withStart(0, this.equityCurve.exposure),
      });
      this.cachedStatistics = { ...statistics, startTime: times[0] ?? null, endTime: times[times.length - 1] ?? null };
    }
    return this.cachedStatistics;
  }

  /** Equity at the last processed timestamp (the initial cash when nothing ran). */
  get finalEquity(): number {
    const e = this.equityCurve.equity;
    return e.length === 0 ? this.config.initialCash : (e[e.length - 1] as number);
  }

  /** SHA-256 of the serialised event log; computed on first access (it streams the whole log) and cached. */
  get eventLogHash(): string {
    return this.eventLog.hash();
  }
}

/** The curve with the account's starting point in front: P_0 = initial cash before the first bar. */
function withStart(start: number, curve: Float64Array): Float64Array {
  const out = new Float64Array(curve.length + 1);
  out[0] = start;
  out.set(curve, 1);
  return out;
}

/** Final states of all orders, from the order, fill and order-update events of a log (with or without sequence numbers). */
export function ordersFromLog(log: Iterable<UnsequencedEvent>): OrderSummary[] {
  interface Mutable {
    record: OrderRecord;
    createdAt: number;
    status: OrderStatus;
    filled: number;
    notional: number;
    reason: string | null;
  }
  const byId = new Map<number, Mutable>();
  for (const event of log) {
    if (event.kind === 'order') {
      byId.set(event.order.id, { record: event.order, createdAt: event.time, status: 'submitted', filled: 0, notional: 0, reason: null });
    } else if (event.kind === 'fill') {
      const o = byId.get(event.fill.orderId);
      if (o === undefined) continue;
      o.filled += event.fill.quantity;
      o.notional += event.fill.quantity * event.fill.price;
      o.status = Math.abs(o.filled - o.record.quantity) <= 1e-9 * Math.max(1, Math.abs(o.record.quantity)) ? 'filled' : 'partially_filled';
    } else if (event.kind === 'order_update') {
      const o = byId.get(event.orderId);
      if (o === undefined) continue;
      o.status = event.status;
      o.reason = event.reason;
    }
  }
  const out: OrderSummary[] = [];
  // Built key by key rather than by spreading the record: tens of thousands of orders
  // are summarised at the end of a busy run.
  for (const o of byId.values()) {
    const r = o.record;
    out.push({
      id: r.id,
      symbol: r.symbol,
      quantity: r.quantity,
      type: r.type,
      limitPrice: r.limitPrice,
      stopPrice: r.stopPrice,
      timeInForce: r.timeInForce,
      tag: r.tag,
      createdAt: o.createdAt,
      status: o.status,
      filledQuantity: o.filled,
      averageFillPrice: o.filled === 0 ? null : o.notional / o.filled,
      reason: o.reason,
    });
  }
  return out;
}
